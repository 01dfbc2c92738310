using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

namespace Repurch.Api.Persistence;

/// <summary>
/// Inserts many rows of one entity in a single <c>INSERT … SELECT FROM unnest(…)</c>, inside the
/// context's open transaction, under the context's RLS session. EF writes one statement per row, which
/// is what made a 10,000-row bulk job miss its time goal; this writes one per batch. Columns, types and
/// value converters come from the EF model, so a new column is picked up without touching this.
/// An identity key is read back and set on the entities, in list order. Entities are not tracked.
/// </summary>
public static class BatchInsert
{
    public static async Task InsertAsync<T>(RepurchDb db, IReadOnlyList<T> entities, CancellationToken ct) where T : class
    {
        if (entities.Count == 0) return;
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity.");
        var table = type.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        // Identity columns are left to the database; a key among them is read back.
        var generated = type.GetProperties().Where(p => p.GetValueGenerationStrategy(store) is NpgsqlValueGenerationStrategy.IdentityAlwaysColumn
            or NpgsqlValueGenerationStrategy.IdentityByDefaultColumn or NpgsqlValueGenerationStrategy.SerialColumn).ToHashSet();
        var identity = type.FindPrimaryKey()!.Properties is [var key] && generated.Contains(key) ? key : null;
        var tx = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("BatchInsert writes inside the caller's transaction.");
        await using var cmd = new NpgsqlCommand { Connection = (NpgsqlConnection)db.Database.GetDbConnection(), Transaction = tx };

        var columns = new List<string>();
        var selects = new List<string>();
        var sources = new List<string>();
        foreach (var p in type.GetProperties())
        {
            if (generated.Contains(p)) continue;
            if (p.IsShadowProperty()) throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} is a shadow property; BatchInsert cannot read it.");
            var column = p.GetColumnName(store)!;
            var columnType = p.GetColumnType(store);
            var converter = p.GetTypeMapping().Converter;
            var getter = p.GetGetter();
            object? Value(T e)
            {
                var v = getter.GetClrValue(e);
                return converter is null || v is null ? v : converter.ConvertToProvider(v);
            }
            var n = sources.Count + 1;
            var alias = $"c{n}";
            columns.Add($"\"{column}\"");
            if (columnType.EndsWith("[]", StringComparison.Ordinal) || columnType is "jsonb" or "json")
            {
                // Arrays are ragged and unnest would flatten them, so both travel as JSON text.
                var isArray = columnType.EndsWith("[]", StringComparison.Ordinal);
                var texts = entities.Select(e => Value(e) is { } v ? isArray ? JsonSerializer.Serialize(v) : (string)v : null).ToArray();
                cmd.Parameters.Add(new NpgsqlParameter { Value = texts, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                sources.Add($"${n}::text[]");
                selects.Add(isArray
                    ? $"CASE WHEN r.{alias} IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(r.{alias}::jsonb))::{columnType} END"
                    : $"r.{alias}::{columnType}");
                continue;
            }
            var clr = p.GetTypeMapping().Converter?.ProviderClrType ?? p.ClrType;
            var element = Nullable.GetUnderlyingType(clr) ?? clr;
            var nullable = element.IsValueType ? typeof(Nullable<>).MakeGenericType(element) : element;
            var values = Array.CreateInstance(nullable, entities.Count);
            var defaultSql = p.GetDefaultValueSql(store);
            var clrDefault = p.ClrType.IsValueType ? Activator.CreateInstance(p.ClrType) : null;
            for (var i = 0; i < entities.Count; i++)
            {
                var v = Value(entities[i]);
                // As EF does: a CLR default on a column with a SQL default lets the database fill it in.
                values.SetValue(defaultSql is not null && Equals(v, clrDefault) ? null : v, i);
            }
            cmd.Parameters.Add(new NpgsqlParameter { Value = values });
            sources.Add($"${n}::{columnType}[]");
            selects.Add(defaultSql is null ? $"r.{alias}" : $"COALESCE(r.{alias}, {defaultSql})");
        }
        var aliases = string.Join(", ", Enumerable.Range(1, sources.Count).Select(i => $"c{i}"));
        // ORDER BY n: an identity is drawn per row in list order, so the ids come back ascending in that order.
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns)}) SELECT {string.Join(", ", selects)} " +
            $"FROM unnest({string.Join(", ", sources)}) WITH ORDINALITY AS r({aliases}, n) ORDER BY r.n" +
            (identity is null ? "" : $" RETURNING \"{identity.GetColumnName(store)}\"");
        if (identity is null)
        {
            await cmd.ExecuteNonQueryAsync(ct);
            return;
        }
        var ids = new List<long>(entities.Count);
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) ids.Add(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }
        ids.Sort();
        var setter = identity.PropertyInfo ?? throw new InvalidOperationException("The identity key needs a CLR property.");
        for (var i = 0; i < entities.Count; i++) setter.SetValue(entities[i], Convert.ChangeType(ids[i], identity.ClrType, System.Globalization.CultureInfo.InvariantCulture));
    }
}
