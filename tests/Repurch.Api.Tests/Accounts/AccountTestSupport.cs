using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

// Not "...Tests.Accounts": that namespace would hide Money's ledger `Accounts` class from the other test folders.
namespace Repurch.Api.Tests.ConsumerAccounts;

internal static class AccountTestSupport
{
    public static string SignUpJson(string email, string password, string displayName = "Alex Morgan") =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["email"] = email, ["password"] = password, ["display_name"] = displayName });

    public static string SignInJson(string email, string password) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["email"] = email, ["password"] = password });

    public static string NewEmail() => $"sam-{Guid.NewGuid():N}"[..16] + "@example.com";

    public static async Task<int> CountAccountsAsync(ApiFactory api, string brandId)
    {
        await using var db = api.Planes.Open(Plane.Live, brandId);
        return await db.Accounts.CountAsync();
    }

    public static async Task<Account> AccountAsync(ApiFactory api, string brandId, string id)
    {
        await using var db = api.Planes.Open(Plane.Live, brandId);
        return await db.Accounts.SingleAsync(a => a.Id == id);
    }

    public static async Task<JsonElement> OkAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body;
    }
}
