<?php

declare(strict_types=1);

namespace Repurch;

/**
 * The one place every request goes through: the bearer (key or access token, refreshed once on a 401),
 * an Idempotency-Key per mutation kept across its retries, retries with exponential backoff and jitter on
 * connection errors, 409 idempotency_key_in_use, 429 and 5xx (never another 4xx), and a RepurchException
 * for any answer that is not 2xx in the end.
 */
final class Transport
{
    private const MUTATIONS = ['POST', 'PUT', 'PATCH', 'DELETE'];
    /** Refresh this long before the known expiry, so a request does not leave with a token about to lapse. */
    private const EXPIRY_SKEW_SECONDS = 30;

    public readonly string $userAgent;
    private ?TokenPair $tokens;
    /** @var \Closure(int): void */
    private \Closure $sleep;
    /** @var ?\Closure(TokenPair): void */
    private ?\Closure $onTokens;

    /**
     * @param ?callable(TokenPair): void $onTokens called with every new pair after a refresh: store it
     *        (the old refresh token is now retired)
     * @param ?callable(int): void $sleep for tests: how the client waits between attempts (milliseconds)
     */
    public function __construct(
        private readonly string $baseUrl,
        private readonly ?string $apiKey = null,
        ?TokenPair $tokens = null,
        private readonly int $maxRetries = 3,
        private readonly float $timeout = 60.0,
        private readonly int $baseDelayMs = 500,
        private readonly int $maxDelayMs = 20_000,
        ?callable $onTokens = null,
        ?string $userAgent = null,
        ?callable $sleep = null,
    ) {
        if ($apiKey === null && $tokens === null) {
            throw new \InvalidArgumentException('Repurch: pass apiKey or tokens');
        }
        $this->tokens = $tokens;
        $this->onTokens = $onTokens === null ? null : \Closure::fromCallable($onTokens);
        $this->sleep = $sleep === null ? static fn (int $ms) => usleep($ms * 1000) : \Closure::fromCallable($sleep);
        $this->userAgent = 'repurch-php/' . Version::VERSION . ' php/' . PHP_VERSION . ($userAgent === null ? '' : ' ' . $userAgent);
    }

    /** The current token pair (after any refresh), when the client runs on tokens. */
    public function tokens(): ?TokenPair
    {
        return $this->tokens;
    }

    /**
     * Sends a request with auth, idempotency and retries.
     *
     * @param array{path?: array<string, string|int>, query?: array<string, mixed>, body?: mixed, file?: string,
     *        contentType?: string, headers?: array<string, string>, idempotencyKey?: ?string} $options
     *        body is JSON-encoded; file is a path streamed as the raw body (the same bytes on every retry)
     */
    public function send(string $method, string $path, array $options = []): Response
    {
        $method = strtoupper($method);
        $headers = [];
        foreach ($options['headers'] ?? [] as $name => $value) {
            $headers[strtolower($name)] = $name . ': ' . $value;
        }
        if (in_array($method, self::MUTATIONS, true) && !isset($headers['idempotency-key'])) {
            $key = $options['idempotencyKey'] ?? null;
            $headers['idempotency-key'] = 'Idempotency-Key: ' . ($key ?? self::uuid());
        }
        $headers['user-agent'] = 'User-Agent: ' . $this->userAgent;
        $ownAuth = isset($headers['authorization']);
        $body = null;
        if (array_key_exists('body', $options) && $options['body'] !== null) {
            // Encoded once, so every retry sends the same bytes under the same key. An empty body is {}.
            $body = $options['body'] === [] ? '{}' : json_encode($options['body'], JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION);
            $headers['content-type'] ??= 'Content-Type: application/json';
        }
        if (isset($options['file'])) {
            $headers['content-type'] = 'Content-Type: ' . ($options['contentType'] ?? 'application/octet-stream');
        }
        $url = $this->url($path, $options['path'] ?? [], $options['query'] ?? []);

        $refreshed = false;
        for ($attempt = 0; ; $attempt++) {
            $bearer = null;
            if (!$ownAuth) {
                $bearer = $this->bearer();
                $headers['authorization'] = 'Authorization: Bearer ' . $bearer;
            }
            $answer = $this->exchange($method, $url, array_values($headers), $body, $options['file'] ?? null);
            if ($answer === null) {
                if ($attempt < $this->maxRetries) {
                    ($this->sleep)($this->backoff($attempt));
                    continue;
                }
                throw new RepurchConnectionException($method . ' ' . parse_url($url, PHP_URL_PATH) . ': ' . $this->lastError);
            }
            [$status, $answerHeaders, $answerBody] = $answer;
            if ($status === 401 && !$ownAuth && $this->tokens !== null && !$refreshed) {
                // The access token lapsed (or was revoked): one refresh, then the same request again.
                $refreshed = true;
                $this->refresh();
                $attempt--;
                continue;
            }
            if ($attempt < $this->maxRetries && self::retryable($status, $answerHeaders, $answerBody)) {
                ($this->sleep)($this->retryAfter($answerHeaders) ?? $this->backoff($attempt));
                continue;
            }
            if ($status < 200 || $status > 299) {
                throw RepurchException::fromAnswer($status, $answerHeaders, $answerBody);
            }
            return new Response($status, $answerHeaders, $answerBody);
        }
    }

