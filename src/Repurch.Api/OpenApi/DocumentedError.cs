using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Repurch.Api.Errors;

namespace Repurch.Api.OpenApi;

public sealed record DocumentedError(int Status, string Code, string Message);
