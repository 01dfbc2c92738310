<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * States: `awaiting_seller` (opened; the seller side, the brand or the consumer who sold it, must answer within 3 days, by `seller_response_due_at`) -> `awaiting_buyer` (the seller side's first delivered message; the buyer may reply) -> `under_review` (the buyer replied, or the seller's deadline passed: then `escalated` is true) -> `resolved` (final; `outcome` is `refund`, `release` or `partial_refund`, `resolved_by` is `operator` or `paypal`). The operator decides by `decision_due_at` (14 days after opening) and may resolve in any state before `resolved`; `overdue` is true once that has passed. Deadlines are computed whenever a dispute is read or changed (no background job), so an escalation shows at once. While a dispute is open its order is `disputed`: the money stays in escrow and the auto-release does not touch it.
 */
final readonly class DisputeView
{
    public function __construct(
        public string $id,
        public string $brandId,
        public string $orderId,
        /**
         * `awaiting_seller`, `awaiting_buyer`, `under_review` or `resolved` (see the schema's description for the lifecycle and deadlines).
         */
        public string $status,
        /**
         * `not_received`, `not_as_described`, `damaged` or `other`.
         */
        public string $reason,
        /**
         * The buyer's opening statement; null when PayPal opened the dispute, and for the seller side while the text is not delivered.
         */
        public ?string $text,
        /**
         * Screening of `text`: `delivered`, `held` or `blocked`; shown to the buyer and the operator only (null for the seller side).
         */
        public ?string $textStatus,
        /**
         * The buyer's account id (`acct_…`), or `paypal` when PayPal's `CUSTOMER.DISPUTE.CREATED` opened it.
         */
        public string $openedBy,
        /**
         * The order's amount, the most a refund can return.
         */
        public float $orderAmountGbp,
        /**
         * `refund`, `release` or `partial_refund` once resolved; else null.
         */
        public ?string $outcome,
        /**
         * What the buyer got back: the order amount for `refund`, the amount for `partial_refund`, 0 otherwise.
         */
        public float $amountRefundedGbp,
        /**
         * `operator` or `paypal` once resolved; else null.
         */
        public ?string $resolvedBy,
        /**
         * PayPal's `dispute_id` when PayPal opened the dispute or reported one on this order.
         */
        public ?string $providerDisputeId,
        /**
         * True when the seller side missed `seller_response_due_at` and the dispute went to review.
         */
        public bool $escalated,
        /**
         * True when `decision_due_at` has passed without a decision.
         */
        public bool $overdue,
        public string $sellerResponseDueAt,
        public string $decisionDueAt,
        public ?string $sellerRespondedAt,
        public string $createdAt,
        public string $updatedAt,
        public ?string $resolvedAt,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            brandId: $data['brand_id'],
            orderId: $data['order_id'],
            status: $data['status'],
            reason: $data['reason'],
            text: $data['text'] ?? null,
            textStatus: $data['text_status'] ?? null,
            openedBy: $data['opened_by'],
            orderAmountGbp: (float) $data['order_amount_gbp'],
            outcome: $data['outcome'] ?? null,
            amountRefundedGbp: (float) $data['amount_refunded_gbp'],
            resolvedBy: $data['resolved_by'] ?? null,
            providerDisputeId: $data['provider_dispute_id'] ?? null,
            escalated: $data['escalated'],
            overdue: $data['overdue'],
            sellerResponseDueAt: $data['seller_response_due_at'],
            decisionDueAt: $data['decision_due_at'],
            sellerRespondedAt: $data['seller_responded_at'] ?? null,
            createdAt: $data['created_at'],
            updatedAt: $data['updated_at'],
            resolvedAt: $data['resolved_at'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['brand_id'] = $this->brandId;
        $data['order_id'] = $this->orderId;
        $data['status'] = $this->status;
        $data['reason'] = $this->reason;
        $data['text'] = $this->text;
        $data['text_status'] = $this->textStatus;
        $data['opened_by'] = $this->openedBy;
        $data['order_amount_gbp'] = $this->orderAmountGbp;
        $data['outcome'] = $this->outcome;
        $data['amount_refunded_gbp'] = $this->amountRefundedGbp;
        $data['resolved_by'] = $this->resolvedBy;
        $data['provider_dispute_id'] = $this->providerDisputeId;
        $data['escalated'] = $this->escalated;
        $data['overdue'] = $this->overdue;
        $data['seller_response_due_at'] = $this->sellerResponseDueAt;
        $data['decision_due_at'] = $this->decisionDueAt;
        $data['seller_responded_at'] = $this->sellerRespondedAt;
        $data['created_at'] = $this->createdAt;
        $data['updated_at'] = $this->updatedAt;
        $data['resolved_at'] = $this->resolvedAt;
        return $data;
    }
}
