<?php

declare(strict_types=1);

use Repurch\Generated\BulkJobView;
use Repurch\Generated\ListingPage;
use Repurch\Generated\ListingWrite;
use Repurch\Generated\Operations;
use Repurch\Repurch;

// The fake API's fixtures (fake_listing, fake_job), as the API answers them.
require_once __DIR__ . '/fake-scenarios.php';

return [
    'a page decodes into typed models, nested lists included' => function (): void {
        $page = ListingPage::fromArray(['data' => [fake_listing(7)], 'meta' => ['page' => 1, 'per_page' => 20, 'total' => 1, 'total_pages' => 1, 'brand_id' => 'b']]);
        assert_same(7, $page->data[0]->id);
        assert_same(10.0, $page->data[0]->price, 'a JSON integer in a number property is a float');
        assert_same(null, $page->data[0]->imageUrl);
        assert_same(1, $page->meta->totalPages);
    },
    'toArray writes the JSON names, leaves unset optional properties out and keeps required nulls' => function (): void {
        $write = new ListingWrite(title: 'Sofa', priceGbp: 10.5, condition: 'good', category: 'Sofas', attachmentIds: [1, 2]);
        assert_same(['title' => 'Sofa', 'price_gbp' => 10.5, 'condition' => 'good', 'category' => 'Sofas', 'attachment_ids' => [1, 2]], $write->toArray());
        $job = fake_job('queued', 0);
        assert_same($job, BulkJobView::fromArray($job)->toArray(), 'a round trip gives the same object');
    },
    'every operation is a method, named from its operationId' => function (): void {
        $document = json_decode(file_get_contents(__DIR__ . '/../../../openapi/v1.json'), true);
        $count = 0;
        foreach ($document['paths'] as $path => $item) {
            foreach (['get', 'put', 'post', 'patch', 'delete'] as $method) {
                if (isset($item[$method])) {
                    $name = lcfirst($item[$method]['operationId']);
                    assert_true(method_exists(Repurch::class, $name), "$name for " . strtoupper($method) . " $path");
                    $count++;
                }
            }
        }
        assert_same($count, count((new ReflectionClass(Operations::class))->getMethods()) - 1, 'operations (and request())');
    },
];
