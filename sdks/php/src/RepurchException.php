<?php

declare(strict_types=1);

namespace Repurch;

/**
 * Any answer outside 2xx (after the retries the client allows), with the API's code, message, data and
 * request id. getCode() returns the same string code as $errorCode (as PDOException does).
 */
final class RepurchException extends \RuntimeException
{
    /**
     * @param array<string, mixed> $data the error's data: status, errors, param
     * @param array<string, string> $headers the answer's headers (names lower-case)
     */
    public function __construct(
        public readonly int $status,
        public readonly string $errorCode,
        string $message,
        public readonly array $data,
        public readonly ?string $requestId,
        public readonly array $headers = [],
    ) {
        parent::__construct($message);
        // Exception's $code is untyped: the API's codes are strings.
        $this->code = $errorCode;
    }

    /**
     * Reads the API's error shape {code, message, data}; a body that is not that shape (a proxy's page)
     * keeps the status with code http_<status>.
     *
     * @param array<string, string> $headers
     */
    public static function fromAnswer(int $status, array $headers, string $body): self
    {
        $parsed = json_decode($body, true);
        $requestId = $headers['request-id'] ?? null;
        if (is_array($parsed) && isset($parsed['code']) && is_string($parsed['code'])) {
            $data = is_array($parsed['data'] ?? null) ? $parsed['data'] : ['status' => $status];
            return new self($status, $parsed['code'], (string) ($parsed['message'] ?? ''), $data, $requestId, $headers);
        }
        return new self($status, 'http_' . $status, substr($body, 0, 200), ['status' => $status], $requestId, $headers);
    }
}
