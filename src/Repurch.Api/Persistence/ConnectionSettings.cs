using Npgsql;

namespace Repurch.Api.Persistence;

/// <summary>Connection-string forms the database settings accept (see <see cref="DatabaseOptions"/>).</summary>
public static class ConnectionSettings
{
    /// <summary>Accepts both Npgsql key=value strings and postgres:// URLs.</summary>
    public static string Normalize(string value)
    {
        if (!value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            && !value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }
        var uri = new Uri(value);
        var csb = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0) csb.Username = Uri.UnescapeDataString(userInfo[0]);
        if (userInfo.Length > 1) csb.Password = Uri.UnescapeDataString(userInfo[1]);
        return csb.ConnectionString;
    }

    public static string SandboxOf(string live)
    {
        var csb = new NpgsqlConnectionStringBuilder(live);
        csb.Database = $"{csb.Database}_sandbox";
        return csb.ConnectionString;
    }
}
