<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * DomainView (components.schemas.DomainView).
 */
final readonly class DomainView
{
    public function __construct(
        public string $host,
        public string $storefront,
        public string $status,
        public DomainVerificationRecord $verification,
        public ?string $verifiedAt,
        public string $createdAt,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            host: $data['host'],
            storefront: $data['storefront'],
            status: $data['status'],
            verification: DomainVerificationRecord::fromArray($data['verification']),
            verifiedAt: $data['verified_at'] ?? null,
            createdAt: $data['created_at'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['host'] = $this->host;
        $data['storefront'] = $this->storefront;
        $data['status'] = $this->status;
        $data['verification'] = $this->verification->toArray();
        $data['verified_at'] = $this->verifiedAt;
        $data['created_at'] = $this->createdAt;
        return $data;
    }
}
