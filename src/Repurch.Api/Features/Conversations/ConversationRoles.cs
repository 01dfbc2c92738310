namespace Repurch.Api.Features.Conversations;

/// <summary>The two sides of a conversation and what owns a listing (wire values).</summary>
public static class ConversationRoles
{
    public const string Buyer = "buyer";
    public const string Owner = "owner";
    /// <summary>The owner is a consumer seller's account.</summary>
    public const string SellerOwner = "seller";
    /// <summary>The owner is the brand (brand-owned stock); it answers through the partner API.</summary>
    public const string BrandOwner = "brand";

    public static string Other(string role) => role == Buyer ? Owner : Buyer;
}
