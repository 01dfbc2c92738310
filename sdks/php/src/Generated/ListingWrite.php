<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ListingWrite (components.schemas.ListingWrite).
 */
final readonly class ListingWrite
{
    public function __construct(
        public string $title,
        public float $priceGbp,
        public string $condition,
        public string $category,
        public ?string $description = null,
        public ?string $channel = null,
        public ?string $status = null,
        public ?float $salePriceGbp = null,
        public ?float $rrpGbp = null,
        public ?int $deliveryContributionGbp = null,
        public ?string $itemType = null,
        public ?string $brand = null,
        public ?string $colour = null,
        public ?string $fabric = null,
        public ?string $ageYears = null,
        public ?string $availableFrom = null,
        public ?int $quantityIdentical = null,
        /**
         * @var list<array<string, mixed>>|null
         */
        public ?array $measurements = null,
        /**
         * @var list<string>|null
         */
        public ?array $exposedTo = null,
        /**
         * @var list<string>|null
         */
        public ?array $faults = null,
        /**
         * @var list<string>|null
         */
        public ?array $images = null,
        /**
         * @var list<int>|null
         */
        public ?array $attachmentIds = null,
        public ?string $sku = null,
        public ?string $warehouseLocation = null,
        public ?string $warehouseId = null,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            title: $data['title'],
            priceGbp: (float) $data['price_gbp'],
            condition: $data['condition'],
            category: $data['category'],
            description: $data['description'] ?? null,
            channel: $data['channel'] ?? null,
            status: $data['status'] ?? null,
            salePriceGbp: isset($data['sale_price_gbp']) ? (float) $data['sale_price_gbp'] : null,
            rrpGbp: isset($data['rrp_gbp']) ? (float) $data['rrp_gbp'] : null,
            deliveryContributionGbp: $data['delivery_contribution_gbp'] ?? null,
            itemType: $data['item_type'] ?? null,
            brand: $data['brand'] ?? null,
            colour: $data['colour'] ?? null,
            fabric: $data['fabric'] ?? null,
            ageYears: $data['age_years'] ?? null,
            availableFrom: $data['available_from'] ?? null,
            quantityIdentical: $data['quantity_identical'] ?? null,
            measurements: $data['measurements'] ?? null,
            exposedTo: $data['exposed_to'] ?? null,
            faults: $data['faults'] ?? null,
            images: $data['images'] ?? null,
            attachmentIds: $data['attachment_ids'] ?? null,
            sku: $data['sku'] ?? null,
            warehouseLocation: $data['warehouse_location'] ?? null,
            warehouseId: $data['warehouse_id'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['title'] = $this->title;
        if ($this->description !== null) {
            $data['description'] = $this->description;
        }
        if ($this->channel !== null) {
            $data['channel'] = $this->channel;
        }
        if ($this->status !== null) {
            $data['status'] = $this->status;
        }
        $data['price_gbp'] = $this->priceGbp;
        if ($this->salePriceGbp !== null) {
            $data['sale_price_gbp'] = $this->salePriceGbp;
        }
        if ($this->rrpGbp !== null) {
            $data['rrp_gbp'] = $this->rrpGbp;
        }
        if ($this->deliveryContributionGbp !== null) {
            $data['delivery_contribution_gbp'] = $this->deliveryContributionGbp;
        }
        $data['condition'] = $this->condition;
        $data['category'] = $this->category;
        if ($this->itemType !== null) {
            $data['item_type'] = $this->itemType;
        }
        if ($this->brand !== null) {
            $data['brand'] = $this->brand;
        }
        if ($this->colour !== null) {
            $data['colour'] = $this->colour;
        }
        if ($this->fabric !== null) {
            $data['fabric'] = $this->fabric;
        }
        if ($this->ageYears !== null) {
            $data['age_years'] = $this->ageYears;
        }
        if ($this->availableFrom !== null) {
            $data['available_from'] = $this->availableFrom;
        }
        if ($this->quantityIdentical !== null) {
            $data['quantity_identical'] = $this->quantityIdentical;
        }
        if ($this->measurements !== null) {
            $data['measurements'] = $this->measurements;
        }
        if ($this->exposedTo !== null) {
            $data['exposed_to'] = $this->exposedTo;
        }
        if ($this->faults !== null) {
            $data['faults'] = $this->faults;
        }
        if ($this->images !== null) {
            $data['images'] = $this->images;
        }
        if ($this->attachmentIds !== null) {
            $data['attachment_ids'] = $this->attachmentIds;
        }
        if ($this->sku !== null) {
            $data['sku'] = $this->sku;
        }
        if ($this->warehouseLocation !== null) {
            $data['warehouse_location'] = $this->warehouseLocation;
        }
        if ($this->warehouseId !== null) {
            $data['warehouse_id'] = $this->warehouseId;
        }
        return $data;
    }
}
