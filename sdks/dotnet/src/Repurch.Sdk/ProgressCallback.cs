namespace Repurch.Sdk;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls its action at once, on the polling thread. (The framework's
/// <see cref="Progress{T}"/> posts to the thread pool, so in a console program its last report can come
/// after the code that follows the wait, or not at all.)
/// </summary>
public sealed class ProgressCallback<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
