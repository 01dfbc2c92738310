using Microsoft.Extensions.Options;
using Repurch.Api.Configuration;

namespace Repurch.Api.Storage;

public static class ObjectStoreSetup
{
    /// <summary>The object store and photo URLs, from <see cref="StorageOptions"/> (checked at startup).</summary>
    public static IServiceCollection AddObjectStore(this IServiceCollection services)
    {
        services.AddBoundOptions<StorageOptions>()
            .Configure<IHostEnvironment>((o, env) => o.ContentRoot = env.ContentRootPath);
        services.AddSingleton(sp => Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<MediaUrls>();
        return services;
    }

    /// <summary>The store the options name: S3 when a bucket is set, else the local directory.</summary>
    public static IObjectStore Create(StorageOptions options) =>
        options.UsesS3 ? new S3ObjectStore(options) : new LocalObjectStore(options.LocalDirectory);
}
