using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Features.Listings;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;

namespace Repurch.Api.Features.Audit;

/// <summary>A field's value before and after a change.</summary>
public sealed record FieldChange(object? From, object? To);
