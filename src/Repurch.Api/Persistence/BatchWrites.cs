using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

namespace Repurch.Api.Persistence;

/// <summary>
/// Inserts or updates many rows of one entity in a single statement over <c>unnest(…)</c> of one array
/// per column, inside the context's open transaction and under the context's RLS session. EF writes one
/// statement per row, which is what made a 10,000-row bulk job miss its time goal; this writes one per
/// batch. Columns, types and value converters come from the EF model, so a new column is picked up
/// without touching this. Entities are neither read from nor attached to the change tracker.
/// </summary>
public static class BatchWrites
{
    /// <summary>Inserts <paramref name="entities"/> in list order; an identity key is read back and set on them.</summary>
    public static async Task InsertAsync<T>(RepurchDb db, IReadOnlyList<T> entities, CancellationToken ct) where T : class
    {
        if (entities.Count == 0) return;
        var (cmd, rows) = Build(db, entities, withKey: false);
        await using var _ = cmd;
        var identity = rows.Identity;
        var names = string.Join(", ", rows.Columns.Select(c => c.Name));
        // ORDER BY n: an identity is drawn per row in list order, so the ids come back ascending in that order.
        cmd.CommandText = $"INSERT INTO \"{rows.Table}\" ({names}) SELECT {string.Join(", ", rows.Columns.Select(c => c.Select))} " +
            $"FROM {rows.From} ORDER BY r.n" + (identity is null ? "" : $" RETURNING \"{identity.GetColumnName(rows.Store)}\"");
        if (identity is null)
        {
            await cmd.ExecuteNonQueryAsync(ct);
            return;
        }
        var ids = new List<long>(entities.Count);
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) ids.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
        }
        ids.Sort();
        var setter = identity.PropertyInfo ?? throw new InvalidOperationException("The identity key needs a CLR property.");
        for (var i = 0; i < entities.Count; i++) setter.SetValue(entities[i], Convert.ChangeType(ids[i], identity.ClrType, CultureInfo.InvariantCulture));
    }

    /// <summary>Writes every column of <paramref name="entities"/> (rows that exist, by primary key) in one <c>UPDATE … FROM unnest</c>.</summary>
    public static async Task UpdateAsync<T>(RepurchDb db, IReadOnlyList<T> entities, CancellationToken ct) where T : class
    {
        if (entities.Count == 0) return;
        var (cmd, rows) = Build(db, entities, withKey: true);
        await using var _ = cmd;
        var keys = rows.Columns.Where(c => c.IsKey).ToList();
        var set = rows.Columns.Where(c => !c.IsKey).Select(c => $"{c.Name} = r.{c.Name}");
        var match = keys.Select(c => $"t.{c.Name} = r.{c.Name}");
        cmd.CommandText = $"UPDATE \"{rows.Table}\" AS t SET {string.Join(", ", set)} " +
            $"FROM (SELECT {string.Join(", ", rows.Columns.Select(c => $"{c.Select} AS {c.Name}"))} FROM {rows.From}) AS r WHERE {string.Join(" AND ", match)}";
        var updated = await cmd.ExecuteNonQueryAsync(ct);
        if (updated != entities.Count) throw new InvalidOperationException($"Expected to update {entities.Count} rows of {rows.Table}, updated {updated}.");
    }

    private sealed record Column(string Name, string Select, bool IsKey);
    private sealed record Rows(string Table, StoreObjectIdentifier Store, IProperty? Identity, List<Column> Columns, string From);

    private static (NpgsqlCommand Command, Rows Rows) Build<T>(RepurchDb db, IReadOnlyList<T> entities, bool withKey) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity.");
        var table = type.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var key = type.FindPrimaryKey()!.Properties;
        // Identity columns are left to the database on insert; a key among them is read back.
        var generated = type.GetProperties().Where(p => p.GetValueGenerationStrategy(store) is NpgsqlValueGenerationStrategy.IdentityAlwaysColumn
            or NpgsqlValueGenerationStrategy.IdentityByDefaultColumn or NpgsqlValueGenerationStrategy.SerialColumn).ToHashSet();
        var identity = key is [var only] && generated.Contains(only) ? only : null;
        var tx = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("BatchWrites writes inside the caller's transaction.");
        var cmd = new NpgsqlCommand { Connection = (NpgsqlConnection)db.Database.GetDbConnection(), Transaction = tx };

        var columns = new List<Column>();
        var sources = new List<string>();
        foreach (var p in type.GetProperties())
        {
            var isKey = key.Contains(p);
            if (generated.Contains(p) && !(withKey && isKey)) continue;
            if (p.IsShadowProperty()) throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} is a shadow property; BatchWrites cannot read it.");
            var column = $"\"{p.GetColumnName(store)}\"";
            var columnType = p.GetColumnType(store);
            var converter = p.GetTypeMapping().Converter;
            var getter = p.GetGetter();
            object? Value(T e)
            {
                var v = getter.GetClrValue(e);
                return converter is null || v is null ? v : converter.ConvertToProvider(v);
            }
            var n = sources.Count + 1;
            var alias = $"r.c{n}";
            if (columnType.EndsWith("[]", StringComparison.Ordinal) || columnType is "jsonb" or "json")
            {
                // Arrays are ragged and unnest would flatten them, so both travel as JSON text.
                var isArray = columnType.EndsWith("[]", StringComparison.Ordinal);
                var texts = entities.Select(e => Value(e) is { } v ? isArray ? JsonSerializer.Serialize(v) : (string)v : null).ToArray();
                cmd.Parameters.Add(new NpgsqlParameter { Value = texts, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                sources.Add($"${n}::text[]");
                columns.Add(new(column, isArray
                    ? $"CASE WHEN {alias} IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text({alias}::jsonb))::{columnType} END"
                    : $"{alias}::{columnType}", isKey));
                continue;
            }
            var clr = converter?.ProviderClrType ?? p.ClrType;
            var element = Nullable.GetUnderlyingType(clr) ?? clr;
            var nullable = element.IsValueType ? typeof(Nullable<>).MakeGenericType(element) : element;
            var values = Array.CreateInstance(nullable, entities.Count);
            var defaultSql = withKey ? null : p.GetDefaultValueSql(store);
            var clrDefault = p.ClrType.IsValueType ? Activator.CreateInstance(p.ClrType) : null;
            for (var i = 0; i < entities.Count; i++)
            {
                var v = Value(entities[i]);
                // As EF does on insert: a CLR default on a column with a SQL default lets the database fill it in.
                values.SetValue(defaultSql is not null && Equals(v, clrDefault) ? null : v, i);
            }
            cmd.Parameters.Add(new NpgsqlParameter { Value = values });
            sources.Add($"${n}::{columnType}[]");
            columns.Add(new(column, defaultSql is null ? alias : $"COALESCE({alias}, {defaultSql})", isKey));
        }
        var aliases = string.Join(", ", Enumerable.Range(1, sources.Count).Select(i => $"c{i}"));
        return (cmd, new Rows(table, store, identity, columns, $"unnest({string.Join(", ", sources)}) WITH ORDINALITY AS r({aliases}, n)"));
    }
}
