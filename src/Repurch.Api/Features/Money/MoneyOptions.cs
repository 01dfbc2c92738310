namespace Repurch.Api.Features.Money;

/// <summary>Money settings, from configuration (<c>Money:…</c>, e.g. <c>Money__AutoReleaseDays=7</c>).</summary>
public sealed class MoneyOptions
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

    public static MoneyOptions From(IConfiguration config)
    {
        var o = new MoneyOptions();
        config.GetSection("Money").Bind(o);
        return o;
    }
}
