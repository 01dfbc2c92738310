using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Features.Listings;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Audit;

/// <summary>A field's value before and after a change.</summary>
public sealed record FieldChange(object? From, object? To);
