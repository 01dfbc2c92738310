-- GET /v1/listings?per_page=20 for a random brand. The SQL is copied from the server log
-- (log_min_duration_statement = 0) of one API request; EF binds the brand and status as
-- parameters, so do these: pgbench -M extended sends :brand_n, :width and :status as $n, and the
-- brand id expression folds to a constant when the unnamed statement is planned.
-- Variables from bench/run.sh: -D brands=M -D width=3 -D status=active -D per_page=20 -D offset=0
-- -D keyhash=\x...
-- "full": every statement the API sends for one request, in order. The request takes a pooled
-- connection twice, and Npgsql resets a pooled connection (DISCARD ALL) each time it is reused:
-- reset + API-key look-up (CredentialStore), then reset + the endpoint's set_config, COUNT and
-- page. The key hash is one bench key's: the look-up costs the same for any key.
\set brand_n random(1, :brands)
DISCARD ALL;
SELECT id, brand_id, role, scopes, revoked FROM auth_find_api_key(:keyhash::bytea);
DISCARD ALL;
SELECT set_config('app.brand_id', 'bench-' || lpad(:brand_n::text, :width::int, '0'), false);
SELECT count(*)::int
	FROM listings AS l
	WHERE l.brand_id = 'bench-' || lpad(:brand_n::text, :width::int, '0') AND l.deleted_at IS NULL AND l.status = :status;
SELECT l.id, l.age_years, l.available_from, l.brand_id, l.category, l.channel, l.colour, l.condition, l.created_at, l.deleted_at, l.delivery_contribution, l.description, l.exposed_to, l.fabric, l.faults, l.images, l.item_type, l.manufacturer, l.measurements, l.owner_type, l.quantity, l.regular_price, l.rrp, l.sale_price, l.seller_id, l.sku, l.slug, l.status, l.title, l.updated_at, l.view_count, l.warehouse_location
	FROM listings AS l
	WHERE l.brand_id = 'bench-' || lpad(:brand_n::text, :width::int, '0') AND l.deleted_at IS NULL AND l.status = :status
	ORDER BY l.created_at DESC, l.id DESC
	LIMIT :per_page OFFSET :offset;
