<?php

declare(strict_types=1);

/**
 * Runs generator/generate.py on a small document into a scratch folder and returns that folder.
 *
 * @param array<string, mixed> $document
 */
function generate(array $document): string
{
    $dir = sys_get_temp_dir() . '/repurch-php-gen-' . bin2hex(random_bytes(6));
    mkdir($dir);
    file_put_contents("$dir/openapi.json", json_encode($document));
    exec('python3 ' . escapeshellarg(__DIR__ . '/../generator/generate.py') . ' ' . escapeshellarg("$dir/openapi.json") . ' ' . escapeshellarg("$dir/out") . ' 2>&1', $output, $exit);
    assert_same(0, $exit, 'generate.py: ' . implode("\n", $output));
    register_shutdown_function(static fn () => exec('rm -rf ' . escapeshellarg($dir)));
    return "$dir/out";
}

$document = [
    'openapi' => '3.1.1',
    'paths' => [
        '/v1/widgets/{widget_id}' => ['patch' => [
            'operationId' => 'UpdateWidget',
            'summary' => 'Update a widget',
            'parameters' => [
                ['name' => 'widget_id', 'in' => 'path', 'required' => true, 'schema' => ['type' => 'integer']],
                ['name' => 'mode', 'in' => 'query', 'schema' => ['enum' => ['fast', 'safe'], 'type' => 'string']],
            ],
            'requestBody' => ['required' => true, 'content' => ['application/json' => ['schema' => ['$ref' => '#/components/schemas/WidgetWrite']]]],
            'responses' => ['200' => ['content' => ['application/json' => ['schema' => ['$ref' => '#/components/schemas/WidgetWrite']]]]],
        ]],
    ],
    'components' => ['schemas' => [
        'WidgetWrite' => [
            'type' => 'object',
            'required' => ['state', 'sizes_cm'],
            'properties' => [
                'state' => ['type' => 'string', 'enum' => ['on', 'off-line']],
                'sizes_cm' => ['type' => 'array', 'items' => ['type' => 'number']],
                'note' => ['type' => ['null', 'string'], 'description' => 'Shown to buyers.'],
            ],
        ],
    ]],
];

return [
    'a schema becomes a readonly class with enum constants, JSON names and float lists' => function () use ($document): void {
        $out = generate($document);
        foreach (glob("$out/*.php") as $file) {
            exec(escapeshellarg(PHP_BINARY) . ' -l ' . escapeshellarg($file) . ' 2>&1', $lint, $exit);
            assert_same(0, $exit, implode("\n", $lint));
        }
        $source = file_get_contents("$out/WidgetWrite.php");
        // Renamed so the scratch class does not clash with anything loaded by the runner.
        file_put_contents("$out/Renamed.php", str_replace('namespace Repurch\Generated;', 'namespace Repurch\GeneratorTest;', $source));
        require "$out/Renamed.php";
        $class = 'Repurch\GeneratorTest\WidgetWrite';
        assert_same('off-line', constant("$class::STATE_OFF_LINE"));
        assert_true((new ReflectionClass($class))->isReadOnly() && (new ReflectionClass($class))->isFinal(), 'final readonly');
        $widget = $class::fromArray(['state' => 'on', 'sizes_cm' => [1, 2.5]]);
        assert_same([1.0, 2.5], $widget->sizesCm);
        assert_same(['state' => 'on', 'sizes_cm' => [1.0, 2.5]], $widget->toArray());
        assert_true(str_contains($source, "@var 'on'|'off-line'"), 'the enum is typed in PHPDoc');
        assert_true(str_contains($source, 'Shown to buyers.'), 'descriptions become PHPDoc');
    },
    'an operation becomes a typed method: path params, body, query shape, idempotency key, 2xx model' => function () use ($document): void {
        $operations = file_get_contents(generate($document) . '/Operations.php');
        assert_true(str_contains($operations, 'public function updateWidget(int $widgetId, WidgetWrite|array $body, array $query = [], ?string $idempotencyKey = null): WidgetWrite'), $operations);
        assert_true(str_contains($operations, "@param array{mode?: 'fast'|'safe'} \$query"), 'the query shape');
        assert_true(str_contains($operations, "\$this->request('PATCH', '/v1/widgets/{widget_id}', ['path' => ['widget_id' => \$widgetId]"), 'the request');
    },
    'two generations give the same bytes' => function () use ($document): void {
        $first = generate($document);
        $second = generate($document);
        foreach (glob("$first/*.php") as $file) {
            assert_same(file_get_contents($file), file_get_contents($second . '/' . basename($file)), basename($file));
        }
    },
];
