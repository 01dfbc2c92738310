<?php

declare(strict_types=1);

// Generated from openapi/v1.json by sdks/php/generator/generate.py: do not edit (./run sdks regenerates it).

namespace Repurch\Generated;

use Repurch\Response;

/**
 * One typed method per operation of the Repurch API. Each sends through request() (auth, idempotency,
 * retries) and returns the 2xx body as its model, or throws Repurch\RepurchException.
 */
trait Operations
{
    /**
     * @param array{path?: array<string, string|int>, query?: array<string, mixed>, body?: mixed, headers?: array<string, string>, idempotencyKey?: ?string} $options
     */
    abstract public function request(string $method, string $path, array $options = []): Response;

    /**
     * Run a read-only GraphQL query: POST /graphql.
     * @param GraphQLQueryRequest|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     * @return string the raw body
     */
    public function graphQL(GraphQLQueryRequest|array $body, ?string $idempotencyKey = null): string
    {
        $response = $this->request('POST', '/graphql', ['body' => $body instanceof GraphQLQueryRequest ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return $response->body;
    }

    /**
     * Liveness: GET /healthz.
     */
    public function health(): HealthStatus
    {
        $response = $this->request('GET', '/healthz', []);
        return HealthStatus::fromArray($response->json());
    }

    /**
     * Readiness: GET /readyz.
     */
    public function ready(): ReadyStatus
    {
        $response = $this->request('GET', '/readyz', []);
        return ReadyStatus::fromArray($response->json());
    }

    /**
     * Sign a consumer up: POST /v1/accounts.
     * @param SignUpRequest|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function createAccount(SignUpRequest|array $body, ?string $idempotencyKey = null): AccountView
    {
        $response = $this->request('POST', '/v1/accounts', ['body' => $body instanceof SignUpRequest ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return AccountView::fromArray($response->json());
    }

    /**
     * Sign a consumer in: POST /v1/accounts/sessions.
     * @param SignInRequest|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function createAccountSession(SignInRequest|array $body, ?string $repurchForwardedFor = null, ?string $idempotencyKey = null): AccountSession
    {
        $response = $this->request('POST', '/v1/accounts/sessions', ['body' => $body instanceof SignInRequest ? $body->toArray() : $body, 'headers' => $repurchForwardedFor === null ? [] : ['Repurch-Forwarded-For' => $repurchForwardedFor], 'idempotencyKey' => $idempotencyKey]);
        return AccountSession::fromArray($response->json());
    }

    /**
     * Sign the consumer out: DELETE /v1/accounts/sessions/current.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function deleteAccountSession(?string $idempotencyKey = null): void
    {
        $this->request('DELETE', '/v1/accounts/sessions/current', ['idempotencyKey' => $idempotencyKey]);
    }

    /**
     * Rotate a consumer's refresh token: POST /v1/accounts/sessions/refresh.
     * @param SessionRefreshRequest|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function refreshAccountSession(SessionRefreshRequest|array $body, ?string $idempotencyKey = null): AccountSession
    {
        $response = $this->request('POST', '/v1/accounts/sessions/refresh', ['body' => $body instanceof SessionRefreshRequest ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return AccountSession::fromArray($response->json());
    }

    /**
     * Rotate a refresh token: POST /v1/auth/refresh.
     * @param RefreshRequest|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function refreshAccessToken(RefreshRequest|array $body, ?string $idempotencyKey = null): TokenPair
    {
        $response = $this->request('POST', '/v1/auth/refresh', ['body' => $body instanceof RefreshRequest ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return TokenPair::fromArray($response->json());
    }

    /**
     * Exchange an API key for an access token: POST /v1/auth/token.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function createAccessToken(?string $idempotencyKey = null): TokenPair
    {
        $response = $this->request('POST', '/v1/auth/token', ['idempotencyKey' => $idempotencyKey]);
        return TokenPair::fromArray($response->json());
    }

    /**
     * Redeem a credit code: POST /v1/codes/redeem.
     * @param CodeCheck|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function redeemCode(CodeCheck|array $body, ?string $idempotencyKey = null): Redemption
    {
        $response = $this->request('POST', '/v1/codes/redeem', ['body' => $body instanceof CodeCheck ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return Redemption::fromArray($response->json());
    }

    /**
     * Reverse a redemption: POST /v1/codes/redemptions/{id}/reverse.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function reverseRedemption(string $id, ?string $idempotencyKey = null): Redemption
    {
        $response = $this->request('POST', '/v1/codes/redemptions/{id}/reverse', ['path' => ['id' => $id], 'idempotencyKey' => $idempotencyKey]);
        return Redemption::fromArray($response->json());
    }

    /**
     * Check a credit code without redeeming it: POST /v1/codes/validate.
     * @param CodeCheck|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function validateCode(CodeCheck|array $body, ?string $idempotencyKey = null): CodeValidity
    {
        $response = $this->request('POST', '/v1/codes/validate', ['body' => $body instanceof CodeCheck ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return CodeValidity::fromArray($response->json());
    }

    /**
     * List conversations about the brand's stock: GET /v1/conversations.
     * @param array{page?: int, per_page?: int} $query
     */
    public function listBrandConversations(array $query = []): ConversationPage
    {
        $response = $this->request('GET', '/v1/conversations', ['query' => $query]);
        return ConversationPage::fromArray($response->json());
    }

    /**
     * List a conversation's messages: GET /v1/conversations/{id}/messages.
     * @param array{page?: int, per_page?: int} $query
     */
    public function listBrandConversationMessages(string $id, array $query = []): MessagePage
    {
        $response = $this->request('GET', '/v1/conversations/{id}/messages', ['path' => ['id' => $id], 'query' => $query]);
        return MessagePage::fromArray($response->json());
    }

    /**
     * Answer in a conversation: POST /v1/conversations/{id}/messages.
     * @param MessageWrite|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function sendBrandMessage(string $id, MessageWrite|array $body, ?string $idempotencyKey = null): MessageView
    {
        $response = $this->request('POST', '/v1/conversations/{id}/messages', ['path' => ['id' => $id], 'body' => $body instanceof MessageWrite ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return MessageView::fromArray($response->json());
    }

    /**
     * Edit one of the brand's messages: POST /v1/conversations/{id}/messages/{message_id}/edits.
     * @param MessageWrite|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function editBrandMessage(string $id, string $messageId, MessageWrite|array $body, ?string $idempotencyKey = null): MessageView
    {
        $response = $this->request('POST', '/v1/conversations/{id}/messages/{message_id}/edits', ['path' => ['id' => $id, 'message_id' => $messageId], 'body' => $body instanceof MessageWrite ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return MessageView::fromArray($response->json());
    }

    /**
     * Mark a conversation read: POST /v1/conversations/{id}/read.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function markBrandConversationRead(string $id, ?string $idempotencyKey = null): ConversationReadView
    {
        $response = $this->request('POST', '/v1/conversations/{id}/read', ['path' => ['id' => $id], 'idempotencyKey' => $idempotencyKey]);
        return ConversationReadView::fromArray($response->json());
    }

    /**
     * List the brand's credit codes: GET /v1/credits.
     * @param array{page?: int, per_page?: int} $query
     */
    public function listCredits(array $query = []): CreditsPage
    {
        $response = $this->request('GET', '/v1/credits', ['query' => $query]);
        return CreditsPage::fromArray($response->json());
    }

    /**
     * List disputes: GET /v1/disputes.
     * @param array{page?: int, per_page?: int, status?: 'awaiting_seller'|'awaiting_buyer'|'under_review'|'resolved', overdue?: 'true'|'false', brand_id?: string, order_id?: string} $query
     */
    public function listDisputes(array $query = []): DisputePage
    {
        $response = $this->request('GET', '/v1/disputes', ['query' => $query]);
        return DisputePage::fromArray($response->json());
    }

    /**
     * Retrieve a dispute: GET /v1/disputes/{id}.
     */
    public function getDispute(string $id): DisputeView
    {
        $response = $this->request('GET', '/v1/disputes/{id}', ['path' => ['id' => $id]]);
        return DisputeView::fromArray($response->json());
    }

    /**
     * List a dispute's evidence: GET /v1/disputes/{id}/messages.
     * @param array{page?: int, per_page?: int} $query
     */
    public function listDisputeMessages(string $id, array $query = []): DisputeMessagePage
    {
        $response = $this->request('GET', '/v1/disputes/{id}/messages', ['path' => ['id' => $id], 'query' => $query]);
        return DisputeMessagePage::fromArray($response->json());
    }

    /**
     * Add evidence to a dispute: POST /v1/disputes/{id}/messages.
     * @param DisputeMessageCreate|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function addDisputeMessage(string $id, DisputeMessageCreate|array $body, ?string $idempotencyKey = null): DisputeMessageView
    {
        $response = $this->request('POST', '/v1/disputes/{id}/messages', ['path' => ['id' => $id], 'body' => $body instanceof DisputeMessageCreate ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return DisputeMessageView::fromArray($response->json());
    }

    /**
     * Resolve a dispute (operator): POST /v1/disputes/{id}/resolve.
     * @param DisputeResolve|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function resolveDispute(string $id, DisputeResolve|array $body, ?string $idempotencyKey = null): DisputeView
    {
        $response = $this->request('POST', '/v1/disputes/{id}/resolve', ['path' => ['id' => $id], 'body' => $body instanceof DisputeResolve ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return DisputeView::fromArray($response->json());
    }

    /**
     * List events: GET /v1/events.
     * @param array{type?: 'listing.created'|'listing.updated'|'listing.deleted'|'listing.sold'|'settings.brand.updated'|'settings.billing.updated'|'settings.taxonomy.updated'|'settings.cross_listing.updated'|'warehouse.created'|'warehouse.updated'|'warehouse.deleted'|'warehouse.default_changed'|'api_key.created'|'api_key.revoked'|'webhook_endpoint.created'|'webhook_endpoint.updated'|'webhook_endpoint.deleted'|'webhook_endpoint.secret_rotated'|'webhook_endpoint.disabled'|'credit.issued'|'credit.redeemed'|'credit.redemption_reversed'|'payout.settled'|'message.created'|'message.held'|'dispute.opened'|'dispute.resolved', created_after?: string, created_before?: string, page?: int, per_page?: int} $query
     */
    public function listEvents(array $query = []): EventPage
    {
        $response = $this->request('GET', '/v1/events', ['query' => $query]);
        return EventPage::fromArray($response->json());
    }

    /**
     * Re-deliver every event since a time: POST /v1/events/replay.
     * @param ReplaySinceRequest|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function replayEvents(ReplaySinceRequest|array $body, ?string $idempotencyKey = null): ReplayResult
    {
        $response = $this->request('POST', '/v1/events/replay', ['body' => $body instanceof ReplaySinceRequest ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return ReplayResult::fromArray($response->json());
    }

    /**
     * Retrieve an event: GET /v1/events/{id}.
     */
    public function getEvent(string $id): EventView
    {
        $response = $this->request('GET', '/v1/events/{id}', ['path' => ['id' => $id]]);
        return EventView::fromArray($response->json());
    }

    /**
     * Re-deliver an event: POST /v1/events/{id}/replay.
     * @param ReplayOneRequest|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function replayEvent(string $id, ReplayOneRequest|array $body, ?string $idempotencyKey = null): ReplayResult
    {
        $response = $this->request('POST', '/v1/events/{id}/replay', ['path' => ['id' => $id], 'body' => $body instanceof ReplayOneRequest ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return ReplayResult::fromArray($response->json());
    }

    /**
     * List listings: GET /v1/listings.
     * @param array{page?: int, per_page?: int, status?: 'active'|'draft'|'closed'|'any', channel?: 'clearance'|'exchange'} $query
     */
    public function listListings(array $query = []): ListingPage
    {
        $response = $this->request('GET', '/v1/listings', ['query' => $query]);
        return ListingPage::fromArray($response->json());
    }

    /**
     * Create a listing: POST /v1/listings.
     * @param ListingWrite|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function createListing(ListingWrite|array $body, ?string $idempotencyKey = null): ListingDetail
    {
        $response = $this->request('POST', '/v1/listings', ['body' => $body instanceof ListingWrite ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return ListingDetail::fromArray($response->json());
    }

    /**
     * Commit a bulk file: POST /v1/listings/bulk-commit.
     * @param BulkFileRequest|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function commitBulkFile(BulkFileRequest|array $body, ?string $idempotencyKey = null): CommitResponse
    {
        $response = $this->request('POST', '/v1/listings/bulk-commit', ['body' => $body instanceof BulkFileRequest ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return CommitResponse::fromArray($response->json());
    }

    /**
     * Bulk delete listings: POST /v1/listings/bulk-delete.
     * @param BulkDeleteRequest|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function bulkDeleteListings(BulkDeleteRequest|array $body, ?string $idempotencyKey = null): BulkDeleteResponse
    {
        $response = $this->request('POST', '/v1/listings/bulk-delete', ['body' => $body instanceof BulkDeleteRequest ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return BulkDeleteResponse::fromArray($response->json());
    }

    /**
     * Start a background import: POST /v1/listings/bulk-jobs.
     * @param array{mode?: 'commit'|'validate', filename?: string} $query
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function createBulkJob(array $query = [], ?string $idempotencyKey = null): BulkJobView
    {
        $response = $this->request('POST', '/v1/listings/bulk-jobs', ['query' => $query, 'idempotencyKey' => $idempotencyKey]);
        return BulkJobView::fromArray($response->json());
    }

    /**
     * Get a background import: GET /v1/listings/bulk-jobs/{id}.
     */
    public function getBulkJob(string $id): BulkJobView
    {
        $response = $this->request('GET', '/v1/listings/bulk-jobs/{id}', ['path' => ['id' => $id]]);
        return BulkJobView::fromArray($response->json());
    }

    /**
     * Download a job's report as CSV: GET /v1/listings/bulk-jobs/{id}/report.csv.
     * @param array{rows?: 'all'|'errors'} $query
     * @return string the raw body
     */
    public function getBulkJobReportCsv(string $id, array $query = []): string
    {
        $response = $this->request('GET', '/v1/listings/bulk-jobs/{id}/report.csv', ['path' => ['id' => $id], 'query' => $query]);
        return $response->body;
    }

    /**
     * Download a job's report as XLSX: GET /v1/listings/bulk-jobs/{id}/report.xlsx.
     * @param array{rows?: 'all'|'errors'} $query
     * @return string the raw body
     */
    public function getBulkJobReportXlsx(string $id, array $query = []): string
    {
        $response = $this->request('GET', '/v1/listings/bulk-jobs/{id}/report.xlsx', ['path' => ['id' => $id], 'query' => $query]);
        return $response->body;
    }

    /**
     * Download the bulk import template: GET /v1/listings/bulk-template.
     * @return string the raw body
     */
    public function downloadBulkTemplate(): string
    {
        $response = $this->request('GET', '/v1/listings/bulk-template', []);
        return $response->body;
    }

    /**
     * Validate a bulk file: POST /v1/listings/bulk-validate.
     * @param BulkFileRequest|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function validateBulkFile(BulkFileRequest|array $body, ?string $idempotencyKey = null): ValidateResponse
    {
        $response = $this->request('POST', '/v1/listings/bulk-validate', ['body' => $body instanceof BulkFileRequest ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return ValidateResponse::fromArray($response->json());
    }

    /**
     * List taxonomy options: GET /v1/listings/options.
     */
    public function listTaxonomyOptions(): ListingOptions
    {
        $response = $this->request('GET', '/v1/listings/options', []);
        return ListingOptions::fromArray($response->json());
    }

    /**
     * Upload a photo: POST /v1/listings/upload-photo.
     * @param PhotoUpload|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function uploadPhoto(PhotoUpload|array $body, ?string $idempotencyKey = null): UploadedPhoto
    {
        $response = $this->request('POST', '/v1/listings/upload-photo', ['body' => $body instanceof PhotoUpload ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return UploadedPhoto::fromArray($response->json());
    }

    /**
     * Retrieve a listing: GET /v1/listings/{id}.
     */
    public function getListing(int $id): ListingDetail
    {
        $response = $this->request('GET', '/v1/listings/{id}', ['path' => ['id' => $id]]);
        return ListingDetail::fromArray($response->json());
    }

    /**
     * Update a listing: PATCH /v1/listings/{id}.
     * @param ListingWrite|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function updateListing(int $id, ListingWrite|array $body, ?string $idempotencyKey = null): ListingDetail
    {
        $response = $this->request('PATCH', '/v1/listings/{id}', ['path' => ['id' => $id], 'body' => $body instanceof ListingWrite ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return ListingDetail::fromArray($response->json());
    }

    /**
     * Delete a listing: DELETE /v1/listings/{id}.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function deleteListing(int $id, ?string $idempotencyKey = null): DeletedListing
    {
        $response = $this->request('DELETE', '/v1/listings/{id}', ['path' => ['id' => $id], 'idempotencyKey' => $idempotencyKey]);
        return DeletedListing::fromArray($response->json());
    }

    /**
     * Resolve a custom storefront host: GET /v1/marketplace/domains/{host}.
     */
    public function resolveStorefrontDomain(string $host): ResolvedDomain
    {
        $response = $this->request('GET', '/v1/marketplace/domains/{host}', ['path' => ['host' => $host]]);
        return ResolvedDomain::fromArray($response->json());
    }

    /**
     * List marketplace listings: GET /v1/marketplace/listings.
     * @param array{page?: int, per_page?: int, q?: string, brand_id?: string, category?: string, channel?: 'clearance'|'exchange', condition?: string, colour?: string, fabric?: string, item_type?: string, min_price?: string, max_price?: string, sort?: 'relevance'|'newest'|'price_asc'|'price_desc', facets?: bool} $query
     */
    public function listMarketplaceListings(array $query = []): MarketplaceListingPage
    {
        $response = $this->request('GET', '/v1/marketplace/listings', ['query' => $query]);
        return MarketplaceListingPage::fromArray($response->json());
    }

    /**
     * Retrieve a marketplace listing: GET /v1/marketplace/listings/{id}.
     */
    public function getMarketplaceListing(int $id): ListingDetail
    {
        $response = $this->request('GET', '/v1/marketplace/listings/{id}', ['path' => ['id' => $id]]);
        return ListingDetail::fromArray($response->json());
    }

    /**
     * Create an order: POST /v1/marketplace/orders.
     * @param OrderCreate|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function createOrder(OrderCreate|array $body, ?string $idempotencyKey = null): OrderView
    {
        $response = $this->request('POST', '/v1/marketplace/orders', ['body' => $body instanceof OrderCreate ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return OrderView::fromArray($response->json());
    }

    /**
     * Retrieve an order: GET /v1/marketplace/orders/{id}.
     */
    public function getOrder(string $id): OrderView
    {
        $response = $this->request('GET', '/v1/marketplace/orders/{id}', ['path' => ['id' => $id]]);
        return OrderView::fromArray($response->json());
    }

    /**
     * Cancel an unpaid order: POST /v1/marketplace/orders/{id}/cancel.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function cancelOrder(string $id, ?string $idempotencyKey = null): OrderView
    {
        $response = $this->request('POST', '/v1/marketplace/orders/{id}/cancel', ['path' => ['id' => $id], 'idempotencyKey' => $idempotencyKey]);
        return OrderView::fromArray($response->json());
    }

    /**
     * Capture the payment into escrow: POST /v1/marketplace/orders/{id}/capture.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function captureOrder(string $id, ?string $idempotencyKey = null): OrderView
    {
        $response = $this->request('POST', '/v1/marketplace/orders/{id}/capture', ['path' => ['id' => $id], 'idempotencyKey' => $idempotencyKey]);
        return OrderView::fromArray($response->json());
    }

    /**
     * Confirm receipt and release escrow: POST /v1/marketplace/orders/{id}/confirm-receipt.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function confirmOrderReceipt(string $id, ?string $idempotencyKey = null): OrderView
    {
        $response = $this->request('POST', '/v1/marketplace/orders/{id}/confirm-receipt', ['path' => ['id' => $id], 'idempotencyKey' => $idempotencyKey]);
        return OrderView::fromArray($response->json());
    }

    /**
     * Refund a paid order: POST /v1/marketplace/orders/{id}/refund.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function refundOrder(string $id, ?string $idempotencyKey = null): OrderView
    {
        $response = $this->request('POST', '/v1/marketplace/orders/{id}/refund', ['path' => ['id' => $id], 'idempotencyKey' => $idempotencyKey]);
        return OrderView::fromArray($response->json());
    }

    /**
     * A seller's own credit codes, in full: GET /v1/marketplace/sellers/{sellerId}/credits.
     */
    public function listSellerCredits(string $sellerId): SellerCredits
    {
        $response = $this->request('GET', '/v1/marketplace/sellers/{sellerId}/credits', ['path' => ['sellerId' => $sellerId]]);
        return SellerCredits::fromArray($response->json());
    }

    /**
     * The signed-in consumer's account: GET /v1/me.
     */
    public function getMe(): AccountView
    {
        $response = $this->request('GET', '/v1/me', []);
        return AccountView::fromArray($response->json());
    }

    /**
     * Update the signed-in consumer's account: PATCH /v1/me.
     * @param AccountUpdateRequest|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function updateMe(AccountUpdateRequest|array $body, ?string $idempotencyKey = null): AccountView
    {
        $response = $this->request('PATCH', '/v1/me', ['body' => $body instanceof AccountUpdateRequest ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return AccountView::fromArray($response->json());
    }

    /**
     * List my conversations: GET /v1/me/conversations.
     * @param array{page?: int, per_page?: int} $query
     */
    public function listConversations(array $query = []): ConversationPage
    {
        $response = $this->request('GET', '/v1/me/conversations', ['query' => $query]);
        return ConversationPage::fromArray($response->json());
    }

    /**
     * Open a conversation about a listing: POST /v1/me/conversations.
     * @param ConversationOpen|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function openConversation(ConversationOpen|array $body, ?string $idempotencyKey = null): ConversationOpened
    {
        $response = $this->request('POST', '/v1/me/conversations', ['body' => $body instanceof ConversationOpen ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return ConversationOpened::fromArray($response->json());
    }

    /**
     * List a conversation's messages: GET /v1/me/conversations/{id}/messages.
     * @param array{page?: int, per_page?: int} $query
     */
    public function listConversationMessages(string $id, array $query = []): MessagePage
    {
        $response = $this->request('GET', '/v1/me/conversations/{id}/messages', ['path' => ['id' => $id], 'query' => $query]);
        return MessagePage::fromArray($response->json());
    }

    /**
     * Send a message: POST /v1/me/conversations/{id}/messages.
     * @param MessageWrite|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function sendMessage(string $id, MessageWrite|array $body, ?string $idempotencyKey = null): MessageView
    {
        $response = $this->request('POST', '/v1/me/conversations/{id}/messages', ['path' => ['id' => $id], 'body' => $body instanceof MessageWrite ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return MessageView::fromArray($response->json());
    }

    /**
     * Edit one of my messages: POST /v1/me/conversations/{id}/messages/{message_id}/edits.
     * @param MessageWrite|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function editMessage(string $id, string $messageId, MessageWrite|array $body, ?string $idempotencyKey = null): MessageView
    {
        $response = $this->request('POST', '/v1/me/conversations/{id}/messages/{message_id}/edits', ['path' => ['id' => $id, 'message_id' => $messageId], 'body' => $body instanceof MessageWrite ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return MessageView::fromArray($response->json());
    }

    /**
     * Mark a conversation read: POST /v1/me/conversations/{id}/read.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function markConversationRead(string $id, ?string $idempotencyKey = null): ConversationReadView
    {
        $response = $this->request('POST', '/v1/me/conversations/{id}/read', ['path' => ['id' => $id], 'idempotencyKey' => $idempotencyKey]);
        return ConversationReadView::fromArray($response->json());
    }

    /**
     * The signed-in seller's credit codes, in full: GET /v1/me/credits.
     * @param array{page?: int, per_page?: int} $query
     */
    public function listMyCredits(array $query = []): MyCreditsPage
    {
        $response = $this->request('GET', '/v1/me/credits', ['query' => $query]);
        return MyCreditsPage::fromArray($response->json());
    }

    /**
     * List my disputes: GET /v1/me/disputes.
     * @param array{page?: int, per_page?: int} $query
     */
    public function listMyDisputes(array $query = []): DisputePage
    {
        $response = $this->request('GET', '/v1/me/disputes', ['query' => $query]);
        return DisputePage::fromArray($response->json());
    }

    /**
     * Retrieve my dispute: GET /v1/me/disputes/{id}.
     */
    public function getMyDispute(string $id): DisputeView
    {
        $response = $this->request('GET', '/v1/me/disputes/{id}', ['path' => ['id' => $id]]);
        return DisputeView::fromArray($response->json());
    }

    /**
     * List my trade-ins: GET /v1/me/listings.
     * @param array{page?: int, per_page?: int} $query
     */
    public function listMyListings(array $query = []): MyListingPage
    {
        $response = $this->request('GET', '/v1/me/listings', ['query' => $query]);
        return MyListingPage::fromArray($response->json());
    }

    /**
     * List a trade-in as the signed-in consumer: POST /v1/me/listings.
     * @param ListingWrite|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function createMyListing(ListingWrite|array $body, ?string $idempotencyKey = null): MyListingDetail
    {
        $response = $this->request('POST', '/v1/me/listings', ['body' => $body instanceof ListingWrite ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return MyListingDetail::fromArray($response->json());
    }

    /**
     * Estimate my payout for a trade-in: GET /v1/me/listings/payout-estimate.
     * @param array{price_gbp?: string, delivery_contribution_gbp?: int} $query
     */
    public function estimateMyPayout(array $query = []): PayoutEstimate
    {
        $response = $this->request('GET', '/v1/me/listings/payout-estimate', ['query' => $query]);
        return PayoutEstimate::fromArray($response->json());
    }

    /**
     * Retrieve my trade-in: GET /v1/me/listings/{id}.
     */
    public function getMyListing(int $id): MyListingDetail
    {
        $response = $this->request('GET', '/v1/me/listings/{id}', ['path' => ['id' => $id]]);
        return MyListingDetail::fromArray($response->json());
    }

    /**
     * List my orders: GET /v1/me/orders.
     * @param array{page?: int, per_page?: int} $query
     */
    public function listMyOrders(array $query = []): BuyerOrdersPage
    {
        $response = $this->request('GET', '/v1/me/orders', ['query' => $query]);
        return BuyerOrdersPage::fromArray($response->json());
    }

    /**
     * Place an order as the signed-in buyer: POST /v1/me/orders.
     * @param BuyerOrderCreate|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function createMyOrder(BuyerOrderCreate|array $body, ?string $idempotencyKey = null): OrderView
    {
        $response = $this->request('POST', '/v1/me/orders', ['body' => $body instanceof BuyerOrderCreate ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return OrderView::fromArray($response->json());
    }

    /**
     * Retrieve my order: GET /v1/me/orders/{id}.
     */
    public function getMyOrder(string $id): OrderView
    {
        $response = $this->request('GET', '/v1/me/orders/{id}', ['path' => ['id' => $id]]);
        return OrderView::fromArray($response->json());
    }

    /**
     * Capture my payment into escrow: POST /v1/me/orders/{id}/capture.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function captureMyOrder(string $id, ?string $idempotencyKey = null): OrderView
    {
        $response = $this->request('POST', '/v1/me/orders/{id}/capture', ['path' => ['id' => $id], 'idempotencyKey' => $idempotencyKey]);
        return OrderView::fromArray($response->json());
    }

    /**
     * Confirm receipt and release escrow: POST /v1/me/orders/{id}/confirm-receipt.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function confirmMyOrderReceipt(string $id, ?string $idempotencyKey = null): OrderView
    {
        $response = $this->request('POST', '/v1/me/orders/{id}/confirm-receipt', ['path' => ['id' => $id], 'idempotencyKey' => $idempotencyKey]);
        return OrderView::fromArray($response->json());
    }

    /**
     * Open a dispute on my order: POST /v1/me/orders/{id}/disputes.
     * @param DisputeOpen|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function openDispute(string $id, DisputeOpen|array $body, ?string $idempotencyKey = null): DisputeView
    {
        $response = $this->request('POST', '/v1/me/orders/{id}/disputes', ['path' => ['id' => $id], 'body' => $body instanceof DisputeOpen ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return DisputeView::fromArray($response->json());
    }

    /**
     * List trade-ins held for review: GET /v1/moderation/listings.
     * @param array{status?: 'pending_review'|'rejected', page?: int, per_page?: int} $query
     */
    public function listModerationListings(array $query = []): ModeratedListingPage
    {
        $response = $this->request('GET', '/v1/moderation/listings', ['query' => $query]);
        return ModeratedListingPage::fromArray($response->json());
    }

    /**
     * Approve a held trade-in: POST /v1/moderation/listings/{id}/approve.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function approveListing(string $id, ?string $idempotencyKey = null): ModeratedListingView
    {
        $response = $this->request('POST', '/v1/moderation/listings/{id}/approve', ['path' => ['id' => $id], 'idempotencyKey' => $idempotencyKey]);
        return ModeratedListingView::fromArray($response->json());
    }

    /**
     * Reject a held trade-in: POST /v1/moderation/listings/{id}/reject.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function rejectListing(string $id, ?string $idempotencyKey = null): ModeratedListingView
    {
        $response = $this->request('POST', '/v1/moderation/listings/{id}/reject', ['path' => ['id' => $id], 'idempotencyKey' => $idempotencyKey]);
        return ModeratedListingView::fromArray($response->json());
    }

    /**
     * List messages for moderation: GET /v1/moderation/messages.
     * @param array{status?: 'held'|'blocked'|'rejected', page?: int, per_page?: int} $query
     */
    public function listModerationMessages(array $query = []): ModeratedMessagePage
    {
        $response = $this->request('GET', '/v1/moderation/messages', ['query' => $query]);
        return ModeratedMessagePage::fromArray($response->json());
    }

    /**
     * Approve a held message: POST /v1/moderation/messages/{id}/approve.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function approveMessage(string $id, ?string $idempotencyKey = null): ModeratedMessageView
    {
        $response = $this->request('POST', '/v1/moderation/messages/{id}/approve', ['path' => ['id' => $id], 'idempotencyKey' => $idempotencyKey]);
        return ModeratedMessageView::fromArray($response->json());
    }

    /**
     * Reject a held message: POST /v1/moderation/messages/{id}/reject.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function rejectMessage(string $id, ?string $idempotencyKey = null): ModeratedMessageView
    {
        $response = $this->request('POST', '/v1/moderation/messages/{id}/reject', ['path' => ['id' => $id], 'idempotencyKey' => $idempotencyKey]);
        return ModeratedMessageView::fromArray($response->json());
    }

    /**
     * List a brand's feature flags (operator): GET /v1/operator/brands/{brand_id}/features.
     */
    public function listBrandFeatureFlags(string $brandId): FeatureFlagList
    {
        $response = $this->request('GET', '/v1/operator/brands/{brand_id}/features', ['path' => ['brand_id' => $brandId]]);
        return FeatureFlagList::fromArray($response->json());
    }

    /**
     * Turn a feature on or off for a brand (operator): PUT /v1/operator/brands/{brand_id}/features/{name}.
     * @param FeatureFlagWrite|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function setBrandFeatureFlag(string $brandId, string $name, FeatureFlagWrite|array $body, ?string $idempotencyKey = null): FeatureFlagView
    {
        $response = $this->request('PUT', '/v1/operator/brands/{brand_id}/features/{name}', ['path' => ['brand_id' => $brandId, 'name' => $name], 'body' => $body instanceof FeatureFlagWrite ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return FeatureFlagView::fromArray($response->json());
    }

    /**
     * List orders for your listings: GET /v1/orders.
     * @param array{page?: int, per_page?: int, status?: 'pending_payment'|'paid'|'completed'|'refunded'|'cancelled'|'disputed'|'partially_refunded'} $query
     */
    public function listOrders(array $query = []): BrandOrdersPage
    {
        $response = $this->request('GET', '/v1/orders', ['query' => $query]);
        return BrandOrdersPage::fromArray($response->json());
    }

    /**
     * Retrieve an order for your listing: GET /v1/orders/{id}.
     */
    public function getBrandOrder(string $id): OrderView
    {
        $response = $this->request('GET', '/v1/orders/{id}', ['path' => ['id' => $id]]);
        return OrderView::fromArray($response->json());
    }

    /**
     * List the audit log: GET /v1/partner/audit-log.
     * @param array{page?: int, per_page?: int} $query
     */
    public function listAuditLog(array $query = []): AuditPage
    {
        $response = $this->request('GET', '/v1/partner/audit-log', ['query' => $query]);
        return AuditPage::fromArray($response->json());
    }

    /**
     * List the brand's feature flags: GET /v1/partner/features.
     */
    public function listFeatureFlags(): FeatureFlagList
    {
        $response = $this->request('GET', '/v1/partner/features', []);
        return FeatureFlagList::fromArray($response->json());
    }

    /**
     * List API keys: GET /v1/partner/settings/api-keys.
     */
    public function listApiKeys(): ApiKeyList
    {
        $response = $this->request('GET', '/v1/partner/settings/api-keys', []);
        return ApiKeyList::fromArray($response->json());
    }

    /**
     * Create an API key: POST /v1/partner/settings/api-keys.
     * @param ApiKeyWrite|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function createApiKey(ApiKeyWrite|array $body, ?string $idempotencyKey = null): CreatedApiKey
    {
        $response = $this->request('POST', '/v1/partner/settings/api-keys', ['body' => $body instanceof ApiKeyWrite ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return CreatedApiKey::fromArray($response->json());
    }

    /**
     * Revoke an API key: DELETE /v1/partner/settings/api-keys/{id}.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function revokeApiKey(string $id, ?string $idempotencyKey = null): RevokedApiKey
    {
        $response = $this->request('DELETE', '/v1/partner/settings/api-keys/{id}', ['path' => ['id' => $id], 'idempotencyKey' => $idempotencyKey]);
        return RevokedApiKey::fromArray($response->json());
    }

    /**
     * Get the billing entity: GET /v1/partner/settings/billing.
     */
    public function getBillingEntity(): BillingEntityResponse
    {
        $response = $this->request('GET', '/v1/partner/settings/billing', []);
        return BillingEntityResponse::fromArray($response->json());
    }

    /**
     * Update the billing entity: PATCH /v1/partner/settings/billing.
     * @param BillingEntityPatch|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function updateBillingEntity(BillingEntityPatch|array $body, ?string $idempotencyKey = null): BillingEntityResponse
    {
        $response = $this->request('PATCH', '/v1/partner/settings/billing', ['body' => $body instanceof BillingEntityPatch ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return BillingEntityResponse::fromArray($response->json());
    }

    /**
     * Get the brand profile: GET /v1/partner/settings/brand.
     */
    public function getBrandProfile(): BrandProfileResponse
    {
        $response = $this->request('GET', '/v1/partner/settings/brand', []);
        return BrandProfileResponse::fromArray($response->json());
    }

    /**
     * Update the brand profile: PATCH /v1/partner/settings/brand.
     * @param BrandProfilePatch|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function updateBrandProfile(BrandProfilePatch|array $body, ?string $idempotencyKey = null): BrandProfileResponse
    {
        $response = $this->request('PATCH', '/v1/partner/settings/brand', ['body' => $body instanceof BrandProfilePatch ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return BrandProfileResponse::fromArray($response->json());
    }

    /**
     * Retrieve the cross-listing rules: GET /v1/partner/settings/cross-listing.
     */
    public function getCrossListingSettings(): CrossListingSettings
    {
        $response = $this->request('GET', '/v1/partner/settings/cross-listing', []);
        return CrossListingSettings::fromArray($response->json());
    }

    /**
     * Update the cross-listing rules: PATCH /v1/partner/settings/cross-listing.
     * @param CrossListingPatch|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function updateCrossListingSettings(CrossListingPatch|array $body, ?string $idempotencyKey = null): CrossListingSettings
    {
        $response = $this->request('PATCH', '/v1/partner/settings/cross-listing', ['body' => $body instanceof CrossListingPatch ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return CrossListingSettings::fromArray($response->json());
    }

    /**
     * List the brand's storefront domains: GET /v1/partner/settings/domains.
     */
    public function listDomains(): DomainList
    {
        $response = $this->request('GET', '/v1/partner/settings/domains', []);
        return DomainList::fromArray($response->json());
    }

    /**
     * Add a storefront domain: POST /v1/partner/settings/domains.
     * @param DomainCreate|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function createDomain(DomainCreate|array $body, ?string $idempotencyKey = null): DomainView
    {
        $response = $this->request('POST', '/v1/partner/settings/domains', ['body' => $body instanceof DomainCreate ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return DomainView::fromArray($response->json());
    }

    /**
     * Remove a storefront domain: DELETE /v1/partner/settings/domains/{host}.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function deleteDomain(string $host, ?string $idempotencyKey = null): DeletedDomain
    {
        $response = $this->request('DELETE', '/v1/partner/settings/domains/{host}', ['path' => ['host' => $host], 'idempotencyKey' => $idempotencyKey]);
        return DeletedDomain::fromArray($response->json());
    }

    /**
     * Verify a storefront domain: POST /v1/partner/settings/domains/{host}/verify.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function verifyDomain(string $host, ?string $idempotencyKey = null): DomainView
    {
        $response = $this->request('POST', '/v1/partner/settings/domains/{host}/verify', ['path' => ['host' => $host], 'idempotencyKey' => $idempotencyKey]);
        return DomainView::fromArray($response->json());
    }

    /**
     * Retrieve the brand's taxonomy: GET /v1/partner/settings/taxonomy.
     */
    public function getTaxonomySettings(): TaxonomySettings
    {
        $response = $this->request('GET', '/v1/partner/settings/taxonomy', []);
        return TaxonomySettings::fromArray($response->json());
    }

    /**
     * Update the brand's taxonomy: PATCH /v1/partner/settings/taxonomy.
     * @param TaxonomyPatch|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function updateTaxonomySettings(TaxonomyPatch|array $body, ?string $idempotencyKey = null): TaxonomySettings
    {
        $response = $this->request('PATCH', '/v1/partner/settings/taxonomy', ['body' => $body instanceof TaxonomyPatch ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return TaxonomySettings::fromArray($response->json());
    }

    /**
     * Retrieve the brand's trust policy: GET /v1/partner/settings/trust.
     */
    public function getTrustSettings(): TrustSettings
    {
        $response = $this->request('GET', '/v1/partner/settings/trust', []);
        return TrustSettings::fromArray($response->json());
    }

    /**
     * Update the brand's trust policy: PATCH /v1/partner/settings/trust.
     * @param TrustSettingsPatch|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function updateTrustSettings(TrustSettingsPatch|array $body, ?string $idempotencyKey = null): TrustSettings
    {
        $response = $this->request('PATCH', '/v1/partner/settings/trust', ['body' => $body instanceof TrustSettingsPatch ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return TrustSettings::fromArray($response->json());
    }

    /**
     * List warehouses: GET /v1/partner/settings/warehouses.
     */
    public function listWarehouses(): WarehouseList
    {
        $response = $this->request('GET', '/v1/partner/settings/warehouses', []);
        return WarehouseList::fromArray($response->json());
    }

    /**
     * Create a warehouse: POST /v1/partner/settings/warehouses.
     * @param WarehouseWrite|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function createWarehouse(WarehouseWrite|array $body, ?string $idempotencyKey = null): WarehouseEnvelope
    {
        $response = $this->request('POST', '/v1/partner/settings/warehouses', ['body' => $body instanceof WarehouseWrite ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return WarehouseEnvelope::fromArray($response->json());
    }

    /**
     * Retrieve a warehouse: GET /v1/partner/settings/warehouses/{id}.
     */
    public function getWarehouse(string $id): WarehouseEnvelope
    {
        $response = $this->request('GET', '/v1/partner/settings/warehouses/{id}', ['path' => ['id' => $id]]);
        return WarehouseEnvelope::fromArray($response->json());
    }

    /**
     * Update a warehouse: PATCH /v1/partner/settings/warehouses/{id}.
     * @param WarehouseWrite|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function updateWarehouse(string $id, WarehouseWrite|array $body, ?string $idempotencyKey = null): WarehouseEnvelope
    {
        $response = $this->request('PATCH', '/v1/partner/settings/warehouses/{id}', ['path' => ['id' => $id], 'body' => $body instanceof WarehouseWrite ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return WarehouseEnvelope::fromArray($response->json());
    }

    /**
     * Delete a warehouse: DELETE /v1/partner/settings/warehouses/{id}.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function deleteWarehouse(string $id, ?string $idempotencyKey = null): WarehouseDeleted
    {
        $response = $this->request('DELETE', '/v1/partner/settings/warehouses/{id}', ['path' => ['id' => $id], 'idempotencyKey' => $idempotencyKey]);
        return WarehouseDeleted::fromArray($response->json());
    }

    /**
     * Promote a warehouse to default: POST /v1/partner/settings/warehouses/{id}/set-default.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function setDefaultWarehouse(string $id, ?string $idempotencyKey = null): WarehouseSummaryList
    {
        $response = $this->request('POST', '/v1/partner/settings/warehouses/{id}/set-default', ['path' => ['id' => $id], 'idempotencyKey' => $idempotencyKey]);
        return WarehouseSummaryList::fromArray($response->json());
    }

    /**
     * Your API usage over the last 24 hours: GET /v1/partner/usage.
     */
    public function getUsage(): UsageReport
    {
        $response = $this->request('GET', '/v1/partner/usage', []);
        return UsageReport::fromArray($response->json());
    }

    /**
     * List payouts: GET /v1/payouts.
     * @param array{page?: int, per_page?: int, status?: 'pending'|'sent'|'settled'|'failed'} $query
     */
    public function listPayouts(array $query = []): PayoutPage
    {
        $response = $this->request('GET', '/v1/payouts', ['query' => $query]);
        return PayoutPage::fromArray($response->json());
    }

    /**
     * Monthly reconciliation report: GET /v1/reports/reconciliation.
     * @param array{month?: string, format?: 'json'|'csv'|'xlsx'} $query
     * @return string the raw body
     */
    public function getReconciliationReport(array $query = []): string
    {
        $response = $this->request('GET', '/v1/reports/reconciliation', ['query' => $query]);
        return $response->body;
    }

    /**
     * List the storefront's listings: GET /v1/storefront/listings.
     * @param array{page?: int, per_page?: int, q?: string, brand_id?: string, category?: string, channel?: 'clearance'|'exchange', condition?: string, colour?: string, fabric?: string, item_type?: string, min_price?: string, max_price?: string, sort?: 'relevance'|'newest'|'price_asc'|'price_desc', facets?: bool} $query
     */
    public function listStorefrontListings(array $query = []): MarketplaceListingPage
    {
        $response = $this->request('GET', '/v1/storefront/listings', ['query' => $query]);
        return MarketplaceListingPage::fromArray($response->json());
    }

    /**
     * Retrieve a storefront listing: GET /v1/storefront/listings/{id}.
     */
    public function getStorefrontListing(int $id): ListingDetail
    {
        $response = $this->request('GET', '/v1/storefront/listings/{id}', ['path' => ['id' => $id]]);
        return ListingDetail::fromArray($response->json());
    }

    /**
     * Get the storefront's brand profile and theme: GET /v1/storefront/profile.
     */
    public function getStorefrontProfile(): StorefrontProfile
    {
        $response = $this->request('GET', '/v1/storefront/profile', []);
        return StorefrontProfile::fromArray($response->json());
    }

    /**
     * Screen a text for scams and off-platform contact: POST /v1/trust/screen.
     * @param ScreenRequest|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function screenText(ScreenRequest|array $body, ?string $idempotencyKey = null): ScreeningView
    {
        $response = $this->request('POST', '/v1/trust/screen', ['body' => $body instanceof ScreenRequest ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return ScreeningView::fromArray($response->json());
    }

    /**
     * List webhook endpoints: GET /v1/webhooks/endpoints.
     */
    public function listWebhookEndpoints(): WebhookEndpointList
    {
        $response = $this->request('GET', '/v1/webhooks/endpoints', []);
        return WebhookEndpointList::fromArray($response->json());
    }

    /**
     * Create a webhook endpoint: POST /v1/webhooks/endpoints.
     * @param WebhookEndpointWrite|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function createWebhookEndpoint(WebhookEndpointWrite|array $body, ?string $idempotencyKey = null): WebhookEndpointWithSecret
    {
        $response = $this->request('POST', '/v1/webhooks/endpoints', ['body' => $body instanceof WebhookEndpointWrite ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return WebhookEndpointWithSecret::fromArray($response->json());
    }

    /**
     * Retrieve a webhook endpoint: GET /v1/webhooks/endpoints/{id}.
     */
    public function getWebhookEndpoint(string $id): WebhookEndpointView
    {
        $response = $this->request('GET', '/v1/webhooks/endpoints/{id}', ['path' => ['id' => $id]]);
        return WebhookEndpointView::fromArray($response->json());
    }

    /**
     * Update a webhook endpoint: PATCH /v1/webhooks/endpoints/{id}.
     * @param WebhookEndpointWrite|array<string, mixed> $body
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function updateWebhookEndpoint(string $id, WebhookEndpointWrite|array $body, ?string $idempotencyKey = null): WebhookEndpointView
    {
        $response = $this->request('PATCH', '/v1/webhooks/endpoints/{id}', ['path' => ['id' => $id], 'body' => $body instanceof WebhookEndpointWrite ? $body->toArray() : $body, 'idempotencyKey' => $idempotencyKey]);
        return WebhookEndpointView::fromArray($response->json());
    }

    /**
     * Delete a webhook endpoint: DELETE /v1/webhooks/endpoints/{id}.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function deleteWebhookEndpoint(string $id, ?string $idempotencyKey = null): DeletedWebhookEndpoint
    {
        $response = $this->request('DELETE', '/v1/webhooks/endpoints/{id}', ['path' => ['id' => $id], 'idempotencyKey' => $idempotencyKey]);
        return DeletedWebhookEndpoint::fromArray($response->json());
    }

    /**
     * List an endpoint's deliveries: GET /v1/webhooks/endpoints/{id}/deliveries.
     * @param array{page?: int, per_page?: int, status?: 'pending'|'succeeded'|'failed'} $query
     */
    public function listWebhookDeliveries(string $id, array $query = []): WebhookDeliveryPage
    {
        $response = $this->request('GET', '/v1/webhooks/endpoints/{id}/deliveries', ['path' => ['id' => $id], 'query' => $query]);
        return WebhookDeliveryPage::fromArray($response->json());
    }

    /**
     * Rotate an endpoint's signing secret: POST /v1/webhooks/endpoints/{id}/rotate-secret.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function rotateWebhookSecret(string $id, ?string $idempotencyKey = null): WebhookEndpointWithSecret
    {
        $response = $this->request('POST', '/v1/webhooks/endpoints/{id}/rotate-secret', ['path' => ['id' => $id], 'idempotencyKey' => $idempotencyKey]);
        return WebhookEndpointWithSecret::fromArray($response->json());
    }

    /**
     * PayPal webhook receiver: POST /v1/webhooks/paypal.
     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null
     */
    public function receivePayPalWebhook(?string $idempotencyKey = null): WebhookReceipt
    {
        $response = $this->request('POST', '/v1/webhooks/paypal', ['idempotencyKey' => $idempotencyKey]);
        return WebhookReceipt::fromArray($response->json());
    }

}
