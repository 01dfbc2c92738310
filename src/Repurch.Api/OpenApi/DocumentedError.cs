using Microsoft.OpenApi;
using Repurch.Api.Errors;

namespace Repurch.Api.OpenApi;

public sealed record DocumentedError(int Status, string Code, string Message);
