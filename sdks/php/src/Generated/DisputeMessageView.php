<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * One piece of evidence. Held and blocked messages are shown only to their author's side and the operator.
 */
final readonly class DisputeMessageView
{
    public function __construct(
        public string $id,
        public string $disputeId,
        /**
         * `buyer`, `seller` (the brand or the consumer who sold it) or `operator`.
         */
        public string $authorSide,
        public string $text,
        /**
         * `delivered`, `held` (waits for moderation, not shown to the other side) or `blocked` (never shown to the other side).
         */
        public string $status,
        /**
         * The screening's reason codes (`contact_details`, `off_platform_payment`, `suspicious_link`, `payment_scam`, `credential_request`), so the sender learns why.
         * @var list<string>
         */
        public array $reasons,
        /**
         * @var list<int>
         */
        public array $photoIds,
        public string $createdAt,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            disputeId: $data['dispute_id'],
            authorSide: $data['author_side'],
            text: $data['text'],
            status: $data['status'],
            reasons: $data['reasons'],
            photoIds: $data['photo_ids'],
            createdAt: $data['created_at'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['dispute_id'] = $this->disputeId;
        $data['author_side'] = $this->authorSide;
        $data['text'] = $this->text;
        $data['status'] = $this->status;
        $data['reasons'] = $this->reasons;
        $data['photo_ids'] = $this->photoIds;
        $data['created_at'] = $this->createdAt;
        return $data;
    }
}
