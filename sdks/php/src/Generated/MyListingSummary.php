<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * MyListingSummary (components.schemas.MyListingSummary).
 */
final readonly class MyListingSummary
{
    public function __construct(
        public int $id,
        public string $title,
        public float $price,
        public string $currency,
        public string $status,
        /**
         * @var list<string>
         */
        public array $reviewReasons,
        public ?string $imageUrl,
        public string $url,
        public string $createdAt,
        public string $category,
        public string $channel,
        public float $payout,
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
            reviewReasons: $data['review_reasons'],
            imageUrl: $data['image_url'] ?? null,
            url: $data['url'],
            createdAt: $data['created_at'],
            category: $data['category'],
            channel: $data['channel'],
            payout: (float) $data['payout'],
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
        $data['review_reasons'] = $this->reviewReasons;
        $data['image_url'] = $this->imageUrl;
        $data['url'] = $this->url;
        $data['created_at'] = $this->createdAt;
        $data['category'] = $this->category;
        $data['channel'] = $this->channel;
        $data['payout'] = $this->payout;
        return $data;
    }
}
