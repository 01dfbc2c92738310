<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ApiKeyWrite (components.schemas.ApiKeyWrite).
 */
final readonly class ApiKeyWrite
{
    public function __construct(
        public string $name,
        public string $role,
        /**
         * @var list<string>
         */
        public array $scopes,
        public ?string $environment = null,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            name: $data['name'],
            role: $data['role'],
            scopes: $data['scopes'],
            environment: $data['environment'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['name'] = $this->name;
        $data['role'] = $this->role;
        $data['scopes'] = $this->scopes;
        if ($this->environment !== null) {
            $data['environment'] = $this->environment;
        }
        return $data;
    }
}
