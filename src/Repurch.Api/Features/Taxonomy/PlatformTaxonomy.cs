namespace Repurch.Api.Features.Taxonomy;

/// <summary>The platform's option lists and fixed values; brands override some lists (<see cref="BrandOptions"/>).</summary>
public static class PlatformTaxonomy
{
    public static readonly string[] Channels = ["clearance", "exchange"];
    public static readonly int[] DeliveryContributions = [0, 30, 60, 129];

    /// <summary>The platform defaults from the API reference; brands may override them later.</summary>
    public static readonly ListingOptions Defaults = new(
        Brands: ["DFS", "IKEA", "Loaf", "Sofa.com", "Habitat", "John Lewis", "Made.com", "Next", "SCS", "Sofology", "Other"],
        Colours: ["Grey", "Charcoal", "Silver", "Beige", "Cream", "Brown", "Tan", "Black", "Navy", "Blue", "Green", "Pink", "Red", "Multi-colour", "Other"],
        Fabrics: ["Velvet", "Leather", "Faux Leather", "Linen", "Cotton", "Chenille", "Bouclé", "Other"],
        Ages: ["Less than 1 year", "1 year old", "2 years old", "3 years old", "15+ years old"],
        Categories: ["Corner Sofas", "3-Seater Sofas", "2-Seater Sofas", "Sofa Beds", "Armchairs", "Footstools", "Sofa Sets", "Other"],
        ItemTypes: ["Corner Sofa", "4-Seater", "3-Seater", "2-Seater", "Chair", "Sofa Bed", "Sofa Set", "U-Shape Sofa", "Footstool"],
        Conditions:
        [
            new("like-new", "Like new", "Near-perfect condition with virtually no signs of use."),
            new("excellent", "Excellent", "No stains or defects, may show very light signs of minimal use."),
            new("gently-used", "Gently used", "Clean, minor marks and stains that don't affect function or appearance."),
            new("fair", "Fair", "Functional, noticeable wear or marks."),
        ],
        Exposures:
        [
            new("Dogs", "Dogs"),
            new("Cats", "Cats"),
            new("Smoke", "Smoke"),
            new("None", "None of the above"),
        ],
        Faults:
        [
            new("Rips or tears", "Rips or tears"),
            new("Fire Label", "Has fire safety label"),
            new("None", "None of the above"),
        ]);
}
