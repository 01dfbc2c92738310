<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * WebhookAttemptView (components.schemas.WebhookAttemptView).
 */
final readonly class WebhookAttemptView
{
    public function __construct(
        public int $id,
        public ?int $statusCode,
        public int $latencyMs,
        public ?string $error,
        public ?string $responseBody,
        public string $createdAt,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            statusCode: $data['status_code'] ?? null,
            latencyMs: $data['latency_ms'],
            error: $data['error'] ?? null,
            responseBody: $data['response_body'] ?? null,
            createdAt: $data['created_at'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['status_code'] = $this->statusCode;
        $data['latency_ms'] = $this->latencyMs;
        $data['error'] = $this->error;
        $data['response_body'] = $this->responseBody;
        $data['created_at'] = $this->createdAt;
        return $data;
    }
}
