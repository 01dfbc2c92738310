/** Plain-English words for orders, disputes and screened messages (the buyer's pages). */

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });
const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Europe/London" });

/** "4 December 2026 at 23:10" (UK time). */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** "18 December 2026" (UK time). */
export function formatDate(iso: string): string {
  return dateOnly.format(new Date(iso));
}

export const ORDER_STATUS: Record<string, string> = {
  pending_payment: "Waiting for payment",
  paid: "Paid",
  completed: "Completed",
  disputed: "Disputed",
  refunded: "Refunded",
  partially_refunded: "Partly refunded",
  cancelled: "Cancelled",
};

export function orderStatus(status: string): string {
  return ORDER_STATUS[status] ?? status;
}

export const DISPUTE_REASONS = [
  { value: "not_received", label: "It has not arrived" },
  { value: "not_as_described", label: "It is not as described" },
  { value: "damaged", label: "It arrived damaged" },
  { value: "other", label: "Something else" },
];

export function disputeReason(reason: string): string {
  return DISPUTE_REASONS.find((r) => r.value === reason)?.label ?? reason;
}

export const DISPUTE_STATUS: Record<string, { label: string; next: string }> = {
  awaiting_seller: { label: "Waiting for the seller", next: "The seller has been told and must answer by the date below. If they do not, the shop's team reviews it." },
  awaiting_buyer: { label: "The seller has answered", next: "The seller has replied. The shop's team will review the case." },
  under_review: { label: "Being reviewed", next: "The shop's team is reviewing the case and will decide by the date below." },
  resolved: { label: "Resolved", next: "This problem has been decided." },
};

export const DISPUTE_OUTCOME: Record<string, string> = {
  refund: "You were refunded in full.",
  partial_refund: "You were refunded part of the price.",
  release: "The money was released to the seller.",
};

/** Why the screener held or blocked a message, one sentence per reason code (ScreeningReasons in the API). */
export const MESSAGE_REASONS: Record<string, string> = {
  contact_details:
    "Phone numbers, email addresses and social media or messaging handles are not allowed: keep contact and payment on the platform so your money stays protected.",
  off_platform_payment:
    "Paying outside the platform (bank transfer, PayPal friends and family, cash, crypto or gift cards) is not allowed: pay at checkout so your money stays protected.",
  suspicious_link: "Links to other websites are not allowed: they are a common way to steal payment details.",
  payment_scam: "It looks like a payment scam (a fake payment notice, an overpayment to refund, or a fee or deposit to hold the item).",
  credential_request: "Asking for codes, passwords, bank or card details or identity documents is not allowed.",
};

export function messageReasons(reasons: string[]): string[] {
  return reasons.map((r) => MESSAGE_REASONS[r] ?? "It contains something our safety checks do not allow.");
}

/** What a message's status means for its sender; null when it was delivered. */
export function messageStatusNote(status: string): string | null {
  if (status === "held") return "Waiting for a check: the seller cannot see this message until the shop's team has looked at it.";
  if (status === "blocked") return "Not delivered: this message was blocked.";
  if (status === "rejected") return "Not delivered: the shop's team did not approve it.";
  return null;
}
