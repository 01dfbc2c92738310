<?php

declare(strict_types=1);

use Repurch\Generated\CodeCheck;
use Repurch\Repurch;
use Repurch\RepurchConnectionException;
use Repurch\RepurchException;
use Repurch\TokenPair;
use Repurch\Version;

/** A client on the fake API that records its waits instead of sleeping. */
function client(string $url, array &$delays = [], int $maxRetries = 3): Repurch
{
    return new Repurch(apiKey: 're_pk_test_x', baseUrl: $url, maxRetries: $maxRetries, sleep: function (int $ms) use (&$delays): void {
        $delays[] = $ms;
    });
}

function redeem(Repurch $repurch, ?string $key = null): \Repurch\Generated\Redemption
{
    return $repurch->redeemCode(new CodeCheck(code: 'A', orderReference: '1'), idempotencyKey: $key);
}

$tests = [];

$tests['a mutation gets one Idempotency-Key, reused on its retries after 5xx, with backoff and jitter'] = function (): void {
    $api = FakeApi::start('two-5xx-then-created');
    try {
        $delays = [];
        assert_same('r', redeem(client($api->url, $delays))->id);
        $seen = $api->seen();
        assert_same(3, count($seen), 'attempts');
        $keys = array_column(array_column($seen, 'headers'), 'idempotency-key');
        assert_true((bool) preg_match('/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/', $keys[0]), "a UUID key, got {$keys[0]}");
        assert_same([$keys[0], $keys[0], $keys[0]], $keys, 'the same key on every attempt');
        assert_same(array_fill(0, 3, '{"code":"A","order_reference":"1"}'), array_column($seen, 'body'), 'the same body on every attempt');
        assert_same(2, count($delays), 'waits');
        assert_true($delays[0] >= 250 && $delays[0] <= 500, "first backoff {$delays[0]}");
        assert_true($delays[1] >= 500 && $delays[1] <= 1000, "second backoff {$delays[1]}");
        assert_same('Bearer re_pk_test_x', $seen[0]['headers']['authorization']);
        assert_same('repurch-php/' . Version::VERSION . ' php/' . PHP_VERSION, $seen[0]['headers']['user-agent']);
    } finally {
        $api->close();
    }
};

$tests['a GET carries no Idempotency-Key; two mutations get different keys; a caller-given key is kept'] = function (): void {
    $api = FakeApi::start('ok');
    try {
        $repurch = client($api->url);
        assert_same(1, $repurch->getListing(1)->id);
        redeem($repurch);
        redeem($repurch);
        redeem($repurch, 'order-1001-redeem');
        $seen = $api->seen();
        assert_same('/v1/listings/1', $seen[0]['uri']);
        assert_true(!isset($seen[0]['headers']['idempotency-key']), 'a GET has no key');
        assert_true($seen[1]['headers']['idempotency-key'] !== $seen[2]['headers']['idempotency-key'], 'two mutations, two keys');
        assert_same('order-1001-redeem', $seen[3]['headers']['idempotency-key']);
    } finally {
        $api->close();
    }
};

$tests['429 waits Retry-After; 409 idempotency_key_in_use is retried'] = function (): void {
    $api = FakeApi::start('429-then-409-in-use-then-ok');
    try {
        $delays = [];
        redeem(client($api->url, $delays));
        assert_same(3, count($api->seen()), 'attempts');
        assert_same(2000, $delays[0], 'Retry-After: 2');
    } finally {
        $api->close();
    }
};

$tests['Retry-After as an HTTP date is honoured, and no wait is longer than maxDelayMs'] = function (): void {
    $api = FakeApi::start('429-date-then-429-long-then-ok');
    try {
        $delays = [];
        redeem(client($api->url, $delays));
        assert_same(3, count($api->seen()), 'attempts');
        assert_true($delays[0] >= 1000 && $delays[0] <= 3000, "an HTTP date 3 s ahead waits {$delays[0]} ms");
        assert_same(20000, $delays[1], 'Retry-After: 3600 capped at maxDelayMs');
    } finally {
        $api->close();
    }
};

foreach ([[400, 'validation_failed'], [404, 'listing_not_found'], [409, 'code_already_redeemed'], [422, 'code_invalid'], [403, 'forbidden']] as [$status, $code]) {
    $tests["$status $code is never retried and throws a typed error with the request id"] = function () use ($status, $code): void {
        $api = FakeApi::start("error-$status");
        try {
            $e = assert_throws(RepurchException::class, fn () => redeem(client($api->url)));
            assert_same($status, $e->status);
            assert_same($code, $e->errorCode);
            assert_same($code, $e->getCode());
            assert_same("$code happened", $e->getMessage());
            assert_same(['status' => $status, 'errors' => [$code]], $e->data);
            assert_same("req-$status", $e->requestId);
            assert_same(1, count($api->seen()), 'attempts');
        } finally {
            $api->close();
        }
    };
}

$tests['retries stop after maxRetries: the last 5xx is thrown'] = function (): void {
    $api = FakeApi::start('always-502');
    try {
        $e = assert_throws(RepurchException::class, fn () => client($api->url, maxRetries: 2)->listListings());
        assert_same(502, $e->status);
        assert_same(3, count($api->seen()), 'attempts');
    } finally {
        $api->close();
    }
};

