<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * CreditSummary (components.schemas.CreditSummary).
 */
final readonly class CreditSummary
{
    public function __construct(
        public string $id,
        public string $status,
        public float $amountGbp,
        public string $codeHint,
        public int $sellerId,
        public string $orderId,
        public string $issuedAt,
        public string $expiresAt,
        public ?string $redeemedAt,
        public ?string $orderReference,
        public ?string $redemptionId,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            status: $data['status'],
            amountGbp: (float) $data['amount_gbp'],
            codeHint: $data['code_hint'],
            sellerId: $data['seller_id'],
            orderId: $data['order_id'],
            issuedAt: $data['issued_at'],
            expiresAt: $data['expires_at'],
            redeemedAt: $data['redeemed_at'] ?? null,
            orderReference: $data['order_reference'] ?? null,
            redemptionId: $data['redemption_id'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['status'] = $this->status;
        $data['amount_gbp'] = $this->amountGbp;
        $data['code_hint'] = $this->codeHint;
        $data['seller_id'] = $this->sellerId;
        $data['order_id'] = $this->orderId;
        $data['issued_at'] = $this->issuedAt;
        $data['expires_at'] = $this->expiresAt;
        $data['redeemed_at'] = $this->redeemedAt;
        $data['order_reference'] = $this->orderReference;
        $data['redemption_id'] = $this->redemptionId;
        return $data;
    }
}
