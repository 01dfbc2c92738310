<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

/**
 * AccountSession (components.schemas.AccountSession).
 */
final readonly class AccountSession
{
    public function __construct(
        public string $accessToken,
        public string $tokenType,
        public int $expiresIn,
        public string $refreshToken,
        public AccountView $account,
    ) {
    }

    /** @param array<string, mixed> $data the decoded JSON object */
    public static function fromArray(array $data): self
    {
        return new self(
            accessToken: $data['access_token'],
            tokenType: $data['token_type'],
            expiresIn: $data['expires_in'],
            refreshToken: $data['refresh_token'],
            account: AccountView::fromArray($data['account']),
        );
    }

    /** @return array<string, mixed> the JSON object (optional properties left out when null) */
    public function toArray(): array
    {
        $data = [];
        $data['access_token'] = $this->accessToken;
        $data['token_type'] = $this->tokenType;
        $data['expires_in'] = $this->expiresIn;
        $data['refresh_token'] = $this->refreshToken;
        $data['account'] = $this->account->toArray();
        return $data;
    }
}
