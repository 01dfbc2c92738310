<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * PayoutEstimate (components.schemas.PayoutEstimate).
 */
final readonly class PayoutEstimate
{
    public function __construct(
        public float $priceGbp,
        public float $commissionRate,
        public float $commissionGbp,
        public float $vatGbp,
        public float $deliveryContributionGbp,
        public float $payoutGbp,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            priceGbp: (float) $data['price_gbp'],
            commissionRate: (float) $data['commission_rate'],
            commissionGbp: (float) $data['commission_gbp'],
            vatGbp: (float) $data['vat_gbp'],
            deliveryContributionGbp: (float) $data['delivery_contribution_gbp'],
            payoutGbp: (float) $data['payout_gbp'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['price_gbp'] = $this->priceGbp;
        $data['commission_rate'] = $this->commissionRate;
        $data['commission_gbp'] = $this->commissionGbp;
        $data['vat_gbp'] = $this->vatGbp;
        $data['delivery_contribution_gbp'] = $this->deliveryContributionGbp;
        $data['payout_gbp'] = $this->payoutGbp;
        return $data;
    }
}