$tests['an error body that is not the API shape keeps its status as http_<status>'] = function (): void {
    $api = FakeApi::start('proxy-page');
    try {
        $e = assert_throws(RepurchException::class, fn () => client($api->url, maxRetries: 0)->listListings());
        assert_same('http_502', $e->errorCode);
        assert_same('<html>Bad Gateway</html>', $e->getMessage());
    } finally {
        $api->close();
    }
};

$tests['connection errors are retried, then thrown as RepurchConnectionException'] = function (): void {
    $delays = [];
    $repurch = client('http://127.0.0.1:' . FakeApi::freePort(), $delays);
    assert_throws(RepurchConnectionException::class, fn () => $repurch->listListings());
    assert_same(3, count($delays), 'waits');
};

$tests['a token pair is refreshed once on 401, the request repeated, and onTokens gets the new pair'] = function (): void {
    $api = FakeApi::start('refresh');
    try {
        $saved = [];
        $repurch = new Repurch(tokens: new TokenPair('at_1', 'rt_1'), baseUrl: $api->url, onTokens: function (TokenPair $t) use (&$saved): void {
            $saved[] = $t->refreshToken;
        });
        assert_same(1, $repurch->getListing(1)->id);
        assert_same(1, $repurch->getListing(1)->id);
        $uris = array_column($api->seen(), 'uri');
        assert_same(['/v1/listings/1', '/v1/auth/refresh', '/v1/listings/1', '/v1/listings/1'], $uris);
        assert_same(['rt_2'], $saved);
        assert_same('at_2', $repurch->tokens()->accessToken);
        assert_true($repurch->tokens()->expiresAt > time() + 800, 'expiresAt from expires_in');
    } finally {
        $api->close();
    }
};

$tests['a token pair past its expiry is refreshed before the request leaves'] = function (): void {
    $api = FakeApi::start('refresh');
    try {
        $repurch = new Repurch(tokens: new TokenPair('at_1', 'rt_1', time() - 1), baseUrl: $api->url);
        $repurch->getListing(1);
        assert_same(['/v1/auth/refresh', '/v1/listings/1'], array_column($api->seen(), 'uri'));
    } finally {
        $api->close();
    }
};

$tests['a refused refresh ends in a typed 401, without a second refresh'] = function (): void {
    $api = FakeApi::start('always-401');
    try {
        $repurch = new Repurch(tokens: new TokenPair('at_1', 'rt_1'), baseUrl: $api->url);
        $e = assert_throws(RepurchException::class, fn () => $repurch->listListings());
        assert_same('invalid_token', $e->errorCode);
        assert_same(1, count(array_filter($api->seen(), fn (array $s) => $s['uri'] === '/v1/auth/refresh')), 'refreshes');
    } finally {
        $api->close();
    }
};

$tests['paginate walks every page and stops at total_pages'] = function (): void {
    $api = FakeApi::start('pages');
    try {
        $ids = [];
        foreach (client($api->url)->paginate('listListings', ['channel' => 'clearance', 'per_page' => 2]) as $listing) {
            $ids[] = $listing->id;
        }
        assert_same([11, 12, 21, 22, 31, 32], $ids);
        $uris = array_column($api->seen(), 'uri');
        assert_same(3, count($uris), 'pages fetched');
        foreach ($uris as $uri) {
            assert_true(str_contains($uri, 'channel=clearance') && str_contains($uri, 'per_page=2'), "query kept on $uri");
        }
    } finally {
        $api->close();
    }
};

$tests['the bulk upload streams the raw file once with a key, polls with progress and downloads the report'] = function (): void {
    $api = FakeApi::start('bulk');
    $file = sys_get_temp_dir() . '/stock-' . bin2hex(random_bytes(4)) . '.csv';
    file_put_contents($file, "title\r\nSofa\r\n");
    try {
        $repurch = client($api->url);
        $started = $repurch->bulkJobs->start($file, filename: 'stock.csv');
        $progress = [];
        $done = $repurch->bulkJobs->wait($started->id, function ($j) use (&$progress): void {
            $progress[] = "{$j->status}:{$j->rowsDone}";
        }, intervalSeconds: 0.01);
        assert_same(['running:0', 'running:1', 'completed:2'], $progress);
        assert_same("title,import_result\r\nSofa,created\r\n", $repurch->bulkJobs->report($done));
        $seen = $api->seen();
        assert_same('POST', $seen[0]['method']);
        assert_same('/v1/listings/bulk-jobs?filename=stock.csv', $seen[0]['uri']);
        assert_same("title\r\nSofa\r\n", $seen[0]['body']);
        assert_same('application/octet-stream', $seen[0]['headers']['content-type']);
        assert_true(($seen[0]['headers']['idempotency-key'] ?? '') !== '', 'the upload has a key');
    } finally {
        unlink($file);
        $api->close();
    }
};

$tests['the base URL may carry a path, and Version is composer.json\'s'] = function (): void {
    $api = FakeApi::start('ok');
    try {
        client($api->url . '/proxy/')->getListing(1);
        assert_same('/proxy/v1/listings/1', $api->seen()[0]['uri']);
        assert_same(json_decode(file_get_contents(__DIR__ . '/../composer.json'), true)['version'], Version::VERSION);
    } finally {
        $api->close();
    }
};

return $tests;
