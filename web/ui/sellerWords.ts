/** A trade-in's status as its seller reads it. */
const LISTING_STATUS: Record<string, string> = {
  active: "Live",
  pending_review: "Waiting for a quick check",
  rejected: "Not accepted",
  draft: "Draft",
  closed: "Closed",
  sold: "Sold",
  sold_out: "Sold",
};

export function listingStatusText(status: string): string {
  return LISTING_STATUS[status] ?? status.replace(/_/g, " ");
}

/** Why the screener held a trade-in, in the seller's words (the API's reason codes). */
const REVIEW_REASONS: Record<string, string> = {
  contact_details: "It includes contact details (a phone number, email address, social handle or link). Buyers message you through the shop instead.",
  off_platform_payment: "It mentions paying outside the shop (such as bank transfer or cash). Buyers pay through the shop so their money is protected.",
  suspicious_link: "It includes a link to another website.",
  payment_scam: "It mentions fees, deposits or payment notices that are common in scams.",
  credential_request: "It asks for codes, bank or card details, or identity documents.",
};

export function reviewReasonText(reason: string): string {
  return REVIEW_REASONS[reason] ?? "Something in the title or description needs a person to look at it.";
}

/** A credit code's status in words. */
const CREDIT_STATUS: Record<string, string> = {
  active: "Ready to spend",
  redeemed: "Spent",
  expired: "Expired",
  voided: "Cancelled",
};

export function creditStatusText(status: string): string {
  return CREDIT_STATUS[status] ?? status;
}

const date = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });

/** "4 December 2026" from an ISO timestamp. */
export function formatDate(iso: string): string {
  return date.format(new Date(iso));
}
