namespace Repurch.Api.Features.Disputes;

public static class DisputeEvents
{
    public const string Opened = "dispute.opened";
    public const string Resolved = "dispute.resolved";
    /// <summary>Audit actions (no event of their own).</summary>
    public const string MessageAdded = "dispute.message_added";
    public const string Linked = "dispute.linked";
}
