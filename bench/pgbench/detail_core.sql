-- GET /v1/listings/{id} for a random existing listing. The SQL is copied from the server log
-- (log_min_duration_statement = 0) of one API request. bench/seed.sh gives brand b the ids
-- (b-1)*per+1 .. b*per, so the owning brand follows from the id.
-- Variables from bench/run.sh: -D listings=N -D per=N/M -D width=3 -D keyhash=\x...
-- "core": only the statements of the endpoint itself. EF opens the connection once per query,
-- so the brand is set again before the brand-name query.
\set id random(1, :listings)
\set brand_n (:id - 1) / :per + 1
SELECT set_config('app.brand_id', 'bench-' || lpad(:brand_n::text, :width::int, '0'), false);
SELECT l.id, l.age_years, l.available_from, l.brand_id, l.category, l.channel, l.colour, l.condition, l.created_at, l.deleted_at, l.delivery_contribution, l.description, l.exposed_to, l.fabric, l.faults, l.images, l.item_type, l.manufacturer, l.measurements, l.owner_type, l.quantity, l.regular_price, l.rrp, l.sale_price, l.seller_id, l.sku, l.slug, l.status, l.title, l.updated_at, l.view_count, l.warehouse_location, s.id, s.brand_id, s.created_at, s.display_name
	FROM listings AS l
	LEFT JOIN sellers AS s ON l.seller_id = s.id
	WHERE l.id = :id AND l.deleted_at IS NULL
	LIMIT 1;
SELECT set_config('app.brand_id', 'bench-' || lpad(:brand_n::text, :width::int, '0'), false);
SELECT b.name
	FROM brands AS b
	LIMIT 1;
