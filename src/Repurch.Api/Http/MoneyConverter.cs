using System.Text.Json;
using System.Text.Json.Serialization;

namespace Repurch.Api.Http;

/// <summary>Writes decimals in their shortest form: 599.00 becomes 599, 431.10 becomes 431.1.</summary>
public sealed class MoneyConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value / 1.0000000000000000000000000000m);
}
