<?php

declare(strict_types=1);

namespace Repurch;

/** An access token and its refresh token, as POST /v1/auth/token and /v1/auth/refresh return them. */
final readonly class TokenPair
{
    /**
     * @param ?int $expiresAt Unix time the access token expires; null means "refresh when the API answers 401".
     */
    public function __construct(
        public string $accessToken,
        public string $refreshToken,
        public ?int $expiresAt = null,
    ) {
    }
}
