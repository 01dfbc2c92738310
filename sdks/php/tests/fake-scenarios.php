<?php

declare(strict_types=1);

// The scripted answers FakeApi serves: name => fn (request, n, dir) => [status, headers, body].

function fake_json(int $status, mixed $body, array $headers = []): array
{
    return [$status, ['Content-Type' => 'application/json', 'Request-Id' => "req-$status"] + $headers, json_encode($body)];
}

function fake_error(int $status, string $code, array $headers = []): array
{
    return fake_json($status, ['code' => $code, 'message' => "$code happened", 'data' => ['status' => $status, 'errors' => [$code]]], $headers);
}

function fake_listing(int $id = 1): array
{
    return ['id' => $id, 'title' => 'Sofa', 'price' => 10, 'currency' => 'GBP', 'status' => 'active', 'image_url' => null, 'brand_id' => 'b',
        'url' => "/l/$id", 'created_at' => '2026-12-04T00:00:00Z', 'view_count' => 0, 'category' => 'Sofas', 'channel' => 'clearance', 'payout' => 9];
}

/** A listing as GET /v1/listings/{id} answers it: the summary and the detail's required fields. */
function fake_listing_detail(int $id = 1): array
{
    return fake_listing($id) + ['updated_at' => '2026-12-04T00:00:00Z', 'description' => null, 'regular_price' => 10, 'sale_price' => null,
        'rrp' => null, 'brand' => null, 'colour' => null, 'fabric' => null, 'age_years' => null, 'condition' => 'good', 'item_type' => null,
        'available_from' => null, 'exposed_to' => [], 'faults' => [], 'sku' => null, 'warehouse_location' => null, 'delivery_contribution_gbp' => 0,
        'quantity_identical' => 1, 'measurements' => [], 'images' => [], 'owner' => 'brand', 'seller' => ['id' => null, 'display_name' => 'Brand'], 'warehouse' => null];
}

function fake_redemption(): array
{
    return ['id' => 'r', 'valid' => true, 'code_id' => 'c', 'amount_gbp' => 12.5, 'currency' => 'GBP', 'order_reference' => '1',
        'redeemed_at' => '2026-12-04T00:00:00Z', 'reversed_at' => null];
}

function fake_job(string $status, int $done): array
{
    return ['id' => '9f1c2d3e-0000-4000-8000-000000000001', 'status' => $status, 'mode' => 'commit', 'format' => 'csv', 'filename' => 'stock.csv',
        'file_size' => 13, 'total_rows' => 2, 'rows_done' => $done, 'progress' => $done / 2.0, 'success_count' => $done, 'created_count' => $done,
        'updated_count' => 0, 'error_count' => 0, 'error' => null,
        'reports' => $status === 'completed' ? ['csv' => '/v1/listings/bulk-jobs/x/report.csv', 'xlsx' => '/r.xlsx'] : null,
        'created_at' => '2026-12-04T00:00:00Z', 'started_at' => null, 'finished_at' => null];
}

$statusScenarios = [];
foreach ([[400, 'validation_failed'], [404, 'listing_not_found'], [409, 'code_already_redeemed'], [422, 'code_invalid'], [403, 'forbidden']] as [$status, $code]) {
    $statusScenarios["error-$status"] = static fn (array $r, int $n): array => fake_error($status, $code);
}

return $statusScenarios + [
    'two-5xx-then-created' => static fn (array $r, int $n): array => $n < 3 ? fake_error($n === 1 ? 503 : 500, 'internal_error') : fake_json(200, fake_redemption()),
    'ok' => static fn (array $r, int $n): array => str_contains($r['uri'], '/v1/codes')
        ? fake_json(200, fake_redemption()) : fake_json(200, fake_listing_detail()),
    '429-then-409-in-use-then-ok' => static fn (array $r, int $n): array => match ($n) {
        1 => fake_error(429, 'rate_limited', ['Retry-After' => '2']),
        2 => fake_error(409, 'idempotency_key_in_use'),
        default => fake_json(200, fake_redemption()),
    },
    '429-date-then-429-long-then-ok' => static fn (array $r, int $n): array => match ($n) {
        1 => fake_error(429, 'rate_limited', ['Retry-After' => gmdate('D, d M Y H:i:s', time() + 3) . ' GMT']),
        2 => fake_error(429, 'rate_limited', ['Retry-After' => '3600']),
        default => fake_json(200, fake_redemption()),
    },
    'always-502' => static fn (array $r, int $n): array => fake_error(502, 'bad_gateway'),
    'proxy-page' => static fn (array $r, int $n): array => [502, ['Content-Type' => 'text/html'], '<html>Bad Gateway</html>'],
    'refresh' => static function (array $r, int $n, string $dir): array {
        if ($r['uri'] === '/v1/auth/refresh') {
            file_put_contents("$dir/refreshed-with", json_decode($r['body'], true)['refresh_token']);
            return fake_json(200, ['access_token' => 'at_2', 'token_type' => 'Bearer', 'expires_in' => 900, 'refresh_token' => 'rt_2']);
        }
        return ($r['headers']['authorization'] ?? '') === 'Bearer at_2' ? fake_json(200, fake_listing_detail()) : fake_error(401, 'invalid_token');
    },
    'always-401' => static fn (array $r, int $n): array => fake_error(401, 'invalid_token'),
    'pages' => static function (array $r, int $n): array {
        parse_str((string) parse_url($r['uri'], PHP_URL_QUERY), $q);
        $page = (int) $q['page'];
        $data = $page <= 3 ? [fake_listing($page * 10 + 1), fake_listing($page * 10 + 2)] : [];
        return fake_json(200, ['data' => $data, 'meta' => ['page' => $page, 'per_page' => 2, 'total' => 6, 'total_pages' => 3, 'brand_id' => 'b']]);
    },
    'bulk' => static function (array $r, int $n): array {
        if ($r['method'] === 'POST') {
            return fake_json(202, fake_job('queued', 0));
        }
        if (str_contains($r['uri'], 'report.csv')) {
            return [200, ['Content-Type' => 'text/csv'], "title,import_result\r\nSofa,created\r\n"];
        }
        return fake_json(200, $n < 4 ? fake_job('running', $n - 2) : fake_job('completed', 2));
    },
];
