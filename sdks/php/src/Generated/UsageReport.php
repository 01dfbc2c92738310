<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * UsageReport (components.schemas.UsageReport).
 */
final readonly class UsageReport
{
    public function __construct(
        public string $brandId,
        /**
         * `live` or `test` (sandbox): the caller's environment; each has its own numbers.
         */
        public string $environment,
        /**
         * Start of the window: the UTC hour 23 hours before the current one.
         */
        public string $from,
        /**
         * Now.
         */
        public string $to,
        public UsageStats $totals,
        /**
         * The 24 hours of the window, oldest first, zeros included.
         * @var list<UsageHour>
         */
        public array $hours,
        /**
         * Per route, busiest first.
         * @var list<UsageRoute>
         */
        public array $routes,
        /**
         * Upper bounds of the latency buckets p95 is computed from; one more bucket holds everything slower.
         * @var list<float>
         */
        public array $latencyBucketsMs,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            brandId: $data['brand_id'],
            environment: $data['environment'],
            from: $data['from'],
            to: $data['to'],
            totals: UsageStats::fromArray($data['totals']),
            hours: array_map(UsageHour::fromArray(...), $data['hours']),
            routes: array_map(UsageRoute::fromArray(...), $data['routes']),
            latencyBucketsMs: array_map('floatval', $data['latency_buckets_ms']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['brand_id'] = $this->brandId;
        $data['environment'] = $this->environment;
        $data['from'] = $this->from;
        $data['to'] = $this->to;
        $data['totals'] = $this->totals->toArray();
        $data['hours'] = array_map(static fn (UsageHour $item): array => $item->toArray(), $this->hours);
        $data['routes'] = array_map(static fn (UsageRoute $item): array => $item->toArray(), $this->routes);
        $data['latency_buckets_ms'] = $this->latencyBucketsMs;
        return $data;
    }
}
