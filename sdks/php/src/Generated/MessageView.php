<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * MessageView (components.schemas.MessageView).
 */
final readonly class MessageView
{
    public function __construct(
        public string $id,
        public string $conversationId,
        public string $senderRole,
        public ?string $senderAccountId,
        public bool $fromMe,
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
        public ?string $supersededBy,
        public string $createdAt,
        public ?string $deliveredAt,
        public ?string $readAt,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            conversationId: $data['conversation_id'],
            senderRole: $data['sender_role'],
            senderAccountId: $data['sender_account_id'] ?? null,
            fromMe: $data['from_me'],
            text: $data['text'],
            status: $data['status'],
            reasons: $data['reasons'],
            signals: array_map(MessageSignalView::fromArray(...), $data['signals']),
            validatorVersion: $data['validator_version'],
            version: $data['version'],
            replaces: $data['replaces'] ?? null,
            supersededBy: $data['superseded_by'] ?? null,
            createdAt: $data['created_at'],
            deliveredAt: $data['delivered_at'] ?? null,
            readAt: $data['read_at'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['conversation_id'] = $this->conversationId;
        $data['sender_role'] = $this->senderRole;
        $data['sender_account_id'] = $this->senderAccountId;
        $data['from_me'] = $this->fromMe;
        $data['text'] = $this->text;
        $data['status'] = $this->status;
        $data['reasons'] = $this->reasons;
        $data['signals'] = array_map(static fn (MessageSignalView $item): array => $item->toArray(), $this->signals);
        $data['validator_version'] = $this->validatorVersion;
        $data['version'] = $this->version;
        $data['replaces'] = $this->replaces;
        $data['superseded_by'] = $this->supersededBy;
        $data['created_at'] = $this->createdAt;
        $data['delivered_at'] = $this->deliveredAt;
        $data['read_at'] = $this->readAt;
        return $data;
    }
}
