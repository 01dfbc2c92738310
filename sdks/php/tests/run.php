<?php

declare(strict_types=1);

// Runs every tests/*Test.php (each returns name => test closure) and php -l on every file of the SDK.
// Prints TAP-like lines and "# pass N" / "# fail N"; exits 1 when anything failed.
require __DIR__ . '/../autoload.php';
require __DIR__ . '/Assert.php';
require __DIR__ . '/FakeApi.php';

$all = [];
foreach (glob(__DIR__ . '/*Test.php') as $file) {
    foreach (require_test($file) as $name => $test) {
        $all[basename($file, '.php') . ': ' . $name] = $test;
    }
}
$all['every PHP file passes php -l'] = static function (): void {
    $root = dirname(__DIR__);
    $files = new RegexIterator(new RecursiveIteratorIterator(new RecursiveDirectoryIterator($root, FilesystemIterator::SKIP_DOTS)), '/\.php$/');
    $count = 0;
    foreach ($files as $file) {
        exec(escapeshellarg(PHP_BINARY) . ' -l ' . escapeshellarg((string) $file) . ' 2>&1', $output, $exit);
        assert_same(0, $exit, "php -l $file: " . implode("\n", $output));
        $count++;
    }
    assert_true($count > 140, "php -l saw only $count files");
};

/** Loads one test file in its own scope. @return array<string, Closure> */
function require_test(string $file): array
{
    return require $file;
}

$filter = $argv[1] ?? '';
$pass = $fail = 0;
foreach ($all as $name => $test) {
    if ($filter !== '' && !str_contains($name, $filter)) {
        continue;
    }
    try {
        $test();
        $pass++;
        echo "ok - $name\n";
    } catch (Throwable $e) {
        $fail++;
        echo "not ok - $name\n  " . get_class($e) . ': ' . $e->getMessage() . "\n  at " . $e->getFile() . ':' . $e->getLine() . "\n";
    }
}
echo "# pass $pass\n# fail $fail\n";
exit($fail === 0 ? 0 : 1);
