<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * Redemption (components.schemas.Redemption).
 */
final readonly class Redemption
{
    public function __construct(
        public string $id,
        public bool $valid,
        public string $codeId,
        public float $amountGbp,
        public string $currency,
        public string $orderReference,
        public string $redeemedAt,
        public ?string $reversedAt,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            valid: $data['valid'],
            codeId: $data['code_id'],
            amountGbp: (float) $data['amount_gbp'],
            currency: $data['currency'],
            orderReference: $data['order_reference'],
            redeemedAt: $data['redeemed_at'],
            reversedAt: $data['reversed_at'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['valid'] = $this->valid;
        $data['code_id'] = $this->codeId;
        $data['amount_gbp'] = $this->amountGbp;
        $data['currency'] = $this->currency;
        $data['order_reference'] = $this->orderReference;
        $data['redeemed_at'] = $this->redeemedAt;
        $data['reversed_at'] = $this->reversedAt;
        return $data;
    }
}
