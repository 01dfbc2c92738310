<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * BillingEntityView (components.schemas.BillingEntityView).
 */
final readonly class BillingEntityView
{
    public function __construct(
        /**
         * Registered legal name.
         */
        public ?string $companyName,
        /**
         * First line of the registered address.
         */
        public ?string $address1,
        /**
         * Optional second address line.
         */
        public ?string $address2,
        /**
         * City of the registered address.
         */
        public ?string $city,
        /**
         * Postal code; UK postcodes in the Royal Mail form, e.g. NG10 2QQ.
         */
        public ?string $postcode,
        /**
         * Country. Default United Kingdom.
         */
        public string $country,
        /**
         * Companies House registration number, 8 characters.
         */
        public ?string $companyNumber,
        /**
         * VAT registration number, if applicable, without spaces.
         */
        public ?string $vatNumber,
        /**
         * Address where remittance PDFs and invoices are sent.
         */
        public ?string $invoiceEmail,
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
            country: $data['country'],
            companyNumber: $data['company_number'] ?? null,
            vatNumber: $data['vat_number'] ?? null,
            invoiceEmail: $data['invoice_email'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['company_name'] = $this->companyName;
        $data['address_1'] = $this->address1;
        $data['address_2'] = $this->address2;
        $data['city'] = $this->city;
        $data['postcode'] = $this->postcode;
        $data['country'] = $this->country;
        $data['company_number'] = $this->companyNumber;
        $data['vat_number'] = $this->vatNumber;
        $data['invoice_email'] = $this->invoiceEmail;
        return $data;
    }
}