    /**
     * Resolves a path such as /v1/listings/{id} against the base URL (which may carry a path of its own).
     *
     * @param array<string, string|int> $pathParams
     * @param array<string, mixed> $query
     */
    public function url(string $path, array $pathParams = [], array $query = []): string
    {
        if (!preg_match('#^https?://#', $path)) {
            foreach ($pathParams as $name => $value) {
                $path = str_replace('{' . $name . '}', rawurlencode((string) $value), $path);
            }
            $path = rtrim($this->baseUrl, '/') . '/' . ltrim($path, '/');
        }
        $query = array_map(static fn (mixed $v): mixed => is_bool($v) ? ($v ? 'true' : 'false') : $v, $query);
        if ($query !== []) {
            $path .= (str_contains($path, '?') ? '&' : '?') . http_build_query($query, '', '&', PHP_QUERY_RFC3986);
        }
        return $path;
    }

    /** Exponential backoff with jitter: between half and all of base * 2^attempt, capped (milliseconds). */
    public function backoff(int $attempt): int
    {
        $ceiling = min($this->maxDelayMs, $this->baseDelayMs * 2 ** $attempt);
        return intdiv($ceiling, 2) + random_int(0, intdiv($ceiling, 2));
    }

    private string $lastError = '';

    /**
     * One HTTP exchange; null when no answer came back (refused, reset, timeout).
     *
     * @param list<string> $headers
     * @return ?array{0: int, 1: array<string, string>, 2: string}
     */
    private function exchange(string $method, string $url, array $headers, ?string $body, ?string $file): ?array
    {
        $curl = curl_init($url);
        $answerHeaders = [];
        $stream = null;
        curl_setopt_array($curl, [
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_TIMEOUT_MS => (int) ($this->timeout * 1000),
            CURLOPT_CONNECTTIMEOUT_MS => (int) (min($this->timeout, 10.0) * 1000),
            CURLOPT_FOLLOWLOCATION => false,
            CURLOPT_HEADERFUNCTION => static function ($curl, string $line) use (&$answerHeaders): int {
                $parts = explode(':', $line, 2);
                if (count($parts) === 2) {
                    $answerHeaders[strtolower(trim($parts[0]))] = trim($parts[1]);
                } elseif (str_starts_with($line, 'HTTP/')) {
                    $answerHeaders = []; // a 100 Continue's headers are not the answer's
                }
                return strlen($line);
            },
        ]);
        if ($file !== null) {
            // Streamed from disk: a large import is never held in memory, and each attempt rereads the same bytes.
            $stream = fopen($file, 'rb');
            if ($stream === false) {
                throw new \InvalidArgumentException('cannot read ' . $file);
            }
            curl_setopt_array($curl, [
                CURLOPT_UPLOAD => true,
                CURLOPT_CUSTOMREQUEST => $method,
                CURLOPT_INFILE => $stream,
                CURLOPT_INFILESIZE => filesize($file),
            ]);
            $headers[] = 'Expect:';
        } elseif ($body !== null) {
            curl_setopt($curl, CURLOPT_POSTFIELDS, $body);
        } elseif (in_array($method, self::MUTATIONS, true)) {
            $headers[] = 'Content-Length: 0';
        }
        curl_setopt($curl, CURLOPT_HTTPHEADER, $headers);
        $answerBody = curl_exec($curl);
        $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        $this->lastError = curl_error($curl);
        curl_close($curl);
        if ($stream !== null) {
            fclose($stream);
        }
        if ($answerBody === false || $status === 0) {
            return null;
        }
        return [$status, $answerHeaders, (string) $answerBody];
    }

