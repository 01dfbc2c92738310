using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Auth;

public sealed record TokenPair(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken);
