<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * WarehouseView (components.schemas.WarehouseView).
 */
final readonly class WarehouseView
{
    public function __construct(
        /**
         * UUID. Pass as `{id}` in subsequent calls.
         */
        public string $id,
        public string $label,
        public string $contactName,
        public string $contactEmail,
        public string $contactPhone,
        public string $address1,
        public string $address2,
        public string $city,
        public string $postcode,
        public string $country,
        /**
         * Exactly one warehouse is the default while the brand has any; the rest are alternates.
         */
        public bool $isDefault,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            id: $data['id'],
            label: $data['label'],
            contactName: $data['contact_name'],
            contactEmail: $data['contact_email'],
            contactPhone: $data['contact_phone'],
            address1: $data['address_1'],
            address2: $data['address_2'],
            city: $data['city'],
            postcode: $data['postcode'],
            country: $data['country'],
            isDefault: $data['is_default'],
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['id'] = $this->id;
        $data['label'] = $this->label;
        $data['contact_name'] = $this->contactName;
        $data['contact_email'] = $this->contactEmail;
        $data['contact_phone'] = $this->contactPhone;
        $data['address_1'] = $this->address1;
        $data['address_2'] = $this->address2;
        $data['city'] = $this->city;
        $data['postcode'] = $this->postcode;
        $data['country'] = $this->country;
        $data['is_default'] = $this->isDefault;
        return $data;
    }
}
