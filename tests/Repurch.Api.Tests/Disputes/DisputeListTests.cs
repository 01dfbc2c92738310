using System.Net;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Disputes;

/// <summary>The brand's disputes and the operator's view of every brand's.</summary>
[Collection(DemoSeedTests.Name)]
public sealed class DisputeListTests : ApiTest
{
    [Fact]
    public async Task A_brand_sees_its_own_disputes_and_never_another_brands()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var mine = await DisputeData.OpenAsync(Api, brand.Id, await DisputeData.PaidOrderAsync(Api, brand));
        var theirs = await DisputeData.OpenAsync(Api, other.Id, await DisputeData.PaidOrderAsync(Api, other));

        var client = Api.ClientWith(brand.AdminKey);
        var response = await client.GetAsync("/v1/disputes");
        var page = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, page.ToString());
        var item = Assert.Single(page.GetProperty("data").EnumerateArray());
        Assert.Equal(mine.Id, item.GetProperty("id").GetString());
        Assert.Equal("awaiting_seller", item.GetProperty("status").GetString());
        Assert.Equal("It arrived with a torn arm.", item.GetProperty("text").GetString());
        Assert.Equal(1, page.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal("1", response.Headers.GetValues("X-Total-Count").Single());

        var one = await (await client.GetAsync($"/v1/disputes/{mine.Id}")).JsonAsync();
        Assert.Equal(mine.OrderId, one.GetProperty("order_id").GetString());
        Assert.Equal(599m, one.GetProperty("order_amount_gbp").GetDecimal());
        Assert.False(one.GetProperty("escalated").GetBoolean());
        await (await client.GetAsync($"/v1/disputes/{theirs.Id}")).AssertErrorAsync(HttpStatusCode.NotFound, "dispute_not_found");
        // brand_id is the operator's filter: a partner sees its own brand whatever it says.
        var filtered = await (await client.GetAsync($"/v1/disputes?brand_id={other.Id}")).JsonAsync();
        Assert.Equal(mine.Id, Assert.Single(filtered.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());

        // Read-only admin keys read; member and marketplace keys do not.
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(brand.ReadOnlyKey).GetAsync("/v1/disputes")).StatusCode);
        await (await Api.ClientWith(brand.MemberKey).GetAsync("/v1/disputes")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.WriteOnlyKey).GetAsync($"/v1/disputes/{mine.Id}")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(null).GetAsync("/v1/disputes")).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        // The sandbox plane has its own (no) disputes.
        var sandbox = await (await Api.ClientWith(brand.SandboxAdminKey).GetAsync("/v1/disputes")).JsonAsync();
        Assert.Empty(sandbox.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task The_operator_reads_every_brands_disputes_filtered()
    {
        var a = await NewBrandAsync();
        var b = await NewBrandAsync();
        var da = await DisputeData.OpenAsync(Api, a.Id, await DisputeData.PaidOrderAsync(Api, a));
        var db = await DisputeData.OpenAsync(Api, b.Id, await DisputeData.PaidOrderAsync(Api, b));
        var op = Api.ClientWith(await DisputeData.OperatorKeyAsync(Api));

        var all = await (await op.GetAsync("/v1/disputes?per_page=100")).JsonAsync();
        var ids = all.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Contains(da.Id, ids);
        Assert.Contains(db.Id, ids);
        var onlyA = await (await op.GetAsync($"/v1/disputes?brand_id={a.Id}")).JsonAsync();
        Assert.Equal(da.Id, Assert.Single(onlyA.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
        var byOrder = await (await op.GetAsync($"/v1/disputes?order_id={db.OrderId}")).JsonAsync();
        Assert.Equal(db.Id, Assert.Single(byOrder.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
        var one = await (await op.GetAsync($"/v1/disputes/{db.Id}")).JsonAsync();
        Assert.Equal(b.Id, one.GetProperty("brand_id").GetString());
        Assert.Equal("delivered", one.GetProperty("text_status").GetString());
        await (await op.GetAsync("/v1/disputes/dsp_missing")).AssertErrorAsync(HttpStatusCode.NotFound, "dispute_not_found");

        // A revoked operator key reads nothing.
        var key = await DisputeData.OperatorKeyAsync(Api);
        await using (var sofa = Api.Planes.Open(Plane.Live, "sofalistic"))
            await sofa.ApiKeys.Where(k => k.SecretHash == Repurch.Api.Authentication.Secrets.Hash(key)).ExecuteUpdateAsync(u => u.SetProperty(k => k.RevokedAt, DateTimeOffset.UtcNow));
        await (await Api.ClientWith(key).GetAsync("/v1/disputes")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task A_missed_seller_deadline_escalates_to_review_on_read_and_overdue_shows()
    {
        var brand = await NewBrandAsync();
        var late = await DisputeData.OpenAsync(Api, brand.Id, await DisputeData.PaidOrderAsync(Api, brand));
        var fresh = await DisputeData.OpenAsync(Api, brand.Id, await DisputeData.PaidOrderAsync(Api, brand));
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
            await db.Disputes.Where(d => d.Id == late.Id).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.SellerResponseDueAt, DateTimeOffset.UtcNow.AddMinutes(-1))
                .SetProperty(d => d.DecisionDueAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        var client = Api.ClientWith(brand.AdminKey);

        var one = await (await client.GetAsync($"/v1/disputes/{late.Id}")).JsonAsync();
        Assert.Equal("under_review", one.GetProperty("status").GetString());
        Assert.True(one.GetProperty("escalated").GetBoolean());
        Assert.True(one.GetProperty("overdue").GetBoolean());

        async Task<List<string?>> IdsAsync(string query) =>
            (await (await client.GetAsync($"/v1/disputes?{query}")).JsonAsync()).GetProperty("data").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Equal([late.Id], await IdsAsync("status=under_review"));
        Assert.Equal([fresh.Id], await IdsAsync("status=awaiting_seller"));
        Assert.Equal([late.Id], await IdsAsync("overdue=true"));
        Assert.Equal([fresh.Id], await IdsAsync("overdue=false"));
        Assert.Empty(await IdsAsync("status=resolved"));
        Assert.Equal([fresh.Id, late.Id], await IdsAsync(""));
    }

    [Theory]
    [InlineData("status=open", "status")]
    [InlineData("overdue=yes", "overdue")]
    [InlineData("page=0", "page")]
    [InlineData("per_page=101", "per_page")]
    public async Task Bad_parameters_are_400(string query, string param)
    {
        var brand = await NewBrandAsync();
        var error = await (await Api.ClientWith(brand.AdminKey).GetAsync($"/v1/disputes?{query}")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        Assert.Equal(param, error.GetProperty("data").GetProperty("param").GetString());
    }
}
