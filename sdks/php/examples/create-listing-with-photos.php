<?php

require __DIR__ . '/../autoload.php';

use Repurch\Generated\ListingWrite;
use Repurch\Generated\PhotoUpload;
use Repurch\Repurch;

$repurch = new Repurch(apiKey: getenv('REPURCH_API_KEY'), baseUrl: getenv('REPURCH_BASE_URL') ?: null);

// Upload each photo (JPEG, PNG, WebP or GIF), then create the listing with their attachment ids.
$attachmentIds = [];
foreach (array_slice($argv, 1) as $path) {
    $photo = $repurch->uploadPhoto(new PhotoUpload(imageBase64: base64_encode(file_get_contents($path)), filename: basename($path)));
    $attachmentIds[] = $photo->attachmentId;
}

$listing = $repurch->createListing(new ListingWrite(
    title: 'Grey velvet corner sofa',
    channel: 'clearance',
    priceGbp: 899.0,
    condition: 'like-new',
    category: 'Corner Sofas',
    deliveryContributionGbp: 60,
    attachmentIds: $attachmentIds,
));
echo $listing->id . "\t" . $listing->title . "\t" . count($listing->images ?? []) . " photos\n";
