using Repurch.Api.Errors;

namespace Repurch.Api.Features.Accounts;

public static class AccountErrors
{
    public static readonly ErrorCode EmailTaken = new(409, "email_taken",
        "An account with this email already exists under this brand (the same email under another brand is another account).",
        "An account with this email already exists.");
    public static readonly ErrorCode InvalidCredentials = new(401, "invalid_credentials",
        "The email and password do not match an account of this brand. The answer, and its timing, are the same whichever half was wrong and whether the account exists.",
        "The email or password is incorrect.");
    public static readonly ErrorCode TooManyAttempts = new(429, "too_many_attempts",
        "Too many failed sign-ins recently for this email (`Accounts:SignInFailureLimit`, 5) or from this client (the storefront key and the end user's address in `Repurch-Forwarded-For`: `Accounts:SignInClientFailureLimit`, 20; without that header the key's own `Accounts:SignInKeyFailureLimit`, 200) within `Accounts:SignInWindowMinutes` (15). " +
        "Every attempt is refused, the right password too, until `Retry-After` seconds have passed; an email with no account is throttled the same way, so the answer tells nothing about which emails exist.",
        "Too many failed sign-in attempts. Try again later.");
    public static readonly ErrorCode CurrentPasswordIncorrect = new(403, "current_password_incorrect",
        "`current_password` is not the account's password. It counts as a failed sign-in of the account (the same throttle, and `account.sign_in_failed` in the audit log).",
        "The current password is incorrect.");
}
