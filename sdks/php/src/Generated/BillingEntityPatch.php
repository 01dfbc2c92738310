<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * BillingEntityPatch (components.schemas.BillingEntityPatch).
 */
final readonly class BillingEntityPatch
{
    public function __construct(
        /**
         * Registered legal name.
         */
        public ?string $companyName = null,
        /**
         * First line of the registered address.
         */
        public ?string $address1 = null,
        /**
         * Optional second address line.
         */
        public ?string $address2 = null,
        /**
         * City of the registered address.
         */
        public ?string $city = null,
        /**
         * Postal code. UK postcodes in any case and spacing; stored as e.g. NG10 2QQ.
         */
        public ?string $postcode = null,
        /**
         * Country. Default United Kingdom; clearing it restores the default.
         */
        public ?string $country = null,
        /**
         * Companies House registration number: 8 digits, or a two-letter prefix (SC, NI, OC, ...) or R0 and 6 digits.
         */
        public ?string $companyNumber = null,
        /**
         * UK VAT number: GB + 9 or 12 digits, GBGD/GBHA + 3 digits; spaces allowed.
         */
        public ?string $vatNumber = null,
        /**
         * Address for remittance and invoice delivery.
         */
        public ?string $invoiceEmail = null,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            companyName: $data['company_name'] ?? null,
            address1: $data['address_1'] ?? null,
            address2: $data['address_2'] ?? null,
            city: $data['city'] ?? null,
            postcode: $data['postcode'] ?? null,
            country: $data['country'] ?? null,
            companyNumber: $data['company_number'] ?? null,
            vatNumber: $data['vat_number'] ?? null,
            invoiceEmail: $data['invoice_email'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        if ($this->companyName !== null) {
            $data['company_name'] = $this->companyName;
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
        if ($this->companyNumber !== null) {
            $data['company_number'] = $this->companyNumber;
        }
        if ($this->vatNumber !== null) {
            $data['vat_number'] = $this->vatNumber;
        }
        if ($this->invoiceEmail !== null) {
            $data['invoice_email'] = $this->invoiceEmail;
        }
        return $data;
    }
}
