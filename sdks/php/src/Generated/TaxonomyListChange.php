<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * A full replacement list, an `add`/`remove` change to the current effective list, or `null` for the platform default.
 * Not a plain object in the document (a union or any JSON), so it wraps the decoded value as it is.
 */
final readonly class TaxonomyListChange
{
    public function __construct(
        public mixed $value,
    ) {
    }

    /** @param array<array-key, mixed> $data the decoded JSON */
    public static function fromArray(array $data): self
    {
        return new self($data);
    }

    /** @return array<array-key, mixed> */
    public function toArray(): array
    {
        return (array) $this->value;
    }
}
