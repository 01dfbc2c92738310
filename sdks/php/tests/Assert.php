<?php

declare(strict_types=1);

/** The few assertions the unit tests need (no PHPUnit here): each throws AssertionFailed with what differed. */
final class AssertionFailed extends RuntimeException
{
}

function assert_same(mixed $expected, mixed $actual, string $what = ''): void
{
    if ($expected !== $actual) {
        throw new AssertionFailed(($what === '' ? '' : "$what: ") . 'expected ' . var_export($expected, true) . ', got ' . var_export($actual, true));
    }
}

function assert_true(bool $condition, string $what): void
{
    if (!$condition) {
        throw new AssertionFailed($what);
    }
}

/**
 * Runs $action, which must throw a $class; returns it for further checks.
 *
 * @template T of Throwable
 * @param class-string<T> $class
 * @return T
 */
function assert_throws(string $class, callable $action, string $what = ''): Throwable
{
    try {
        $action();
    } catch (Throwable $e) {
        if ($e instanceof $class) {
            return $e;
        }
        throw new AssertionFailed(($what === '' ? '' : "$what: ") . "expected $class, got " . get_class($e) . ': ' . $e->getMessage());
    }
    throw new AssertionFailed(($what === '' ? '' : "$what: ") . "expected $class, nothing was thrown");
}
