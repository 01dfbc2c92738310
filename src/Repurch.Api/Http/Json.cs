using System.Text.Json;
using System.Text.Json.Serialization;

namespace Repurch.Api.Http;

public static class Json
{
    /// <summary>snake_case on the wire, money written without trailing zeros (599, not 599.00).</summary>
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        o.NumberHandling = JsonNumberHandling.Strict;
        if (!o.Converters.OfType<MoneyConverter>().Any()) o.Converters.Add(new MoneyConverter());
        return o;
    }
}

/// <summary>Writes decimals in their shortest form: 599.00 becomes 599, 431.10 becomes 431.1.</summary>
public sealed class MoneyConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value / 1.0000000000000000000000000000m);
}
