namespace Repurch.Api.Features.Storefront;

/// <summary>Colours for a storefront's design tokens: the accent, text on it, and the accent as text on white.</summary>
public sealed record StorefrontTheme(string Accent, string OnAccent, string AccentText);

/// <summary>What a storefront shows of its brand: the public part of the brand profile and its theme.</summary>
public sealed record StorefrontProfile(
    string BrandId, string? DisplayName, string? Tagline, string? Description, string? LogoUrl,
    string? SupportEmail, string? SupportPhone, StorefrontTheme Theme);
