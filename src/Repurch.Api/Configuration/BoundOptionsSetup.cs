using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Repurch.Api.Persistence;

namespace Repurch.Api.Configuration;

public static class BoundOptionsSetup
{
    /// <summary>
    /// Registers <c>IOptions&lt;T&gt;</c>: read by <see cref="BoundOptions.Read"/>, checked by its
    /// <see cref="BoundOptions.Problems"/> when the node starts (<c>ValidateOnStart</c>).
    /// </summary>
    public static OptionsBuilder<T> AddBoundOptions<T>(this IServiceCollection services) where T : BoundOptions, new()
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, BoundOptionsValidator<T>>());
        return services.AddOptions<T>().Configure<IConfiguration>((o, config) => o.Read(config)).ValidateOnStart();
    }

    /// <summary>
    /// Checks every registered setting now, before anything is served or resolved, and turns a failure
    /// into one <see cref="StartupException"/> line (Program prints it and exits 1) rather than the
    /// host's "Hosting failed to start" log entry and stack trace.
    /// </summary>
    public static void ValidateSettings(this IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException e)
        {
            throw new StartupException(string.Join(" ", e.Failures));
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            throw new StartupException(string.Join(" ", e.InnerExceptions.SelectMany(i => ((OptionsValidationException)i).Failures)));
        }
    }
}
