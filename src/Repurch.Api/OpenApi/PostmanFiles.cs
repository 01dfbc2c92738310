using Microsoft.Net.Http.Headers;

namespace Repurch.Api.OpenApi;

/// <summary>
/// The Postman v2.1 collection generated from the OpenAPI document (<c>openapi/postman.json</c>, made by
/// <c>./run sdks</c>) and its sandbox and live environments, embedded at build so the served copy is
/// the committed one. Public like <c>/openapi/v1.json</c>; an ETag lets Postman and caches revalidate.
/// </summary>
public static class PostmanFiles
{
    public const string CollectionPath = "/postman/collection.json";

    private static readonly Dictionary<string, (byte[] Body, EntityTagHeaderValue Tag)> Files = Load();

    private static Dictionary<string, (byte[], EntityTagHeaderValue)> Load()
    {
        var assembly = typeof(PostmanFiles).Assembly;
        var files = new Dictionary<string, (byte[], EntityTagHeaderValue)>(StringComparer.Ordinal);
        foreach (var (path, resource) in new[]
        {
            (CollectionPath, "postman.json"),
            ("/postman/environments/sandbox.json", "postman.sandbox.environment.json"),
            ("/postman/environments/live.json", "postman.live.environment.json"),
        })
        {
            using var stream = assembly.GetManifestResourceStream("Repurch.Api.Postman." + resource)
                ?? throw new InvalidOperationException($"openapi/{resource} is not embedded: run ./run sdks");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var body = copy.ToArray();
            files[path] = (body, new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))[..32]}\""));
        }
        return files;
    }

    public static IEndpointRouteBuilder MapPostmanFiles(this IEndpointRouteBuilder app)
    {
        foreach (var (path, (body, tag)) in Files)
        {
            app.MapGet(path, (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=300";
                return TypedResults.Bytes(body, "application/json", entityTag: tag);
            }).AllowAnonymous().ExcludeFromDescription();
        }
        return app;
    }
}
