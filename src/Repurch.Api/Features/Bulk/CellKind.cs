using System.Text.Json;
using Repurch.Api.Features.Listings;
using Repurch.Api.Features.Taxonomy;
using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Bulk;

public enum CellKind { Text, Money, WholeNumber, Choice, Multi, Date, Urls }
