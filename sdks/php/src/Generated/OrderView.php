<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * OrderView (components.schemas.OrderView).
 */
final readonly class OrderView
{
    public function __construct(
        public string $id,
        public string $status,
        public int $listingId,
        public string $brandId,
        public string $listingTitle,
        public int $quantity,
        public OrderBuyer $buyer,
        public float $unitPriceGbp,
        public float $amountGbp,
        public float $commissionGbp,
        public float $vatGbp,
        public float $deliveryContributionGbp,
        public float $payoutGbp,
        public OrderPayment $payment,
        public string $createdAt,
        public ?string $paidAt,
        public ?string $releaseDueAt,
        public ?string $completedAt,
        public ?string $refundedAt,
        public ?string $cancelledAt,
        public float $refundedGbp,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            status: $data['status'],
            listingId: $data['listing_id'],
            brandId: $data['brand_id'],
            listingTitle: $data['listing_title'],
            quantity: $data['quantity'],
            buyer: OrderBuyer::fromArray($data['buyer']),
            unitPriceGbp: (float) $data['unit_price_gbp'],
            amountGbp: (float) $data['amount_gbp'],
            commissionGbp: (float) $data['commission_gbp'],
            vatGbp: (float) $data['vat_gbp'],
            deliveryContributionGbp: (float) $data['delivery_contribution_gbp'],
            payoutGbp: (float) $data['payout_gbp'],
            payment: OrderPayment::fromArray($data['payment']),
            createdAt: $data['created_at'],
            paidAt: $data['paid_at'] ?? null,
            releaseDueAt: $data['release_due_at'] ?? null,
            completedAt: $data['completed_at'] ?? null,
            refundedAt: $data['refunded_at'] ?? null,
            cancelledAt: $data['cancelled_at'] ?? null,
            refundedGbp: (float) $data['refunded_gbp'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['status'] = $this->status;
        $data['listing_id'] = $this->listingId;
        $data['brand_id'] = $this->brandId;
        $data['listing_title'] = $this->listingTitle;
        $data['quantity'] = $this->quantity;
        $data['buyer'] = $this->buyer->toArray();
        $data['unit_price_gbp'] = $this->unitPriceGbp;
        $data['amount_gbp'] = $this->amountGbp;
        $data['commission_gbp'] = $this->commissionGbp;
        $data['vat_gbp'] = $this->vatGbp;
        $data['delivery_contribution_gbp'] = $this->deliveryContributionGbp;
        $data['payout_gbp'] = $this->payoutGbp;
        $data['payment'] = $this->payment->toArray();
        $data['created_at'] = $this->createdAt;
        $data['paid_at'] = $this->paidAt;
        $data['release_due_at'] = $this->releaseDueAt;
        $data['completed_at'] = $this->completedAt;
        $data['refunded_at'] = $this->refundedAt;
        $data['cancelled_at'] = $this->cancelledAt;
        $data['refunded_gbp'] = $this->refundedGbp;
        return $data;
    }
}
