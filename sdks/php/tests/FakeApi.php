<?php

declare(strict_types=1);

/**
 * A scripted API on loopback: `php -S` with fake-router.php, answering each request with the named
 * scenario from fake-scenarios.php and recording it (method, uri, headers, body) for the test to read.
 */
final class FakeApi
{
    public readonly string $url;

    /** @param resource $process */
    private function __construct(private $process, private readonly string $dir, int $port)
    {
        $this->url = "http://127.0.0.1:$port";
    }

    public static function start(string $scenario): self
    {
        $dir = sys_get_temp_dir() . '/repurch-php-fake-' . bin2hex(random_bytes(6));
        mkdir($dir);
        $port = self::freePort();
        $env = ['FAKE_DIR' => $dir, 'FAKE_SCENARIO' => $scenario, 'PATH' => getenv('PATH') ?: '/usr/bin:/bin'];
        $process = proc_open([PHP_BINARY, '-S', "127.0.0.1:$port", __DIR__ . '/fake-router.php'], [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, null, $env);
        $deadline = microtime(true) + 10;
        while (!($probe = @stream_socket_client("tcp://127.0.0.1:$port", $errno, $error, 0.2))) {
            if (microtime(true) > $deadline) {
                throw new RuntimeException("php -S did not start on $port");
            }
            usleep(20_000);
        }
        fclose($probe);
        return new self($process, $dir, $port);
    }

    /** @return list<array{method: string, uri: string, headers: array<string, string>, body: string}> */
    public function seen(): array
    {
        $file = $this->dir . '/seen';
        if (!is_file($file)) {
            return [];
        }
        return array_map(static fn (string $line): array => json_decode($line, true), file($file, FILE_IGNORE_NEW_LINES));
    }

    public function close(): void
    {
        proc_terminate($this->process);
        proc_close($this->process);
        array_map('unlink', glob($this->dir . '/*') ?: []);
        rmdir($this->dir);
    }

    /** A port nothing listens on (bound, then released). */
    public static function freePort(): int
    {
        $socket = stream_socket_server('tcp://127.0.0.1:0');
        $port = (int) substr(strrchr(stream_socket_get_name($socket, false), ':'), 1);
        fclose($socket);
        return $port;
    }
}
