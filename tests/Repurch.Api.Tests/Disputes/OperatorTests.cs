using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Cli;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Disputes;

/// <summary>The operator role: only the platform's brand holds it, the API never mints it, and it opens nothing but disputes.</summary>
[Collection(DemoSeedTests.Name)]
public sealed class OperatorTests : ApiTest
{
    private static async Task<(int Exit, string Stdout, string Stderr)> RunCliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Repurch.Api.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Cli_creates_an_operator_key_for_sofalistic_only()
    {
        await DisputeData.OperatorKeyAsync(Api);
        var (exit, stdout, stderr) = await RunCliAsync("keys", "create", "--brand", "sofalistic", "--role", "operator");
        Assert.True(exit == 0, stderr);
        var key = stdout.TrimEnd().Split('\n').Last().Trim();
        Assert.Matches("^re_pk_live_[A-Za-z0-9]{32}$", key);
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(key).GetAsync("/v1/disputes")).StatusCode);

        var brand = await NewBrandAsync();
        var refused = await RunCliAsync("keys", "create", "--brand", brand.Id, "--role", "operator");
        Assert.Equal(2, refused.Exit);
        Assert.StartsWith("error: ", refused.Stderr.Trim());
        Assert.Contains("sofalistic", refused.Stderr);
        Assert.DoesNotContain("re_pk_", refused.Stdout);
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.False(await db.ApiKeys.AnyAsync(k => k.Role == Roles.Operator));
    }

    [Fact]
    public async Task The_api_keys_endpoint_never_mints_an_operator_key()
    {
        var brand = await NewBrandAsync();
        var body = JsonSerializer.Serialize(new { name = "ops", role = "operator", scopes = new[] { "read", "write" } });
        var response = await Api.ClientWith(brand.AdminKey).PostJsonAsync("/v1/partner/settings/api-keys", body);
        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("role_invalid", error.ErrorCodes());
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.False(await db.ApiKeys.AnyAsync(k => k.Role == Roles.Operator));
    }

    [Fact]
    public async Task An_operator_key_opens_nothing_but_disputes()
    {
        var client = Api.ClientWith(await DisputeData.OperatorKeyAsync(Api));
        foreach (var url in new[] { "/v1/listings", "/v1/marketplace/listings", "/v1/partner/settings/brand", "/v1/payouts", "/v1/partner/audit-log", "/v1/webhooks/endpoints", "/v1/credits" })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/v1/listings", Infrastructure.Listings.ValidCreate)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/disputes")).StatusCode);
    }

    [Fact]
    public async Task An_operator_row_on_another_brand_grants_nothing()
    {
        // The CLI refuses to make one; a row written some other way still opens no dispute of any brand.
        var brand = await NewBrandAsync();
        var order = await DisputeData.PaidOrderAsync(Api, brand);
        var dispute = await DisputeData.OpenAsync(Api, brand.Id, order);
        string rogue;
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
            rogue = await ApiKeyIssuer.CreateAsync(db, brand.Id, Plane.Live, Roles.Operator, [Scopes.Read, Scopes.Write], "rogue");
        var client = Api.ClientWith(rogue);
        await (await client.GetAsync("/v1/disputes")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await client.GetAsync($"/v1/disputes/{dispute.Id}")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await DisputeData.ResolveAsync(client, dispute.Id, """{"outcome":"refund"}""")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("awaiting_seller", (await DisputeData.DisputeAsync(Api, brand.Id, dispute.Id)).Status);
    }
}
