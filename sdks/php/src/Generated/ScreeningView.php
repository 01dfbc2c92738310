<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ScreeningView (components.schemas.ScreeningView).
 */
final readonly class ScreeningView
{
    public function __construct(
        public string $verdict,
        /**
         * @var list<string>
         */
        public array $reasons,
        /**
         * @var list<ScreeningSignalView>
         */
        public array $signals,
        public string $validatorVersion,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            verdict: $data['verdict'],
            reasons: $data['reasons'],
            signals: array_map(ScreeningSignalView::fromArray(...), $data['signals']),
            validatorVersion: $data['validator_version'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['verdict'] = $this->verdict;
        $data['reasons'] = $this->reasons;
        $data['signals'] = array_map(static fn (ScreeningSignalView $item): array => $item->toArray(), $this->signals);
        $data['validator_version'] = $this->validatorVersion;
        return $data;
    }
}
