using System.Text.Json;
using Repurch.Api.Features.Listings;
using Repurch.Api.Features.Taxonomy;
using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Bulk;

public sealed record BulkColumn(string Name, CellKind Kind, string Help, bool Required = false);
