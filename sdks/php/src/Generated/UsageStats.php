<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * UsageStats (components.schemas.UsageStats).
 */
final readonly class UsageStats
{
    public function __construct(
        /**
         * Requests answered.
         */
        public int $requests,
        /**
         * Requests answered 400-499 (rate-limited and forbidden ones included).
         */
        public int $errors4xx,
        /**
         * Requests answered 500 or above.
         */
        public int $errors5xx,
        /**
         * (errors_4xx + errors_5xx) / requests, 0 to 1, four decimals; 0 without requests.
         */
        public float $errorRate,
        /**
         * errors_4xx / requests.
         */
        public float $errorRate4xx,
        /**
         * errors_5xx / requests.
         */
        public float $errorRate5xx,
        /**
         * 95th-percentile time inside the API, in ms, interpolated within its latency bucket; null without requests.
         */
        public ?float $p95LatencyMs,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            requests: $data['requests'],
            errors4xx: $data['errors_4xx'],
            errors5xx: $data['errors_5xx'],
            errorRate: (float) $data['error_rate'],
            errorRate4xx: (float) $data['error_rate_4xx'],
            errorRate5xx: (float) $data['error_rate_5xx'],
            p95LatencyMs: isset($data['p95_latency_ms']) ? (float) $data['p95_latency_ms'] : null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['requests'] = $this->requests;
        $data['errors_4xx'] = $this->errors4xx;
        $data['errors_5xx'] = $this->errors5xx;
        $data['error_rate'] = $this->errorRate;
        $data['error_rate_4xx'] = $this->errorRate4xx;
        $data['error_rate_5xx'] = $this->errorRate5xx;
        $data['p95_latency_ms'] = $this->p95LatencyMs;
        return $data;
    }
}
