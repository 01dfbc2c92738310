namespace Repurch.Api.Storage;

/// <summary>
/// Objects as files under one directory (<c>REPURCH_STORAGE_DIR</c>). Writes go to a temporary
/// file first and are renamed into place, so a reader never sees half an object.
/// </summary>
public sealed class LocalObjectStore : IObjectStore
{
    public LocalObjectStore(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string? DirectBaseUrl => null;

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temp, content.ToArray(), ct);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        if (File.Exists(path)) File.Delete(path);
        return Task.CompletedTask;
    }

    /// <summary>Keys are made by the app, but a key must still never name a file outside the root.</summary>
    private string PathOf(string key)
    {
        if (!ObjectKeys.IsValid(key)) throw new ArgumentException($"invalid object key: {key}", nameof(key));
        var path = Path.GetFullPath(Path.Combine(Root, key));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"invalid object key: {key}", nameof(key));
        return path;
    }
}
