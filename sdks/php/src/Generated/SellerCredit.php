<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * SellerCredit (components.schemas.SellerCredit).
 */
final readonly class SellerCredit
{
    public function __construct(
        public string $id,
        public string $code,
        public string $brandId,
        public string $status,
        public float $amountGbp,
        public string $issuedAt,
        public string $expiresAt,
        public ?string $redeemedAt,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            code: $data['code'],
            brandId: $data['brand_id'],
            status: $data['status'],
            amountGbp: (float) $data['amount_gbp'],
            issuedAt: $data['issued_at'],
            expiresAt: $data['expires_at'],
            redeemedAt: $data['redeemed_at'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['code'] = $this->code;
        $data['brand_id'] = $this->brandId;
        $data['status'] = $this->status;
        $data['amount_gbp'] = $this->amountGbp;
        $data['issued_at'] = $this->issuedAt;
        $data['expires_at'] = $this->expiresAt;
        $data['redeemed_at'] = $this->redeemedAt;
        return $data;
    }
}
