import type { ListingDetail } from "@/lib/api";

/** schema.org Product with its Offer: price in GBP, availability and (every listing being pre-owned or ex-display) used condition. */
export function productJsonLd(listing: ListingDetail, canonical: string) {
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: listing.title,
    description: listing.description ?? undefined,
    image: listing.images.length > 0 ? listing.images : listing.image_url ? [listing.image_url] : undefined,
    sku: listing.sku ?? String(listing.id),
    category: listing.category,
    color: listing.colour ?? undefined,
    material: listing.fabric ?? undefined,
    brand: listing.brand ? { "@type": "Brand", name: listing.brand } : undefined,
    offers: {
      "@type": "Offer",
      url: canonical,
      price: listing.price.toFixed(2),
      priceCurrency: "GBP",
      availability: listing.status === "active" ? "https://schema.org/InStock" : "https://schema.org/SoldOut",
      itemCondition: "https://schema.org/UsedCondition",
    },
  };
}
