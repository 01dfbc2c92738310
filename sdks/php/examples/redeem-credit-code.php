<?php

require __DIR__ . '/../autoload.php';

use Repurch\Generated\CodeCheck;
use Repurch\Repurch;
use Repurch\RepurchException;

$repurch = new Repurch(apiKey: getenv('REPURCH_API_KEY'), baseUrl: getenv('REPURCH_BASE_URL') ?: null);
[, $code, $orderReference] = $argv;

// At checkout: one call. A retry after a timeout reuses the SDK's Idempotency-Key, so it never redeems twice.
try {
    $redemption = $repurch->redeemCode(new CodeCheck(code: $code, orderReference: $orderReference));
    echo "redeemed £{$redemption->amountGbp} ({$redemption->id}) on {$redemption->orderReference}\n";
} catch (RepurchException $e) {
    // code_invalid, code_other_brand, code_already_redeemed, code_expired…: tell the shopper, keep the request id for support.
    echo "refused: {$e->errorCode} ({$e->status}, request {$e->requestId})\n";
}
