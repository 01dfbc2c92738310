<?php

declare(strict_types=1);

namespace Repurch;

use Repurch\Generated\Operations;

/**
 * The Repurch API client: one typed method per operation (Generated\Operations, e.g. listListings,
 * createListing, redeemCode) that returns the 2xx body as its model and throws RepurchException otherwise;
 * paginate() for whole lists, bulkJobs for background imports and request() for anything raw.
 */
final class Repurch
{
    use Operations;

    public const DEFAULT_BASE_URL = 'https://api.repurch.com';

    public readonly Transport $transport;
    public readonly BulkJobs $bulkJobs;

    /**
     * @param ?string $apiKey re_pk_live_… for live data, re_pk_test_… for the sandbox: the key picks the plane, not the URL
     * @param ?TokenPair $tokens instead of a key: refreshed before its known expiry or on a 401
     * @param ?string $baseUrl default https://api.repurch.com
     * @param int $maxRetries retries after the first attempt (0 turns retrying off)
     * @param float $timeout seconds per attempt
     * @param ?callable(TokenPair): void $onTokens receives every new pair after a refresh, to store it
     * @param ?string $userAgent appended to repurch-php/<version> php/<version>
     * @param ?callable(int): void $sleep for tests: how the client waits between attempts (milliseconds)
     */
    public function __construct(
        ?string $apiKey = null,
        ?TokenPair $tokens = null,
        ?string $baseUrl = null,
        int $maxRetries = 3,
        float $timeout = 60.0,
        int $baseDelayMs = 500,
        int $maxDelayMs = 20_000,
        ?callable $onTokens = null,
        ?string $userAgent = null,
        ?callable $sleep = null,
    ) {
        $this->transport = new Transport(
            baseUrl: $baseUrl === null || $baseUrl === '' ? self::DEFAULT_BASE_URL : $baseUrl,
            apiKey: $apiKey,
            tokens: $tokens,
            maxRetries: $maxRetries,
            timeout: $timeout,
            baseDelayMs: $baseDelayMs,
            maxDelayMs: $maxDelayMs,
            onTokens: $onTokens,
            userAgent: $userAgent,
            sleep: $sleep,
        );
        $this->bulkJobs = new BulkJobs($this);
    }

    /** Exchanges an API key for a 15-minute access token and its refresh token (POST /v1/auth/token). */
    public static function exchangeKey(string $apiKey, ?string $baseUrl = null): TokenPair
    {
        $pair = (new self(apiKey: $apiKey, baseUrl: $baseUrl))->createAccessToken();
        return new TokenPair($pair->accessToken, $pair->refreshToken, time() + $pair->expiresIn);
    }

    /** The token pair after any refresh (store it when the process ends), when the client runs on tokens. */
    public function tokens(): ?TokenPair
    {
        return $this->transport->tokens();
    }

    /**
     * Every item of a paged list, page after page: foreach ($repurch->paginate('listListings',
     * ['channel' => 'clearance']) as $listing). Path parameters follow the query (e.g. a dispute's id).
     *
     * @param string $operation the list method's name, e.g. listListings
     * @param array<string, mixed> $query the method's query; per_page sets the page size
     * @return \Generator<int, mixed>
     */
    public function paginate(string $operation, array $query = [], string|int ...$pathParams): \Generator
    {
        return Paginator::items(fn (array $q): object => $this->{$operation}(...[...$pathParams, 'query' => $q]), $query);
    }

    /**
     * A raw request through the same auth, idempotency and retries (for bodies the document does not type).
     *
     * @param array{path?: array<string, string|int>, query?: array<string, mixed>, body?: mixed, file?: string,
     *        contentType?: string, headers?: array<string, string>, idempotencyKey?: ?string} $options
     */
    public function request(string $method, string $path, array $options = []): Response
    {
        return $this->transport->send($method, $path, $options);
    }
}
