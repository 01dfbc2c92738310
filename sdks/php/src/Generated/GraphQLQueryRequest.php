<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * GraphQLQueryRequest (components.schemas.GraphQLQueryRequest).
 */
final readonly class GraphQLQueryRequest
{
    public function __construct(
        public mixed $variables,
        public mixed $extensions,
        /**
         * The query document. Omit it to run a persisted query by `id` or `extensions.persistedQuery.sha256Hash`.
         */
        public ?string $query = null,
        /**
         * Which operation of the document to run, when it has several.
         */
        public ?string $operationName = null,
        /**
         * A registered query's SHA-256 (`<hex>` or `sha256:<hex>`).
         */
        public ?string $id = null,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            variables: $data['variables'] ?? null,
            extensions: $data['extensions'] ?? null,
            query: $data['query'] ?? null,
            operationName: $data['operationName'] ?? null,
            id: $data['id'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        if ($this->query !== null) {
            $data['query'] = $this->query;
        }
        if ($this->operationName !== null) {
            $data['operationName'] = $this->operationName;
        }
        $data['variables'] = $this->variables;
        $data['extensions'] = $this->extensions;
        if ($this->id !== null) {
            $data['id'] = $this->id;
        }
        return $data;
    }
}
