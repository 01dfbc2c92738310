namespace Repurch.Api.Storage;

public static class ObjectStoreSetup
{
    public static void AddObjectStore(this IServiceCollection services)
    {
        services.AddSingleton(sp => StorageOptions.From(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(sp => Create(sp.GetRequiredService<StorageOptions>()));
        services.AddSingleton<MediaUrls>();
    }

    /// <summary>The store the options name: S3 when a bucket is set, else the local directory.</summary>
    public static IObjectStore Create(StorageOptions options) =>
        options.UsesS3 ? new S3ObjectStore(options) : new LocalObjectStore(options.LocalDirectory);
}
