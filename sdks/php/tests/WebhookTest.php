<?php

declare(strict_types=1);

use Repurch\Webhook;
use Repurch\WebhookVerificationException;

$secret = 'whsec_' . base64_encode(str_repeat('a', 32));
$previous = 'whsec_' . base64_encode(str_repeat('b', 32));
$payload = json_encode(['id' => 'evt_1', 'type' => 'listing.created', 'data' => ['object' => ['id' => 'lst_1']]]);
$now = strtotime('2026-12-03T07:00:00Z');
$headers = static fn (string $signature, int $timestamp = 0): array => [
    'webhook-id' => 'evt_1',
    'webhook-timestamp' => (string) ($timestamp ?: $now),
    'webhook-signature' => $signature,
];

return [
    'a delivery signed with the secret verifies and returns the event' => function () use ($secret, $payload, $now, $headers): void {
        $event = Webhook::verify($payload, $headers(Webhook::sign($secret, 'evt_1', $now, $payload)), $secret, now: $now);
        assert_same('listing.created', $event['type']);
        assert_same('evt_1', $event['id']);
    },
    'the signature is the Standard Webhooks HMAC of id.timestamp.body under the base64 key' => function () use ($secret, $payload, $now): void {
        $expected = 'v1,' . base64_encode(hash_hmac('sha256', "evt_1.$now.$payload", str_repeat('a', 32), true));
        assert_same($expected, Webhook::sign($secret, 'evt_1', $now, $payload));
    },
    'during a rotation: a header with both signatures, and a receiver holding both secrets' => function () use ($secret, $previous, $payload, $now, $headers): void {
        $both = Webhook::sign($secret, 'evt_1', $now, $payload) . ' ' . Webhook::sign($previous, 'evt_1', $now, $payload);
        $upper = array_change_key_case($headers($both), CASE_UPPER);
        assert_same('evt_1', Webhook::verify($payload, $upper, $previous, now: $now)['id']);
        assert_same('evt_1', Webhook::verify($payload, $headers(Webhook::sign($previous, 'evt_1', $now, $payload)), [$secret, $previous], now: $now)['id']);
    },
    'a tampered body, a wrong secret, another id, an old or future timestamp and missing headers are refused' => function () use ($secret, $previous, $payload, $now, $headers): void {
        $good = Webhook::sign($secret, 'evt_1', $now, $payload);
        $refuse = static fn (string $expected, callable $verify) => assert_same($expected, assert_throws(WebhookVerificationException::class, $verify)->getMessage());
        $refuse('no webhook-signature matches the secret', fn () => Webhook::verify(str_replace('lst_1', 'lst_2', $payload), $headers($good), $secret, now: $now));
        $refuse('no webhook-signature matches the secret', fn () => Webhook::verify($payload, $headers($good), $previous, now: $now));
        $refuse('no webhook-signature matches the secret', fn () => Webhook::verify($payload, ['webhook-id' => 'evt_2'] + $headers($good), $secret, now: $now));
        $old = $now - 301;
        $refuse('webhook-timestamp is outside the tolerance window', fn () => Webhook::verify($payload, $headers(Webhook::sign($secret, 'evt_1', $old, $payload), $old), $secret, now: $now));
        $future = $now + 301;
        $refuse('webhook-timestamp is outside the tolerance window', fn () => Webhook::verify($payload, $headers(Webhook::sign($secret, 'evt_1', $future, $payload), $future), $secret, now: $now));
        $refuse('missing webhook-id, webhook-timestamp or webhook-signature', fn () => Webhook::verify($payload, ['webhook-id' => 'evt_1', 'webhook-timestamp' => (string) $now], $secret, now: $now));
        $refuse('webhook-timestamp is not a number of seconds', fn () => Webhook::verify($payload, ['webhook-timestamp' => '2026-12-03'] + $headers($good), $secret, now: $now));
        $refuse('no webhook-signature matches the secret', fn () => Webhook::verify($payload, $headers('v1,not-base64-of-anything'), $secret, now: $now));
        $refuse('no webhook-signature matches the secret', fn () => Webhook::verify($payload, $headers('v2,' . substr($good, 3)), $secret, now: $now));
        // Inside a wider tolerance the old one passes.
        assert_same('evt_1', Webhook::verify($payload, $headers(Webhook::sign($secret, 'evt_1', $old, $payload), $old), $secret, 600, $now)['id']);
    },
];
