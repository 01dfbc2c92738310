using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.ApiKeys;

public static class ApiKeyMapper
{
    public const string Live = "live";
    public const string Sandbox = "sandbox";
    public static readonly string[] Environments = [Live, Sandbox];

    public static string EnvironmentOf(Plane plane) => plane == Plane.Sandbox ? Sandbox : Live;

    public static Plane PlaneOf(string environment) => environment == Sandbox ? Plane.Sandbox : Plane.Live;

    public static ApiKeyView View(ApiKey k, Plane plane) => new(
        k.Id, k.Name, k.Prefix, k.Role, k.Scopes, EnvironmentOf(plane), WireFormat.Timestamp(k.CreatedAt),
        WireFormat.Timestamp(k.LastUsedAt), WireFormat.Timestamp(k.RevokedAt), k.CreatedByKeyId);

    public static CreatedApiKey Created(ApiKey k, Plane plane, string secret) => new(
        k.Id, k.Name, k.Prefix, k.Role, k.Scopes, EnvironmentOf(plane), WireFormat.Timestamp(k.CreatedAt),
        WireFormat.Timestamp(k.LastUsedAt), WireFormat.Timestamp(k.RevokedAt), k.CreatedByKeyId, secret);

}
