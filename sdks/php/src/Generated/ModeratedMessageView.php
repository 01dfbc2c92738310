<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ModeratedMessageView (components.schemas.ModeratedMessageView).
 */
final readonly class ModeratedMessageView
{
    public function __construct(
        public string $id,
        public string $conversationId,
        public int $listingId,
        public string $senderRole,
        public ?string $senderAccountId,
        public string $text,
        public string $status,
        /**
         * @var list<string>
         */
        public array $reasons,
        /**
         * @var list<MessageSignalView>
         */
        public array $signals,
        public string $validatorVersion,
        public int $version,
        public ?string $replaces,
        public string $createdAt,
        public ?string $deliveredAt,
        public ?string $moderatedAt,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            conversationId: $data['conversation_id'],
            listingId: $data['listing_id'],
            senderRole: $data['sender_role'],
            senderAccountId: $data['sender_account_id'] ?? null,
            text: $data['text'],
            status: $data['status'],
            reasons: $data['reasons'],
            signals: array_map(MessageSignalView::fromArray(...), $data['signals']),
            validatorVersion: $data['validator_version'],
            version: $data['version'],
            replaces: $data['replaces'] ?? null,
            createdAt: $data['created_at'],
            deliveredAt: $data['delivered_at'] ?? null,
            moderatedAt: $data['moderated_at'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['conversation_id'] = $this->conversationId;
        $data['listing_id'] = $this->listingId;
        $data['sender_role'] = $this->senderRole;
        $data['sender_account_id'] = $this->senderAccountId;
        $data['text'] = $this->text;
        $data['status'] = $this->status;
        $data['reasons'] = $this->reasons;
        $data['signals'] = array_map(static fn (MessageSignalView $item): array => $item->toArray(), $this->signals);
        $data['validator_version'] = $this->validatorVersion;
        $data['version'] = $this->version;
        $data['replaces'] = $this->replaces;
        $data['created_at'] = $this->createdAt;
        $data['delivered_at'] = $this->deliveredAt;
        $data['moderated_at'] = $this->moderatedAt;
        return $data;
    }
}
