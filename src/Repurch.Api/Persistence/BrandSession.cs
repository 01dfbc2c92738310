using Npgsql;

namespace Repurch.Api.Persistence;

public static class BrandSession
{
    /// <summary>
    /// Sets the session's brand, or clears it when <paramref name="brandId"/> is null. Cleared is the
    /// empty string, which no row's <c>brand_id</c> equals, so every tenant table reads as empty.
    /// <paramref name="marketplace"/> switches the session to the <c>repurch_marketplace</c> role, the
    /// only one the read-only <c>marketplace_read</c> policy on listings applies to.
    /// One command, so one round trip.
    /// </summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, string? brandId, bool marketplace = false)
    {
        // The marketplace reads as the repurch_marketplace role (its own read-only policy); every other
        // context is the app role itself ('none' is RESET ROLE).
        var cmd = new NpgsqlCommand("SELECT set_config('app.brand_id', $1, false), set_config('role', $2, false)", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = brandId ?? "" });
        cmd.Parameters.Add(new NpgsqlParameter { Value = marketplace ? "repurch_marketplace" : "none" });
        return cmd;
    }
}
