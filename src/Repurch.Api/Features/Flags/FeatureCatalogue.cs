namespace Repurch.Api.Features.Flags;

/// <summary>
/// Every feature that can be switched per brand, with what it turns on. A flag is declared here before
/// any code asks for it, so a typo is an unknown flag (404), never a silently-off one.
/// </summary>
public static class FeatureCatalogue
{
    public const int MaxNameLength = 64;

    /// <summary>The partner dashboard's screens (dashboard.&lt;host&gt;): they ship dark until a brand is switched on.</summary>
    public const string Dashboard = "dashboard";

    /// <summary>The dashboard's overview charts (sales, payouts, API traffic).</summary>
    public const string DashboardCharts = "dashboard.charts";

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [Dashboard] = "The partner dashboard at dashboard.<host>: its screens ship dark until the brand is switched on.",
        [DashboardCharts] = "The dashboard overview's charts of sales, payouts and API traffic.",
    };

    public static bool IsKnown(string name) => Descriptions.ContainsKey(name);
}
