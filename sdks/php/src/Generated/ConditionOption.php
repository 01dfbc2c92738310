<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * ConditionOption (components.schemas.ConditionOption).
 */
final readonly class ConditionOption
{
    public function __construct(
        public string $value,
        public string $label,
        public string $help,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            value: $data['value'],
            label: $data['label'],
            help: $data['help'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['value'] = $this->value;
        $data['label'] = $this->label;
        $data['help'] = $this->help;
        return $data;
    }
}
