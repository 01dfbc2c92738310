<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ApiKeyView (components.schemas.ApiKeyView).
 */
final readonly class ApiKeyView
{
    public function __construct(
        public string $id,
        public ?string $name,
        public string $prefix,
        public string $role,
        /**
         * @var list<string>
         */
        public array $scopes,
        public string $environment,
        public string $createdAt,
        public ?string $lastUsedAt,
        public ?string $revokedAt,
        public ?string $createdBy,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            name: $data['name'] ?? null,
            prefix: $data['prefix'],
            role: $data['role'],
            scopes: $data['scopes'],
            environment: $data['environment'],
            createdAt: $data['created_at'],
            lastUsedAt: $data['last_used_at'] ?? null,
            revokedAt: $data['revoked_at'] ?? null,
            createdBy: $data['created_by'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['name'] = $this->name;
        $data['prefix'] = $this->prefix;
        $data['role'] = $this->role;
        $data['scopes'] = $this->scopes;
        $data['environment'] = $this->environment;
        $data['created_at'] = $this->createdAt;
        $data['last_used_at'] = $this->lastUsedAt;
        $data['revoked_at'] = $this->revokedAt;
        $data['created_by'] = $this->createdBy;
        return $data;
    }
}
