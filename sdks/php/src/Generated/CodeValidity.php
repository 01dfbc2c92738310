<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * CodeValidity (components.schemas.CodeValidity).
 */
final readonly class CodeValidity
{
    public function __construct(
        public bool $valid,
        public string $codeId,
        public float $amountGbp,
        public string $currency,
        public string $expiresAt,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            valid: $data['valid'],
            codeId: $data['code_id'],
            amountGbp: (float) $data['amount_gbp'],
            currency: $data['currency'],
            expiresAt: $data['expires_at'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['valid'] = $this->valid;
        $data['code_id'] = $this->codeId;
        $data['amount_gbp'] = $this->amountGbp;
        $data['currency'] = $this->currency;
        $data['expires_at'] = $this->expiresAt;
        return $data;
    }
}
