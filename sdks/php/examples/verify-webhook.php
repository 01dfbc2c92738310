<?php

require __DIR__ . '/../autoload.php';

use Repurch\Webhook;
use Repurch\WebhookVerificationException;

// The endpoint's secret; during a rotation, the previous one too until it expires.
$secrets = array_values(array_filter([getenv('REPURCH_WEBHOOK_SECRET'), getenv('REPURCH_WEBHOOK_PREVIOUS_SECRET')]));
$port = (int) (getenv('PORT') ?: 3000);

// A small HTTP/1.1 receiver on plain sockets (php -S would print its own lines).
$server = stream_socket_server("tcp://127.0.0.1:$port", $errno, $error) or exit("cannot listen: $error\n");
echo "listening on $port\n";
while ($conn = stream_socket_accept($server, -1)) {
    [$headers, $body] = read_request($conn);
    try {
        // Verify the raw bytes before parsing them.
        $event = Webhook::verify($body, $headers, $secrets);
        echo "verified {$event['type']} {$event['id']}\n";
        fwrite($conn, "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
    } catch (WebhookVerificationException $e) {
        echo "rejected: {$e->getMessage()}\n";
        fwrite($conn, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    }
    fclose($conn);
}

/** @return array{0: array<string, string>, 1: string} the request's headers (lower-case names) and body */
function read_request($conn): array
{
    $headers = [];
    fgets($conn); // the request line
    while (($line = fgets($conn)) !== false && rtrim($line) !== '') {
        [$name, $value] = explode(':', $line, 2) + [1 => ''];
        $headers[strtolower(trim($name))] = trim($value);
    }
    if (strtolower($headers['expect'] ?? '') === '100-continue') {
        fwrite($conn, "HTTP/1.1 100 Continue\r\n\r\n");
    }
    $body = '';
    if (strtolower($headers['transfer-encoding'] ?? '') === 'chunked') {
        while (($size = hexdec(trim((string) fgets($conn)))) > 0) {
            $body .= stream_get_contents($conn, $size);
            fgets($conn);
        }
        fgets($conn);
    } elseif (($length = (int) ($headers['content-length'] ?? 0)) > 0) {
        $body = stream_get_contents($conn, $length);
    }
    return [$headers, $body];
}
