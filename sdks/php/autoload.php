<?php

declare(strict_types=1);

// PSR-4 for Repurch\ => src/, so the SDK needs no composer: require __DIR__ . '/autoload.php'.
spl_autoload_register(static function (string $class): void {
    if (!str_starts_with($class, 'Repurch\\')) {
        return;
    }
    $file = __DIR__ . '/src/' . str_replace('\\', '/', substr($class, strlen('Repurch\\'))) . '.php';
    if (is_file($file)) {
        require $file;
    }
});
