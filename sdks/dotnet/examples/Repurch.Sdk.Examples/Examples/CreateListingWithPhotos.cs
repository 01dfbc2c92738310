using Repurch.Sdk.Generated.Models;

namespace Repurch.Sdk.Examples.Examples;

public static class CreateListingWithPhotos
{
    public static async Task RunAsync(string[] args)
    {
        using var repurch = RepurchClient.Create(Environment.GetEnvironmentVariable("REPURCH_API_KEY")!, Environment.GetEnvironmentVariable("REPURCH_BASE_URL"));

        // Upload each photo (JPEG, PNG, WebP or GIF), then create the listing with their attachment ids.
        var attachmentIds = new List<long?>();
        foreach (var path in args)
        {
            var photo = await repurch.Api.V1.Listings.UploadPhoto.PostAsync(new PhotoUpload
            {
                ImageBase64 = Convert.ToBase64String(await File.ReadAllBytesAsync(path)),
                Filename = Path.GetFileName(path),
            });
            attachmentIds.Add(photo!.AttachmentId);
        }

        var listing = await repurch.Api.V1.Listings.PostAsync(new ListingWrite
        {
            Title = "Grey velvet corner sofa",
            Channel = "clearance",
            PriceGbp = 899.0m,
            Condition = "like-new",
            Category = "Corner Sofas",
            DeliveryContributionGbp = 60,
            AttachmentIds = attachmentIds,
        });
        Console.WriteLine($"{listing!.Id}\t{listing.Title}\t{listing.Images?.Count ?? 0} photos");
    }
}
