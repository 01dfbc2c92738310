<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * The operator's decision.
 */
final readonly class DisputeResolve
{
    public function __construct(
        /**
         * `refund` (the whole amount back to the buyer; order `refunded`), `release` (escrow to the seller side as on confirmed receipt; order `completed`) or `partial_refund` (order `partially_refunded`). Required.
         */
        public string $outcome,
        /**
         * Only with `partial_refund`, where it is required: pounds with at most 2 decimals, more than 0 and less than the order amount. Refused with the other outcomes (`amount_gbp_not_allowed`).
         */
        public ?float $amountGbp = null,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            outcome: $data['outcome'],
            amountGbp: isset($data['amount_gbp']) ? (float) $data['amount_gbp'] : null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['outcome'] = $this->outcome;
        if ($this->amountGbp !== null) {
            $data['amount_gbp'] = $this->amountGbp;
        }
        return $data;
    }
}
