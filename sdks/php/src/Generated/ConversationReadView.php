<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ConversationReadView (components.schemas.ConversationReadView).
 */
final readonly class ConversationReadView
{
    public function __construct(
        public string $conversationId,
        public ?string $lastReadMessageId,
        public string $readAt,
        public int $unreadCount,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            conversationId: $data['conversation_id'],
            lastReadMessageId: $data['last_read_message_id'] ?? null,
            readAt: $data['read_at'],
            unreadCount: $data['unread_count'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['conversation_id'] = $this->conversationId;
        $data['last_read_message_id'] = $this->lastReadMessageId;
        $data['read_at'] = $this->readAt;
        $data['unread_count'] = $this->unreadCount;
        return $data;
    }
}
