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
        "Too many failed sign-ins recently, for this account or from this client (`Accounts:FailureLimit` per `Accounts:FailureWindowMinutes` for each); `Retry-After` says when to try again. Answered before the password is checked, and the same whether the account exists.",
        "Too many failed sign-in attempts. Try again later.");
    public static readonly ErrorCode CurrentPasswordIncorrect = new(403, "current_password_incorrect",
        "`current_password` does not match: the password (or email) was not changed.",
        "The current password is incorrect.");
}
