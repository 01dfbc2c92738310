using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Disputes;

public static class DisputeRows
{
    /// <summary>
    /// Puts a row for the brand into the dispute tables without touching orders or listings: a resolved
    /// dispute on the brand's existing order (run after <c>MoneyRows.FillAsync</c>) with one message.
    /// </summary>
    public static async Task FillAsync(ApiFactory api, TestBrand brand)
    {
        await using var db = api.Planes.Open(Plane.Live, brand.Id);
        var order = await db.Orders.OrderBy(o => o.CreatedAt).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var dispute = new Dispute
        {
            Id = "dsp_rls" + Guid.NewGuid().ToString("N")[..20], BrandId = brand.Id, OrderId = order.Id, OpenedBy = "paypal", Reason = "other",
            Status = "resolved", Outcome = "release", ResolvedBy = "operator", OrderAmount = order.Amount, CreatedAt = now, UpdatedAt = now,
            SellerResponseDueAt = now.AddDays(3), DecisionDueAt = now.AddDays(14), ResolvedAt = now,
        };
        db.Disputes.Add(dispute);
        db.DisputeMessages.Add(new DisputeMessage
        {
            Id = "dsm_rls" + Guid.NewGuid().ToString("N")[..20], BrandId = brand.Id, DisputeId = dispute.Id, AuthorSide = "operator",
            AuthorId = "rls", Text = "Row-level security check.", Status = "delivered", CreatedAt = now,
        });
        await db.SaveChangesAsync();
    }
}
