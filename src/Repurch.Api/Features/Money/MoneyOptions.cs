using Repurch.Api.Configuration;

namespace Repurch.Api.Features.Money;

/// <summary>Money settings, from configuration (<c>Money:…</c>, e.g. <c>Money__AutoReleaseDays=7</c>).</summary>
public sealed class MoneyOptions : BoundOptions
{
    /// <summary>Days after payment that escrow is released without the buyer's confirmation.</summary>
    public double AutoReleaseDays { get; set; } = 7;
    /// <summary>How often the background sweep releases due escrow and retries unsent payouts.</summary>
    public double SweepIntervalSeconds { get; set; } = 60;
    /// <summary>How long an issued credit code stays redeemable.</summary>
    public int CreditValidityDays { get; set; } = 365;
    /// <summary>Failed code guesses (invalid codes) one API key may make per window before it gets 429.</summary>
    public int CodeGuessLimit { get; set; } = 20;
    public int CodeGuessWindowMinutes { get; set; } = 15;

    /// <summary>Read and checked outside DI (the same as the host's <c>IOptions&lt;MoneyOptions&gt;</c>).</summary>
    public static MoneyOptions From(IConfiguration config) => Bind<MoneyOptions>(config);

    protected override void Load(IConfiguration config) => BindSection(config, "Money");

    protected override IEnumerable<string> Check()
    {
        if (!(AutoReleaseDays > 0) || !double.IsFinite(AutoReleaseDays)) yield return $"Money:AutoReleaseDays: {AutoReleaseDays} must be a number of days above 0.";
        if (!(SweepIntervalSeconds > 0) || !double.IsFinite(SweepIntervalSeconds)) yield return $"Money:SweepIntervalSeconds: {SweepIntervalSeconds} must be a number of seconds above 0.";
        if (CreditValidityDays < 1) yield return $"Money:CreditValidityDays: {CreditValidityDays} must be at least 1.";
        if (CodeGuessLimit < 1) yield return $"Money:CodeGuessLimit: {CodeGuessLimit} must be at least 1.";
        if (CodeGuessWindowMinutes < 1) yield return $"Money:CodeGuessWindowMinutes: {CodeGuessWindowMinutes} must be at least 1.";
    }
}
