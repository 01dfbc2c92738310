<?php

declare(strict_types=1);

// The router of FakeApi's `php -S`: one request, numbered from 1, answered by the scenario's handler.
$dir = getenv('FAKE_DIR');
$lock = fopen("$dir/lock", 'c');
flock($lock, LOCK_EX);
$n = (int) @file_get_contents("$dir/n") + 1;
file_put_contents("$dir/n", (string) $n);
$request = [
    'method' => $_SERVER['REQUEST_METHOD'],
    'uri' => $_SERVER['REQUEST_URI'],
    'headers' => array_change_key_case(getallheaders(), CASE_LOWER),
    'body' => (string) file_get_contents('php://input'),
];
file_put_contents("$dir/seen", json_encode($request, JSON_UNESCAPED_SLASHES) . "\n", FILE_APPEND);
$scenarios = require __DIR__ . '/fake-scenarios.php';
[$status, $headers, $body] = $scenarios[getenv('FAKE_SCENARIO')]($request, $n, $dir);
flock($lock, LOCK_UN);
http_response_code($status);
foreach ($headers as $name => $value) {
    header("$name: $value");
}
echo $body;
