using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Repurch.Api.Features.Flags;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Disputes;
using Repurch.Api.Tests.Infrastructure;
using Repurch.Api.Tests.Settings;

namespace Repurch.Api.Tests.Flags;

/// <summary>
/// Per-partner feature flags: off until the operator turns one on for a brand, on for that brand only,
/// on both planes, audited in the brand's log; a brand reads its own at /v1/partner/features.
/// </summary>
public sealed class FeatureFlagTests : ApiTest
{
    private static string FlagUrl(string brand, string name = FeatureCatalogue.Dashboard) => $"/v1/operator/brands/{brand}/features/{name}";

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, string json) =>
        client.PutAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<bool> OwnFlagAsync(HttpClient client, string name)
    {
        var list = await client.GetAsync("/v1/partner/features").OkJsonAsync();
        return list.GetProperty("data").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name).GetProperty("enabled").GetBoolean();
    }

    [Fact]
    public async Task Every_flag_is_off_for_a_new_brand_and_listed_with_what_it_turns_on()
    {
        var brand = await NewBrandAsync();
        var list = await Api.ClientWith(brand.AdminKey).GetAsync("/v1/partner/features").OkJsonAsync();
        Assert.Equal(brand.Id, list.GetProperty("brand_id").GetString());
        var flags = list.GetProperty("data").EnumerateArray().ToArray();
        Assert.Equal(FeatureCatalogue.Descriptions.Keys.Order(StringComparer.Ordinal), flags.Select(f => f.GetProperty("name").GetString()));
        Assert.All(flags, f =>
        {
            Assert.Equal(["name", "description", "enabled", "updated_at"], f.EnumerateObject().Select(p => p.Name));
            Assert.False(f.GetProperty("enabled").GetBoolean());
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("description").GetString()));
        });
    }

    [Fact]
    public async Task A_flag_the_operator_turns_on_for_one_brand_is_on_for_it_on_both_planes_and_off_for_another()
    {
        var a = await NewBrandAsync();
        var b = await NewBrandAsync();
        var op = Api.ClientWith(await DisputeData.OperatorKeyAsync(Api));

        var on = await PutAsync(op, FlagUrl(a.Id), """{"enabled": true}""").OkJsonAsync();
        Assert.Equal("dashboard", on.GetProperty("name").GetString());
        Assert.True(on.GetProperty("enabled").GetBoolean());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, on.GetProperty("updated_at").ValueKind);

        Assert.True(await OwnFlagAsync(Api.ClientWith(a.AdminKey), FeatureCatalogue.Dashboard));
        Assert.True(await OwnFlagAsync(Api.ClientWith(a.SandboxAdminKey), FeatureCatalogue.Dashboard));
        Assert.False(await OwnFlagAsync(Api.ClientWith(a.AdminKey), FeatureCatalogue.DashboardCharts));
        Assert.False(await OwnFlagAsync(Api.ClientWith(b.AdminKey), FeatureCatalogue.Dashboard));
        Assert.False(await OwnFlagAsync(Api.ClientWith(b.SandboxAdminKey), FeatureCatalogue.Dashboard));

        // Microsoft.FeatureManagement evaluates it the same way for the code that asks.
        var flags = Api.Services.GetRequiredService<BrandFlags>();
        await using (var db = Api.Planes.Open(Plane.Live, a.Id)) Assert.True(await flags.IsEnabledAsync(db, a.Id, FeatureCatalogue.Dashboard));
        await using (var db = Api.Planes.Open(Plane.Live, b.Id)) Assert.False(await flags.IsEnabledAsync(db, b.Id, FeatureCatalogue.Dashboard));
        // A session of brand B cannot see brand A's row even when it asks for A (row-level security).
        await using (var db = Api.Planes.Open(Plane.Live, b.Id)) Assert.False(await flags.IsEnabledAsync(db, a.Id, FeatureCatalogue.Dashboard));

        var operatorView = await op.GetAsync($"/v1/operator/brands/{a.Id}/features").OkJsonAsync();
        Assert.True(operatorView.GetProperty("data").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "dashboard").GetProperty("enabled").GetBoolean());

        var off = await PutAsync(op, FlagUrl(a.Id), """{"enabled": false}""").OkJsonAsync();
        Assert.False(off.GetProperty("enabled").GetBoolean());
        Assert.False(await OwnFlagAsync(Api.ClientWith(a.AdminKey), FeatureCatalogue.Dashboard));
    }

    [Fact]
    public async Task Each_change_is_in_the_brands_audit_log_and_setting_the_same_state_records_nothing()
    {
        var brand = await NewBrandAsync();
        var op = Api.ClientWith(await DisputeData.OperatorKeyAsync(Api));
        await PutAsync(op, FlagUrl(brand.Id), """{"enabled": true}""").OkJsonAsync();
        await PutAsync(op, FlagUrl(brand.Id), """{"enabled": true}""").OkJsonAsync();

        var entries = (await SettingsTestSupport.AuditEntriesAsync(Api.ClientWith(brand.AdminKey))).Where(e => e.GetProperty("action").GetString() == "feature.updated").ToArray();
        var entry = Assert.Single(entries);
        Assert.Contains("dashboard", entry.ToString());
        Assert.Contains("\"on\"", entry.ToString());
    }

    [Fact]
    public async Task Only_the_operator_switches_flags_and_a_partner_reads_only_its_own()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        foreach (var key in new[] { brand.AdminKey, brand.StorefrontKey })
        {
            var refused = await PutAsync(Api.ClientWith(key), FlagUrl(brand.Id), """{"enabled": true}""");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await Api.ClientWith(key).GetAsync($"/v1/operator/brands/{other.Id}/features")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.ClientWith(null).GetAsync("/v1/partner/features")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.ClientWith(brand.StorefrontKey).GetAsync("/v1/partner/features")).StatusCode);
        Assert.False(await OwnFlagAsync(Api.ClientWith(brand.AdminKey), FeatureCatalogue.Dashboard));
    }

    [Fact]
    public async Task An_unknown_brand_or_flag_is_404_and_bad_bodies_are_400_with_nothing_changed()
    {
        var brand = await NewBrandAsync();
        var op = Api.ClientWith(await DisputeData.OperatorKeyAsync(Api));
        await (await PutAsync(op, FlagUrl("no-such-brand-" + Guid.NewGuid().ToString("N")[..8]), """{"enabled": true}""")).AssertErrorAsync(HttpStatusCode.NotFound, "brand_not_found");
        await (await op.GetAsync("/v1/operator/brands/no-such-brand/features")).AssertErrorAsync(HttpStatusCode.NotFound, "brand_not_found");
        await (await PutAsync(op, FlagUrl(brand.Id, "dashbord"), """{"enabled": true}""")).AssertErrorAsync(HttpStatusCode.NotFound, "feature_not_found");

        foreach (var (json, code) in new[]
                 {
                     ("{}", "enabled_required"), ("""{"enabled": "yes"}""", "enabled_invalid"), ("""{"enabled": null}""", "enabled_invalid"),
                     ("""{"enabled": 1}""", "enabled_invalid"), ("""{"enabled": true, "brand": "x"}""", "brand_unknown"),
                 })
        {
            var error = await (await PutAsync(op, FlagUrl(brand.Id), json)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.Contains(code, error.ErrorCodes());
        }
        await (await PutAsync(op, FlagUrl(brand.Id), """{"enabled": tru""")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        await (await PutAsync(op, FlagUrl(brand.Id), "[true]")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        await (await PutAsync(op, FlagUrl(brand.Id), "{\"enabled\": true, \"x\": \"a\u0001b\"}")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        await (await PutAsync(op, FlagUrl(brand.Id), """{"enabled": true, "note": "a\u0007b"}""")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        var huge = await PutAsync(op, FlagUrl(brand.Id), "{\"enabled\": true, \"pad\": \"" + new string('x', 2_000_000) + "\"}");
        await huge.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        await (await op.PutAsync(FlagUrl(brand.Id), new StringContent("enabled=true", Encoding.UTF8, "application/x-www-form-urlencoded"))).AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Assert.False(await OwnFlagAsync(Api.ClientWith(brand.AdminKey), FeatureCatalogue.Dashboard));
    }

    [Fact]
    public async Task The_cli_switches_a_flag_for_one_brand()
    {
        var brand = await NewBrandAsync();
        Assert.Equal($"dashboard on for {brand.Id}", await ApiProcess.RunCliAsync("flags", "set", "dashboard", "on", "--brand", brand.Id));
        Assert.True(await OwnFlagAsync(Api.ClientWith(brand.AdminKey), FeatureCatalogue.Dashboard));
        Assert.True(await OwnFlagAsync(Api.ClientWith(brand.SandboxAdminKey), FeatureCatalogue.Dashboard));
        Assert.StartsWith("dashboard.charts\toff", await ApiProcess.RunCliAsync("flags", "list", "--brand", brand.Id));
        await ApiProcess.RunCliAsync("flags", "set", "dashboard", "off", "--brand", brand.Id);
        Assert.False(await OwnFlagAsync(Api.ClientWith(brand.AdminKey), FeatureCatalogue.Dashboard));
    }
}
