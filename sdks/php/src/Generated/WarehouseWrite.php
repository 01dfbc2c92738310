<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * WarehouseWrite (components.schemas.WarehouseWrite).
 */
final readonly class WarehouseWrite
{
    public function __construct(
        /**
         * Short identifier shown in the partner dashboard, e.g. `Long Eaton DC`. 1-100 characters after trimming. Required on create.
         */
        public string $label,
        /**
         * On-site contact, up to 200 characters.
         */
        public ?string $contactName = null,
        /**
         * On-site contact email, up to 254 characters.
         */
        public ?string $contactEmail = null,
        /**
         * On-site contact phone: digits, spaces, `+`, `-` and brackets, with 7-20 digits and balanced brackets; up to 40 characters.
         */
        public ?string $contactPhone = null,
        /**
         * First line of the address, up to 200 characters.
         */
        public ?string $address1 = null,
        /**
         * Second address line, up to 200 characters.
         */
        public ?string $address2 = null,
        /**
         * City, up to 100 characters.
         */
        public ?string $city = null,
        /**
         * UK postcode; stored and returned upper case with one space (`ng102qq` becomes `NG10 2QQ`).
         */
        public ?string $postcode = null,
        /**
         * Country, up to 100 characters. Default `United Kingdom`; `null` or `""` resets it.
         */
        public ?string $country = null,
        /**
         * `true` makes this warehouse the default and demotes the previous one. The brand's first warehouse is always the default. On update, `false` is rejected on the current default (`is_default_invalid`).
         */
        public ?bool $isDefault = null,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            label: $data['label'],
            contactName: $data['contact_name'] ?? null,
            contactEmail: $data['contact_email'] ?? null,
            contactPhone: $data['contact_phone'] ?? null,
            address1: $data['address_1'] ?? null,
            address2: $data['address_2'] ?? null,
            city: $data['city'] ?? null,
            postcode: $data['postcode'] ?? null,
            country: $data['country'] ?? null,
            isDefault: $data['is_default'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['label'] = $this->label;
        if ($this->contactName !== null) {
            $data['contact_name'] = $this->contactName;
        }
        if ($this->contactEmail !== null) {
            $data['contact_email'] = $this->contactEmail;
        }
        if ($this->contactPhone !== null) {
            $data['contact_phone'] = $this->contactPhone;
        }
        if ($this->address1 !== null) {
            $data['address_1'] = $this->address1;
        }
        if ($this->address2 !== null) {
            $data['address_2'] = $this->address2;
        }
        if ($this->city !== null) {
            $data['city'] = $this->city;
        }
        if ($this->postcode !== null) {
            $data['postcode'] = $this->postcode;
        }
        if ($this->country !== null) {
            $data['country'] = $this->country;
        }
        if ($this->isDefault !== null) {
            $data['is_default'] = $this->isDefault;
        }
        return $data;
    }
}
