using System.Text.Json;
using Repurch.Api.Http;

namespace Repurch.Api.Tests.Http;

/// <summary>The shared field rules on their own; the endpoint tests show them over HTTP.</summary>
public sealed class FieldReaderTests
{
    private static readonly string[] Fields = ["name", "note", "flag", "count", "buyer"];
    private static readonly string[] BuyerFields = ["email"];

    private static FieldReader Read(string json, bool creating = false) =>
        new(JsonDocument.Parse(json).RootElement, Fields, creating: creating);

    [Fact]
    public void Unknown_and_repeated_names_are_named_once_each()
    {
        var r = Read("""{"name":"a","name":"b","name":"c","colour":1,"Bad Name":2}""");
        Assert.Equal(["name_duplicate", "colour_unknown", "unknown_field"], r.Errors);
    }

    [Fact]
    public void Length_counts_characters_not_utf16_units()
    {
        var r = Read("""{"name":"\uD83D\uDECB\uD83D\uDECB"}""");
        Assert.Equal("\U0001F6CB\U0001F6CB", r.Text("name", 2).Value);
        Assert.False(r.Text("name", 1).Ok);
        Assert.Equal(["name_too_long"], r.Errors);
    }

    [Theory]
    [InlineData("""{"name":null}""", FieldPresence.Optional, true, null)]
    [InlineData("""{"name":"  "}""", FieldPresence.Optional, true, null)]
    [InlineData("""{"name":null}""", FieldPresence.Required, false, "name_required")]
    [InlineData("""{"name":" "}""", FieldPresence.Required, false, "name_required")]
    [InlineData("""{"name":null}""", FieldPresence.NotNull, false, "name_invalid")]
    [InlineData("""{"name":5}""", FieldPresence.Optional, false, "name_invalid")]
    [InlineData("""{"name":"a\nb"}""", FieldPresence.Optional, false, "name_invalid")]
    public void Null_blank_and_wrong_types_follow_the_presence(string json, FieldPresence presence, bool ok, string? code)
    {
        var r = Read(json);
        var value = r.Text("name", 10, presence);
        Assert.Equal(ok, value.Ok);
        Assert.Equal(code is null ? [] : [code], r.Errors);
    }

    [Fact]
    public void A_required_field_left_out_is_required_only_on_create()
    {
        var create = Read("{}", creating: true);
        Assert.False(create.Text("name", 10, FieldPresence.Required).Ok);
        Assert.Equal(["name_required"], create.Errors);
        var update = Read("{}");
        Assert.False(update.Text("name", 10, FieldPresence.Required).Sent);
        Assert.Empty(update.Errors);
    }

    [Fact]
    public void Nested_fields_are_named_by_their_path()
    {
        var r = Read("""{"buyer":{"email":1,"email":2,"phone":3}}""", creating: true);
        var buyer = r.Nested("buyer", BuyerFields, FieldPresence.Required)!;
        buyer.Text("email", 10);
        Assert.Equal(["buyer_email_duplicate", "buyer_phone_unknown", "buyer_email_invalid"], r.Errors);
    }

    [Fact]
    public void Flags_and_whole_numbers_refuse_other_types()
    {
        var r = Read("""{"flag":"yes","count":1.5}""");
        Assert.False(r.Bool("flag").Ok);
        Assert.False(r.WholeNumber("count", 0, 10).Ok);
        Assert.Equal(["flag_invalid", "count_invalid"], r.Errors);
    }
}
