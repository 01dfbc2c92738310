using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Features.Credits;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;
using Repurch.Api.Tests.Money;

namespace Repurch.Api.Tests.Credits;

public sealed class CreditCodesTests : ApiTest
{
    /// <summary>A brand whose consumer seller's trade-in (£350 exchange: payout £291.20) has sold, and the code it earned.</summary>
    private async Task<(TestBrand Brand, Storefront Store, string Code, JsonElement Credit)> IssuedAsync()
    {
        var brand = await NewBrandAsync();
        var store = await Storefront.CreateAsync(Api);
        var tradeIn = await brand.AddTradeInAsync(Api.Planes);
        await store.BuyAsync(tradeIn);
        var view = await (await store.Client.GetAsync($"/v1/marketplace/sellers/{brand.SellerId}/credits")).JsonAsync();
        var credit = Assert.Single(view.GetProperty("data").EnumerateArray());
        return (brand, store, credit.GetProperty("code").GetString()!, credit);
    }

    private static string Body(string code, string? reference = "WEB-1001") =>
        JsonSerializer.Serialize(reference is null ? new Dictionary<string, string> { ["code"] = code } : new() { ["code"] = code, ["order_reference"] = reference });

    [Fact]
    public async Task A_sold_trade_in_issues_a_code_the_seller_sees_in_full_and_the_partner_redeems_once()
    {
        var (brand, _, code, credit) = await IssuedAsync();
        Assert.Matches("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{5}$", code);
        Assert.Equal(291.2m, credit.GetProperty("amount_gbp").GetDecimal());
        Assert.Equal("active", credit.GetProperty("status").GetString());
        Assert.Equal(brand.Id, credit.GetProperty("brand_id").GetString());
        var issued = Assert.Single(await MoneyData.EventsAsync(Api, brand.Id, "credit.issued"));
        Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), issued.Data, StringComparison.Ordinal);
        Assert.Equal(291.2m, JsonDocument.Parse(issued.Data).RootElement.GetProperty("object").GetProperty("amount_gbp").GetDecimal());
        await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);

        // The database never holds the code in the clear.
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            var row = await db.CreditCodes.SingleAsync();
            var canonical = code.Replace("-", "", StringComparison.Ordinal);
            Assert.DoesNotContain(canonical, System.Text.Encoding.UTF8.GetString(row.CodeCipher), StringComparison.Ordinal);
            Assert.NotEqual(canonical, Convert.ToHexString(row.CodeHash));
        }

        var partner = Api.ClientWith(brand.AdminKey);
        var valid = await (await partner.PostJsonAsync("/v1/codes/validate", Body(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), null))).JsonAsync();
        Assert.True(valid.GetProperty("valid").GetBoolean());
        Assert.Equal(291.2m, valid.GetProperty("amount_gbp").GetDecimal());

        var redeemed = await partner.PostJsonAsync("/v1/codes/redeem", Body(code));
        var body = await redeemed.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        Assert.Equal(291.2m, body.GetProperty("amount_gbp").GetDecimal());
        Assert.Equal("WEB-1001", body.GetProperty("order_reference").GetString());
        Assert.Single(await MoneyData.EventsAsync(Api, brand.Id, "credit.redeemed"));
        await (await partner.PostJsonAsync("/v1/codes/redeem", Body(code, "WEB-2"))).AssertErrorAsync(HttpStatusCode.Conflict, "code_already_redeemed");
        await (await partner.PostJsonAsync("/v1/codes/validate", Body(code))).AssertErrorAsync(HttpStatusCode.Conflict, "code_already_redeemed");
        await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);

        var list = await (await partner.GetAsync("/v1/credits")).JsonAsync();
        var row1 = Assert.Single(list.GetProperty("data").EnumerateArray());
        Assert.Equal("redeemed", row1.GetProperty("status").GetString());
        Assert.Equal("WEB-1001", row1.GetProperty("order_reference").GetString());
        Assert.Equal(code[^4..], row1.GetProperty("code_hint").GetString());
        Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), list.ToString(), StringComparison.Ordinal);
        Assert.Equal(0m, list.GetProperty("meta").GetProperty("outstanding_balance_gbp").GetDecimal());

        // Another brand cannot reverse it: not found, and the code stays redeemed.
        var stranger = await NewBrandAsync();
        await (await Api.ClientWith(stranger.AdminKey).PostAsync($"/v1/codes/redemptions/{body.GetProperty("id").GetString()}/reverse", null))
            .AssertErrorAsync(HttpStatusCode.NotFound, "redemption_not_found");
        Assert.Equal("redeemed", (await (await partner.GetAsync("/v1/credits")).JsonAsync()).GetProperty("data")[0].GetProperty("status").GetString());

        // Reverse: redeemable again, balance back.
        var reversed = await (await partner.PostAsync($"/v1/codes/redemptions/{body.GetProperty("id").GetString()}/reverse", null)).JsonAsync();
        Assert.False(reversed.GetProperty("reversed_at").ValueKind == JsonValueKind.Null);
        await (await partner.PostAsync($"/v1/codes/redemptions/{body.GetProperty("id").GetString()}/reverse", null)).AssertErrorAsync(HttpStatusCode.Conflict, "redemption_already_reversed");
        await (await partner.PostAsync("/v1/codes/redemptions/red_nope/reverse", null)).AssertErrorAsync(HttpStatusCode.NotFound, "redemption_not_found");
        list = await (await partner.GetAsync("/v1/credits")).JsonAsync();
        Assert.Equal(291.2m, list.GetProperty("meta").GetProperty("outstanding_balance_gbp").GetDecimal());
        await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostJsonAsync("/v1/codes/redeem", Body(code, "WEB-3"))).StatusCode);
        await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);
    }

    [Fact]
    public async Task Two_hundred_concurrent_redeems_of_one_code_yield_exactly_one_success()
    {
        var (brand, _, code, _) = await IssuedAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => partner.PostJsonAsync("/v1/codes/redeem", Body(code, $"WEB-{i}"))));
        var statuses = responses.GroupBy(r => r.StatusCode).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) == 1, string.Join(", ", statuses.Select(s => $"{(int)s.Key}: {s.Value}")));
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            await r.AssertErrorAsync(HttpStatusCode.Conflict, "code_already_redeemed");
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Equal(1, await db.CreditRedemptions.CountAsync());
        Assert.Single(await MoneyData.EventsAsync(Api, brand.Id, "credit.redeemed"));
        await MoneyData.AssertLedgerConsistentAsync(Api, brand.Id);
    }

    [Fact]
    public async Task Invalid_expired_voided_and_other_brands_codes_get_their_own_codes_and_reveal_nothing_else()
    {
        var (brand, _, code, credit) = await IssuedAsync();
        var (other, _, otherCode, _) = await IssuedAsync();
        var partner = Api.ClientWith(brand.AdminKey);

        var made = CreditCodeVault.NewCode();
        var madeUp = await (await partner.PostJsonAsync("/v1/codes/redeem", Body(made))).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "code_invalid");
        var foreign = await (await partner.PostJsonAsync("/v1/codes/redeem", Body(otherCode))).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "code_other_brand");
        // Told it is another retailer's, and nothing else: no amount, no brand, no state.
        Assert.DoesNotContain(other.Id, foreign.ToString());
        Assert.DoesNotContain("amount", foreign.ToString());
        Assert.Equal(["code", "message", "data"], foreign.EnumerateObject().Select(p => p.Name));
        await (await partner.PostJsonAsync("/v1/codes/validate", Body(otherCode))).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "code_other_brand");
        Assert.NotEqual(madeUp.GetProperty("code").GetString(), foreign.GetProperty("code").GetString());
        // A typo fails the check character.
        var typo = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');
        await (await partner.PostJsonAsync("/v1/codes/redeem", Body(typo))).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "code_invalid");
        // The other brand's code is untouched.
        await using (var db = Api.Planes.Open(Plane.Live, other.Id))
            Assert.Equal("active", (await db.CreditCodes.SingleAsync()).Status);

        var id = credit.GetProperty("id").GetString()!;
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
            await db.CreditCodes.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ExpiresAt, DateTimeOffset.UtcNow.AddDays(-1)));
        await (await partner.PostJsonAsync("/v1/codes/redeem", Body(code))).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "code_expired");
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
            await db.CreditCodes.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, "voided").SetProperty(c => c.ExpiresAt, DateTimeOffset.UtcNow.AddDays(1)));
        await (await partner.PostJsonAsync("/v1/codes/redeem", Body(code))).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "code_voided");

        // Refused guesses are audited without what was typed.
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            var audit = await db.AuditLog.Where(a => a.Action == "credit.redeem_refused").ToListAsync();
            Assert.Equal(2, audit.Count);
            Assert.All(audit, a => Assert.DoesNotContain(made, a.Changes, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Guessing_is_limited_per_key()
    {
        var (brand, _, code, _) = await IssuedAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        for (var i = 0; i < 20; i++)
            await (await partner.PostJsonAsync("/v1/codes/validate", Body(CreditCodeVault.NewCode()))).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "code_invalid");
        var limited = await partner.PostJsonAsync("/v1/codes/redeem", Body(code));
        await limited.AssertErrorAsync(HttpStatusCode.TooManyRequests, "too_many_code_attempts");
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        // Another key of the same brand is not limited by this one's guesses.
        var other = Api.ClientWith(brand.WriteOnlyKey);
        Assert.Equal(HttpStatusCode.OK, (await other.PostJsonAsync("/v1/codes/redeem", Body(code))).StatusCode);
    }

    [Fact]
    public async Task Redeem_honours_idempotency_keys()
    {
        var (brand, _, code, _) = await IssuedAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        async Task<HttpResponseMessage> Post()
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, "/v1/codes/redeem") { Content = HttpExtensions.JsonContent(Body(code)) };
            req.Headers.Add("Idempotency-Key", "checkout-77");
            return await partner.SendAsync(req);
        }
        var first = await (await Post()).JsonAsync();
        var replay = await Post();
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(first.GetProperty("id").GetString(), (await replay.JsonAsync()).GetProperty("id").GetString());
        Assert.Single(await MoneyData.EventsAsync(Api, brand.Id, "credit.redeemed"));
    }

    [Theory]
    [InlineData("{}", new[] { "code_required", "order_reference_required" })]
    [InlineData("""{"code":5,"order_reference":""}""", new[] { "code_invalid", "order_reference_required" })]
    [InlineData("""{"code":null,"order_reference":" "}""", new[] { "code_required", "order_reference_required" })]
    [InlineData("""{"code":"X","code":"Y","order_reference":"A","order_reference":"B"}""", new[] { "code_duplicate", "order_reference_duplicate" })]
    [InlineData("""{"code":"X","order_reference":"A","amount":1}""", new[] { "amount_unknown" })]
    public async Task Bad_bodies_are_400(string json, string[] codes)
    {
        var brand = await NewBrandAsync();
        var body = await (await Api.ClientWith(brand.AdminKey).PostJsonAsync("/v1/codes/redeem", json)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(codes.OrderBy(c => c), body.ErrorCodes().OrderBy(c => c));
    }

    [Fact]
    public async Task Auth_rules_for_codes_and_credit_views()
    {
        var (brand, store, code, _) = await IssuedAsync();
        await (await Api.ClientWith(brand.ReadOnlyKey).PostJsonAsync("/v1/codes/redeem", Body(code))).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.MemberKey).GetAsync("/v1/credits")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await store.Client.PostJsonAsync("/v1/codes/redeem", Body(code))).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.AdminKey).GetAsync($"/v1/marketplace/sellers/{brand.SellerId}/credits")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await store.Client.GetAsync("/v1/marketplace/sellers/999999999/credits")).AssertErrorAsync(HttpStatusCode.NotFound, "seller_not_found");
        await (await store.Client.GetAsync("/v1/marketplace/sellers/abc/credits")).AssertErrorAsync(HttpStatusCode.NotFound, "seller_not_found");
        var stranger = await NewBrandAsync();
        var list = await (await Api.ClientWith(stranger.AdminKey).GetAsync("/v1/credits")).JsonAsync();
        Assert.Empty(list.GetProperty("data").EnumerateArray());
        Assert.Equal(0m, list.GetProperty("meta").GetProperty("outstanding_balance_gbp").GetDecimal());
    }

    [Fact]
    public void Codes_are_unambiguous_and_carry_a_check_character()
    {
        for (var i = 0; i < 1000; i++)
        {
            var c = CreditCodeVault.NewCode();
            Assert.Equal(13, c.Length);
            Assert.DoesNotContain(c, ch => ch is '0' or 'O' or '1' or 'I');
            Assert.Equal(c, CreditCodeVault.Normalize(CreditCodeVault.Display(c).ToLowerInvariant()));
            // Every single-character change is caught.
            var pos = i % 13;
            var wrong = c[..pos] + CreditCodeVault.Alphabet[(CreditCodeVault.Alphabet.IndexOf(c[pos]) + 1 + i % 31) % 32] + c[(pos + 1)..];
            Assert.Null(CreditCodeVault.Normalize(wrong));
        }
    }
}