    /** @param array<string, string> $headers */
    private static function retryable(int $status, array $headers, string $body): bool
    {
        if ($status === 429 || $status >= 500) {
            return true;
        }
        if ($status !== 409) {
            return false;
        }
        // Another attempt with this key is still running: retrying gets its answer once it is done.
        return RepurchException::fromAnswer($status, $headers, $body)->errorCode === 'idempotency_key_in_use';
    }

    /**
     * Retry-After in seconds or as an HTTP date, capped at maxDelayMs (milliseconds).
     *
     * @param array<string, string> $headers
     */
    private function retryAfter(array $headers): ?int
    {
        $value = $headers['retry-after'] ?? null;
        if ($value === null || $value === '') {
            return null;
        }
        if (is_numeric($value)) {
            $ms = (int) round((float) $value * 1000);
        } else {
            $at = strtotime($value);
            if ($at === false) {
                return null;
            }
            $ms = ($at - time()) * 1000;
        }
        return min(max($ms, 0), $this->maxDelayMs);
    }

    private function bearer(): string
    {
        if ($this->tokens === null) {
            return (string) $this->apiKey;
        }
        if ($this->tokens->expiresAt !== null && $this->tokens->expiresAt - self::EXPIRY_SKEW_SECONDS <= time()) {
            $this->refresh();
        }
        return $this->tokens->accessToken;
    }

    /**
     * POST /v1/auth/refresh with the refresh token. Never retried: an answer lost on the way back has
     * already rotated the token, and sending a retired refresh token again revokes the whole family.
     */
    private function refresh(): void
    {
        $body = json_encode(['refresh_token' => $this->tokens?->refreshToken], JSON_THROW_ON_ERROR);
        $answer = $this->exchange('POST', $this->url('v1/auth/refresh'), ['Content-Type: application/json', 'User-Agent: ' . $this->userAgent], $body, null);
        if ($answer === null) {
            throw new RepurchConnectionException('POST /v1/auth/refresh: ' . $this->lastError);
        }
        [$status, $headers, $answerBody] = $answer;
        if ($status < 200 || $status > 299) {
            throw RepurchException::fromAnswer($status, $headers, $answerBody);
        }
        $pair = json_decode($answerBody, true, 512, JSON_THROW_ON_ERROR);
        $this->tokens = new TokenPair($pair['access_token'], $pair['refresh_token'], time() + (int) $pair['expires_in']);
        if ($this->onTokens !== null) {
            ($this->onTokens)($this->tokens);
        }
    }

    /** A random (version 4) UUID. */
    private static function uuid(): string
    {
        $bytes = random_bytes(16);
        $bytes[6] = chr(ord($bytes[6]) & 0x0f | 0x40);
        $bytes[8] = chr(ord($bytes[8]) & 0x3f | 0x80);
        return vsprintf('%s%s-%s-%s-%s-%s%s%s', str_split(bin2hex($bytes), 4));
    }
}
