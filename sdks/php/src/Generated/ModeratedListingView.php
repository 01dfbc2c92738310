<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ModeratedListingView (components.schemas.ModeratedListingView).
 */
final readonly class ModeratedListingView
{
    public function __construct(
        public int $id,
        public string $title,
        public ?string $description,
        public string $category,
        public string $channel,
        public float $priceGbp,
        public string $status,
        /**
         * @var list<string>
         */
        public array $reviewReasons,
        public ?int $sellerId,
        public ?string $sellerAccountId,
        public ?string $imageUrl,
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
            category: $data['category'],
            channel: $data['channel'],
            priceGbp: (float) $data['price_gbp'],
            status: $data['status'],
            reviewReasons: $data['review_reasons'],
            sellerId: $data['seller_id'] ?? null,
            sellerAccountId: $data['seller_account_id'] ?? null,
            imageUrl: $data['image_url'] ?? null,
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
        $data['category'] = $this->category;
        $data['channel'] = $this->channel;
        $data['price_gbp'] = $this->priceGbp;
        $data['status'] = $this->status;
        $data['review_reasons'] = $this->reviewReasons;
        $data['seller_id'] = $this->sellerId;
        $data['seller_account_id'] = $this->sellerAccountId;
        $data['image_url'] = $this->imageUrl;
        $data['created_at'] = $this->createdAt;
        $data['updated_at'] = $this->updatedAt;
        return $data;
    }
}
