<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ConversationView (components.schemas.ConversationView).
 */
final readonly class ConversationView
{
    public function __construct(
        public string $id,
        public int $listingId,
        public ?string $listingTitle,
        public string $role,
        public string $buyerAccountId,
        public string $ownerType,
        public ?string $ownerAccountId,
        public int $unreadCount,
        public string $createdAt,
        public string $lastMessageAt,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            listingId: $data['listing_id'],
            listingTitle: $data['listing_title'] ?? null,
            role: $data['role'],
            buyerAccountId: $data['buyer_account_id'],
            ownerType: $data['owner_type'],
            ownerAccountId: $data['owner_account_id'] ?? null,
            unreadCount: $data['unread_count'],
            createdAt: $data['created_at'],
            lastMessageAt: $data['last_message_at'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['listing_id'] = $this->listingId;
        $data['listing_title'] = $this->listingTitle;
        $data['role'] = $this->role;
        $data['buyer_account_id'] = $this->buyerAccountId;
        $data['owner_type'] = $this->ownerType;
        $data['owner_account_id'] = $this->ownerAccountId;
        $data['unread_count'] = $this->unreadCount;
        $data['created_at'] = $this->createdAt;
        $data['last_message_at'] = $this->lastMessageAt;
        return $data;
    }
}
