<?php

require __DIR__ . '/../autoload.php';

use Repurch\Repurch;

// A sandbox key (re_pk_test_…) works on sandbox data, a live key (re_pk_live_…) on live data.
$repurch = new Repurch(apiKey: getenv('REPURCH_API_KEY'), baseUrl: getenv('REPURCH_BASE_URL') ?: null);

// Every clearance listing: the SDK fetches the next page as the loop reaches it.
foreach ($repurch->paginate('listListings', ['channel' => 'clearance', 'per_page' => 2]) as $listing) {
    echo "{$listing->id}\t{$listing->title}\t£{$listing->price}\n";
}
