import type { ListingSummary } from "@/lib/api";
import { ListingCard } from "./ListingCard";

export function ListingGrid({ listings, empty }: { listings: ListingSummary[]; empty: string }) {
  if (listings.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="grid" data-testid="listings">
      {listings.map((l, i) => (
        <ListingCard key={l.id} listing={l} eager={i === 0} />
      ))}
    </ul>
  );
}
