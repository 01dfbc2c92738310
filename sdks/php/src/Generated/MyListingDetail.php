<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * MyListingDetail (components.schemas.MyListingDetail).
 */
final readonly class MyListingDetail
{
    public function __construct(
        public int $id,
        public string $title,
        public ?string $description,
        public float $price,
        public string $currency,
        public string $status,
        /**
         * @var list<string>
         */
        public array $reviewReasons,
        public string $channel,
        public string $condition,
        public string $category,
        public ?string $itemType,
        public ?string $brand,
        public ?string $colour,
        public ?string $fabric,
        public ?string $ageYears,
        /**
         * @var list<MeasurementDto>
         */
        public array $measurements,
        /**
         * @var list<string>
         */
        public array $exposedTo,
        /**
         * @var list<string>
         */
        public array $faults,
        public int $deliveryContributionGbp,
        public float $payout,
        /**
         * @var list<string>
         */
        public array $images,
        public ?string $imageUrl,
        public string $url,
        public SellerInfo $seller,
        public string $createdAt,
        public string $updatedAt,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            title: $data['title'],
            description: $data['description'] ?? null,
            price: (float) $data['price'],
            currency: $data['currency'],
            status: $data['status'],
            reviewReasons: $data['review_reasons'],
            channel: $data['channel'],
            condition: $data['condition'],
            category: $data['category'],
            itemType: $data['item_type'] ?? null,
            brand: $data['brand'] ?? null,
            colour: $data['colour'] ?? null,
            fabric: $data['fabric'] ?? null,
            ageYears: $data['age_years'] ?? null,
            measurements: array_map(MeasurementDto::fromArray(...), $data['measurements']),
            exposedTo: $data['exposed_to'],
            faults: $data['faults'],
            deliveryContributionGbp: $data['delivery_contribution_gbp'],
            payout: (float) $data['payout'],
            images: $data['images'],
            imageUrl: $data['image_url'] ?? null,
            url: $data['url'],
            seller: SellerInfo::fromArray($data['seller']),
            createdAt: $data['created_at'],
            updatedAt: $data['updated_at'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['title'] = $this->title;
        $data['description'] = $this->description;
        $data['price'] = $this->price;
        $data['currency'] = $this->currency;
        $data['status'] = $this->status;
        $data['review_reasons'] = $this->reviewReasons;
        $data['channel'] = $this->channel;
        $data['condition'] = $this->condition;
        $data['category'] = $this->category;
        $data['item_type'] = $this->itemType;
        $data['brand'] = $this->brand;
        $data['colour'] = $this->colour;
        $data['fabric'] = $this->fabric;
        $data['age_years'] = $this->ageYears;
        $data['measurements'] = array_map(static fn (MeasurementDto $item): array => $item->toArray(), $this->measurements);
        $data['exposed_to'] = $this->exposedTo;
        $data['faults'] = $this->faults;
        $data['delivery_contribution_gbp'] = $this->deliveryContributionGbp;
        $data['payout'] = $this->payout;
        $data['images'] = $this->images;
        $data['image_url'] = $this->imageUrl;
        $data['url'] = $this->url;
        $data['seller'] = $this->seller->toArray();
        $data['created_at'] = $this->createdAt;
        $data['updated_at'] = $this->updatedAt;
        return $data;
    }
}
