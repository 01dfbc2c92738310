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
}
