import { RepurchError } from "@repurch/sdk";

/** What a form shows after its action: a summary and, per field, what to fix. */
export interface FormState {
  error?: string;
  fields?: Record<string, string>;
}

/** British English for the codes a visitor can cause; the API's own message for anything else. */
const MESSAGES: Record<string, [field: string, text: string]> = {
  email_required: ["email", "Enter your email address."],
  email_invalid: ["email", "Enter an email address like name@example.co.uk."],
  email_too_long: ["email", "That email address is too long."],
  email_taken: ["email", "There is already an account with that email address. Sign in instead."],
  display_name_required: ["display_name", "Enter your name."],
  display_name_too_long: ["display_name", "Your name can be at most 100 characters."],
  display_name_invalid: ["display_name", "Your name cannot contain control characters."],
  password_required: ["password", "Enter a password."],
  password_too_short: ["password", "Use at least 12 characters."],
  password_too_long: ["password", "Use at most 128 characters."],
  password_too_common: ["password", "That password is too common or has been in a data breach. Try a few unrelated words."],
  password_repetitive: ["password", "That password repeats itself. Try a few unrelated words."],
  password_sequential: ["password", "That password is a sequence (like 123456 or abcdef). Try a few unrelated words."],
  password_contains_email: ["password", "Your password cannot contain your email address."],
  password_contains_brand: ["password", "Your password cannot contain the shop's name."],
  // Trade-ins (POST /v1/me/listings).
  title_required: ["title", "Enter a title."],
  title_too_long: ["title", "The title can be at most 200 characters."],
  title_invalid: ["title", "The title cannot contain control characters."],
  description_too_long: ["description", "The description can be at most 20,000 characters."],
  description_invalid: ["description", "The description cannot contain control characters."],
  price_gbp_required: ["price_gbp", "Enter a price in whole pounds, like 180."],
  price_gbp_invalid: ["price_gbp", "Enter a price in whole pounds, between £1 and £1,000,000."],
  delivery_contribution_invalid: ["delivery_contribution_gbp", "Choose a delivery contribution from the list."],
  condition_required: ["condition", "Choose the condition."],
  condition_invalid: ["condition", "Choose the condition from the list."],
  category_required: ["category", "Choose a category."],
  category_invalid: ["category", "Choose a category from the list."],
  item_type_invalid: ["item_type", "Choose an item type from the list."],
  brand_invalid: ["brand", "Choose a brand from the list."],
  colour_invalid: ["colour", "Choose a colour from the list."],
  fabric_invalid: ["fabric", "Choose a fabric from the list."],
  age_years_invalid: ["age_years", "Choose an age from the list."],
  measurements_invalid: ["measurements", "Enter each measurement as a number of centimetres, like 210."],
  exposed_to_invalid: ["exposed_to", "Choose from the list."],
  faults_invalid: ["faults", "Choose faults from the list."],
  faults_required: ["faults", "Tick the faults that apply, or none."],
  attachment_ids_invalid: ["attachment_ids", "One of the photos could not be used. Remove it and add it again."],
  invalid_credentials: ["", "That email and password do not match an account here."],
  too_many_attempts: ["", "Too many attempts. Wait 15 minutes, then try again."],
  // Buying, disputes and messages (buyer pages).
  listing_sold_out: ["", "Sorry, this sofa has just sold out: someone else's order reserved the last one."],
  insufficient_quantity: ["", "Sorry, there are not enough of these left."],
  cannot_buy_own_listing: ["", "This is your own listing, so you cannot buy it."],
  listing_not_found: ["", "This sofa is no longer on sale."],
  listing_unavailable: ["", "This sofa is no longer on sale, so you cannot message the seller about it."],
  own_listing: ["", "This is your own listing, so there is no seller to ask."],
  order_state_invalid: ["", "This order has changed in the meantime. Reload the page to see where it is now."],
  order_not_disputable: ["", "You can only report a problem while your money is held (after paying, before the order is completed)."],
  dispute_exists: ["", "You have already reported a problem with this order."],
  reason_required: ["reason", "Choose what went wrong."],
  reason_invalid: ["reason", "Choose what went wrong."],
  text_required: ["text", "Enter your message."],
  text_too_long: ["text", "Your message can be at most 4,000 characters."],
  text_invalid: ["text", "Your message contains characters we cannot accept. Use ordinary text and line breaks."],
  message_rate_limited: ["", "You are sending messages too quickly. Wait a minute, then try again."],
};

/** A failed API call as a form's state; anything that is not the API's refusal is rethrown (the error page shows). */
export function formProblem(error: unknown, summary = "Please check what you entered."): FormState {
  if (!(error instanceof RepurchError) || error.status >= 500) throw error;
  const codes = Array.isArray(error.data?.errors) ? (error.data.errors as string[]) : [error.code];
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const code of codes) {
    const known = MESSAGES[code];
    if (known?.[0]) fields[known[0]] ??= known[1];
    else general.push(known?.[1] ?? error.message);
  }
  return { error: general[0] ?? summary, fields };
}
