<?php

declare(strict_types=1);

namespace Repurch;

/**
 * Walks a page/per_page list to the end: fetches page 1 (or the query's page), yields its items, and asks
 * for the next page while meta.page is below meta.total_pages.
 */
final class Paginator
{
    /**
     * @template T
     * @param callable(array<string, mixed>): object $fetch given the query with its page, returns a
     *        generated page model (->data: list<T>, ->meta->totalPages)
     * @param array<string, mixed> $query per_page sets the page size
     * @return \Generator<int, T>
     */
    public static function items(callable $fetch, array $query = []): \Generator
    {
        $page = (int) ($query['page'] ?? 1);
        for (;;) {
            $body = $fetch(['page' => $page] + $query);
            yield from $body->data;
            if ($body->data === [] || $page >= $body->meta->totalPages) {
                return;
            }
            $page++;
        }
    }
}
