<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ListingDetail (components.schemas.ListingDetail).
 */
final readonly class ListingDetail
{
    public function __construct(
        public int $id,
        public string $title,
        public float $price,
        public string $currency,
        public string $status,
        public ?string $imageUrl,
        public string $brandId,
        public string $url,
        public string $createdAt,
        public string $updatedAt,
        public int $viewCount,
        public string $category,
        public string $channel,
        public float $payout,
        public ?string $description,
        public float $regularPrice,
        public ?float $salePrice,
        public ?float $rrp,
        public ?string $brand,
        public ?string $colour,
        public ?string $fabric,
        public ?string $ageYears,
        public string $condition,
        public ?string $itemType,
        public ?string $availableFrom,
        /**
         * @var list<string>
         */
        public array $exposedTo,
        /**
         * @var list<string>
         */
        public array $faults,
        public ?string $sku,
        public ?string $warehouseLocation,
        public int $deliveryContributionGbp,
        public int $quantityIdentical,
        /**
         * @var list<MeasurementDto>
         */
        public array $measurements,
        /**
         * @var list<string>
         */
        public array $images,
        public string $owner,
        public SellerInfo $seller,
        public ?WarehouseRef $warehouse,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            title: $data['title'],
            price: (float) $data['price'],
            currency: $data['currency'],
            status: $data['status'],
            imageUrl: $data['image_url'] ?? null,
            brandId: $data['brand_id'],
            url: $data['url'],
            createdAt: $data['created_at'],
            updatedAt: $data['updated_at'],
            viewCount: $data['view_count'],
            category: $data['category'],
            channel: $data['channel'],
            payout: (float) $data['payout'],
            description: $data['description'] ?? null,
            regularPrice: (float) $data['regular_price'],
            salePrice: isset($data['sale_price']) ? (float) $data['sale_price'] : null,
            rrp: isset($data['rrp']) ? (float) $data['rrp'] : null,
            brand: $data['brand'] ?? null,
            colour: $data['colour'] ?? null,
            fabric: $data['fabric'] ?? null,
            ageYears: $data['age_years'] ?? null,
            condition: $data['condition'],
            itemType: $data['item_type'] ?? null,
            availableFrom: $data['available_from'] ?? null,
            exposedTo: $data['exposed_to'],
            faults: $data['faults'],
            sku: $data['sku'] ?? null,
            warehouseLocation: $data['warehouse_location'] ?? null,
            deliveryContributionGbp: $data['delivery_contribution_gbp'],
            quantityIdentical: $data['quantity_identical'],
            measurements: array_map(MeasurementDto::fromArray(...), $data['measurements']),
            images: $data['images'],
            owner: $data['owner'],
            seller: SellerInfo::fromArray($data['seller']),
            warehouse: isset($data['warehouse']) ? WarehouseRef::fromArray($data['warehouse']) : null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['title'] = $this->title;
        $data['price'] = $this->price;
        $data['currency'] = $this->currency;
        $data['status'] = $this->status;
        $data['image_url'] = $this->imageUrl;
        $data['brand_id'] = $this->brandId;
        $data['url'] = $this->url;
        $data['created_at'] = $this->createdAt;
        $data['updated_at'] = $this->updatedAt;
        $data['view_count'] = $this->viewCount;
        $data['category'] = $this->category;
        $data['channel'] = $this->channel;
        $data['payout'] = $this->payout;
        $data['description'] = $this->description;
        $data['regular_price'] = $this->regularPrice;
        $data['sale_price'] = $this->salePrice;
        $data['rrp'] = $this->rrp;
        $data['brand'] = $this->brand;
        $data['colour'] = $this->colour;
        $data['fabric'] = $this->fabric;
        $data['age_years'] = $this->ageYears;
        $data['condition'] = $this->condition;
        $data['item_type'] = $this->itemType;
        $data['available_from'] = $this->availableFrom;
        $data['exposed_to'] = $this->exposedTo;
        $data['faults'] = $this->faults;
        $data['sku'] = $this->sku;
        $data['warehouse_location'] = $this->warehouseLocation;
        $data['delivery_contribution_gbp'] = $this->deliveryContributionGbp;
        $data['quantity_identical'] = $this->quantityIdentical;
        $data['measurements'] = array_map(static fn (MeasurementDto $item): array => $item->toArray(), $this->measurements);
        $data['images'] = $this->images;
        $data['owner'] = $this->owner;
        $data['seller'] = $this->seller->toArray();
        $data['warehouse'] = $this->warehouse?->toArray();
        return $data;
    }
}
