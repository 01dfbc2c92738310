<?php

require __DIR__ . '/../autoload.php';

use Repurch\Generated\BulkJobView;
use Repurch\Repurch;

$repurch = new Repurch(apiKey: getenv('REPURCH_API_KEY'), baseUrl: getenv('REPURCH_BASE_URL') ?: null);
[, $file, $reportPath] = $argv;

// Upload a CSV or XLSX of any size: the API answers at once and imports it in the background.
$started = $repurch->bulkJobs->start($file);
$job = $repurch->bulkJobs->wait($started->id, onProgress: function (BulkJobView $j): void {
    echo "{$j->status} {$j->rowsDone}/" . ($j->totalRows ?? '?') . " rows\n";
});
if ($job->status === 'failed') {
    throw new RuntimeException("import failed: {$job->error?->message}");
}
echo "created {$job->createdCount}, updated {$job->updatedCount}, errors {$job->errorCount}\n";

// The report is the file back with import_result, import_errors and listing_id on every row.
file_put_contents($reportPath, $repurch->bulkJobs->report($job, 'csv'));
