<?php

declare(strict_types=1);

namespace Repurch;

/**
 * Standard Webhooks signatures: webhook-signature holds space-separated "v1,<base64 HMAC-SHA256 of
 * {webhook-id}.{webhook-timestamp}.{body}>" entries (the API signs with every secret valid during a
 * rotation), keyed by the base64 after the secret's "whsec_" prefix.
 */
final class Webhook
{
    private const SECRET_PREFIX = 'whsec_';

    /**
     * Checks a delivery against any of $secrets (the endpoint's secret, or the new and the previous one
     * during a rotation) and that webhook-timestamp is within $toleranceSeconds of now. Verify the raw
     * body before parsing it: re-serialised JSON does not match.
     *
     * @param array<string, string|list<string>> $headers any case, e.g. getallheaders()
     * @param string|list<string> $secrets
     * @return array<string, mixed> the event as the API sent it (id, type, created_at, data)
     * @throws WebhookVerificationException
     */
    public static function verify(string $payload, array $headers, string|array $secrets, int $toleranceSeconds = 300, ?int $now = null): array
    {
        $id = self::header($headers, 'webhook-id');
        $timestamp = self::header($headers, 'webhook-timestamp');
        $signature = self::header($headers, 'webhook-signature');
        if ($id === null || $timestamp === null || $signature === null || $id === '' || $timestamp === '' || $signature === '') {
            throw new WebhookVerificationException('missing webhook-id, webhook-timestamp or webhook-signature');
        }
        if (!preg_match('/^\d+$/', $timestamp)) {
            throw new WebhookVerificationException('webhook-timestamp is not a number of seconds');
        }
        if (abs(($now ?? time()) - (int) $timestamp) > $toleranceSeconds) {
            throw new WebhookVerificationException('webhook-timestamp is outside the tolerance window');
        }
        $secrets = is_array($secrets) ? $secrets : [$secrets];
        if ($secrets === []) {
            throw new \InvalidArgumentException('pass at least one webhook secret');
        }
        $sent = [];
        foreach (explode(' ', $signature) as $entry) {
            if (str_starts_with($entry, 'v1,')) {
                $sent[] = (string) base64_decode(substr($entry, 3), false);
            }
        }
        foreach ($secrets as $secret) {
            $expected = base64_decode(substr(self::sign($secret, $id, (int) $timestamp, $payload), 3));
            foreach ($sent as $candidate) {
                if (hash_equals($expected, $candidate)) {
                    $event = json_decode($payload, true);
                    if (!is_array($event)) {
                        throw new WebhookVerificationException('the payload is not JSON');
                    }
                    return $event;
                }
            }
        }
        throw new WebhookVerificationException('no webhook-signature matches the secret');
    }

    /** The webhook-signature entry the API would send for this delivery: "v1,<base64>". */
    public static function sign(string $secret, string $id, int $timestamp, string $payload): string
    {
        if (!str_starts_with($secret, self::SECRET_PREFIX)) {
            throw new \InvalidArgumentException('a webhook secret starts with whsec_');
        }
        $key = base64_decode(substr($secret, strlen(self::SECRET_PREFIX)), true);
        if ($key === false) {
            throw new \InvalidArgumentException('a webhook secret is whsec_ and base64');
        }
        return 'v1,' . base64_encode(hash_hmac('sha256', $id . '.' . $timestamp . '.' . $payload, $key, true));
    }

    /** @param array<string, string|list<string>> $headers */
    private static function header(array $headers, string $name): ?string
    {
        foreach ($headers as $key => $value) {
            if (strtolower((string) $key) === $name) {
                return is_array($value) ? ($value[0] ?? null) : $value;
            }
        }
        return null;
    }
}
