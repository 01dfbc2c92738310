<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * TrustSettings (components.schemas.TrustSettings).
 */
final readonly class TrustSettings
{
    public function __construct(
        /**
         * Slug identifying the partner workspace.
         */
        public string $brandId,
        /**
         * Domains (and their subdomains) that messages may link to besides the platform's, lower case, ASCII form.
         * @var list<string>
         */
        public array $allowedDomains,
        /**
         * For every reason code, `hold` or `block`.
         * @var array<string, mixed>
         */
        public array $actions,
        /**
         * The reasons whose action the brand set itself; the others follow the platform default.
         * @var list<string>
         */
        public array $customized,
        /**
         * The platform's own domains, always allowed.
         * @var list<string>
         */
        public array $platformDomains,
        /**
         * Version of the validator the policy runs on.
         */
        public string $validatorVersion,
        /**
         * When the brand last changed its policy; null while it uses the default.
         */
        public ?string $updatedAt,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            brandId: $data['brand_id'],
            allowedDomains: $data['allowed_domains'],
            actions: $data['actions'],
            customized: $data['customized'],
            platformDomains: $data['platform_domains'],
            validatorVersion: $data['validator_version'],
            updatedAt: $data['updated_at'] ?? null,
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['brand_id'] = $this->brandId;
        $data['allowed_domains'] = $this->allowedDomains;
        $data['actions'] = $this->actions;
        $data['customized'] = $this->customized;
        $data['platform_domains'] = $this->platformDomains;
        $data['validator_version'] = $this->validatorVersion;
        $data['updated_at'] = $this->updatedAt;
        return $data;
    }
}
