using Microsoft.OpenApi;

namespace Repurch.Api.Features.Taxonomy;

/// <summary>
/// The PATCH taxonomy body takes, per list, an array, an add/remove object or null; a C# record
/// cannot say "one of", so these schemas replace the ones generated for <see cref="TaxonomyPatch"/>
/// and <see cref="TaxonomyListChange"/>.
/// </summary>
public static class TaxonomyDocs
{
    public static OpenApiSchema PatchSchema(OpenApiDocument document)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var list in BrandOptions.Lists)
        {
            properties[list] = new OpenApiSchemaReference(nameof(TaxonomyListChange), document)
            {
                Description = $"The brand's `{list}`. Omit to leave it unchanged.",
            };
        }
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "At least one list. Omitted lists are unchanged.",
            Properties = properties,
            AdditionalPropertiesAllowed = false,
            MinProperties = 1,
        };
    }

    public static OpenApiSchema ListChangeSchema() => new()
    {
        Description = "A full replacement list, an `add`/`remove` change to the current effective list, or `null` for the platform default.",
        OneOf =
        [
            Values("The full replacement list, in display order.", 1),
            new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "A change to the current effective list: removals first, then additions appended.",
                Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                {
                    ["add"] = Values("Values to append; values already in the list are left as they are.", 0),
                    ["remove"] = Values("Values to remove; each must be in the list.", 0),
                },
                AdditionalPropertiesAllowed = false,
                MinProperties = 1,
            },
            new OpenApiSchema { Type = JsonSchemaType.Null, Description = "Reset to the platform default." },
        ],
    };

    private static OpenApiSchema Values(string description, int minItems) => new()
    {
        Type = JsonSchemaType.Array,
        Description = description,
        MinItems = minItems,
        MaxItems = TaxonomySettingsEndpoints.MaxItems,
        UniqueItems = true,
        Items = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = TaxonomySettingsEndpoints.MaxValueLength },
    };
}
