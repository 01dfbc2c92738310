<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ConversationOpened (components.schemas.ConversationOpened).
 */
final readonly class ConversationOpened
{
    public function __construct(
        public ConversationView $conversation,
        public MessageView $message,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            conversation: ConversationView::fromArray($data['conversation']),
            message: MessageView::fromArray($data['message']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['conversation'] = $this->conversation->toArray();
        $data['message'] = $this->message->toArray();
        return $data;
    }
}
