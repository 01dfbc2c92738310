-- One bench brand on the live plane: the brand row, 8 consumer sellers and :per listings.
-- Run as repurch_owner (row-level security is FORCED, so the owner must set app.brand_id like the
-- app does). psql variables: brand (text id), b (1-based brand number), per (listings per brand).
-- Listing ids are explicit and contiguous per brand: brand b owns ids (b-1)*per+1 .. b*per, which
-- lets the load generator and pgbench pick an existing id of a brand without reading the table.
BEGIN;
SELECT set_config('app.brand_id', :'brand', true) \g /dev/null
SELECT setseed(:b::float8 / 1000003) \g /dev/null

INSERT INTO brands (id, name, is_marketplace, created_at)
VALUES (:'brand', 'Bench Brand ' || :b, false, now() - interval '3 years');

INSERT INTO sellers (id, brand_id, display_name, created_at) OVERRIDING SYSTEM VALUE
SELECT (:b - 1) * 8 + s, :'brand',
       (ARRAY['Sam Patel', 'Olivia Hughes', 'Tom Clarke', 'Priya Shah', 'Jack Evans', 'Amelia Wright', 'Noah Green', 'Isla Turner'])[s],
       now() - interval '2 years'
FROM generate_series(1, 8) AS s;

INSERT INTO listings (
  id, brand_id, owner_type, seller_id, title, description, channel, status,
  regular_price, sale_price, rrp, delivery_contribution, condition, category, item_type,
  manufacturer, colour, fabric, age_years, available_from, quantity, measurements,
  exposed_to, faults, images, sku, warehouse_location, view_count, slug,
  created_at, updated_at, deleted_at) OVERRIDING SYSTEM VALUE
SELECT
  (:b - 1)::bigint * :per + i, :'brand',
  CASE WHEN trade THEN 'seller' ELSE 'brand' END,
  CASE WHEN trade THEN (:b - 1) * 8 + 1 + i % 8 END,
  title,
  style || ' ' || singular || ' by ' || manufacturer || ' in ' || lower(colour) || ' ' || lower(fabric)
    || '. Collected from our warehouse or delivered by a two-person team.',
  CASE WHEN trade OR r_channel < 1.0 / 3 THEN 'exchange' ELSE 'clearance' END,
  -- 75 % active, 12.5 % draft, 12.5 % closed (trade-ins are always active), as in the demo seed.
  CASE WHEN trade OR r_status < 0.75 THEN 'active' WHEN r_status < 0.875 THEN 'draft' ELSE 'closed' END,
  regular,
  CASE WHEN r_sale < 1.0 / 3 THEN round(regular * 0.85, 0) END,
  round(regular * 2.1, 0),
  (ARRAY[0, 30, 60, 129])[1 + i % 4],
  (ARRAY['like-new', 'excellent', 'gently-used', 'fair'])[1 + (i / 4) % 4],
  category,
  (ARRAY['Corner Sofa', '4-Seater', '3-Seater', '2-Seater', 'Chair', 'Sofa Bed', 'Sofa Set', 'U-Shape Sofa', 'Footstool'])[1 + floor(random() * 9)::int],
  manufacturer, colour, fabric,
  (ARRAY['Less than 1 year', '1 year old', '2 years old', '3 years old', '15+ years old'])[1 + floor(random() * 5)::int],
  current_date + floor(random() * 30)::int,
  CASE WHEN i % 5 = 0 THEN 1 + floor(random() * 3)::int ELSE 1 END,
  jsonb_build_array(
    jsonb_build_object('dimension', 'width', 'value_cm', 180 + floor(random() * 120)::int),
    jsonb_build_object('dimension', 'depth', 'value_cm', 85 + floor(random() * 30)::int),
    jsonb_build_object('dimension', 'height', 'value_cm', 78 + floor(random() * 20)::int)),
  CASE WHEN i % 6 = 0 THEN ARRAY['Dogs'] WHEN i % 11 = 0 THEN ARRAY['Cats', 'Smoke'] ELSE ARRAY['None'] END,
  CASE WHEN i % 9 = 0 THEN ARRAY['Rips or tears'] WHEN i % 4 = 0 THEN ARRAY['Fire Label'] ELSE ARRAY['None'] END,
  ARRAY['https://cdn.repurch.com/uploads/bench/' || :'brand' || '/' || slug || '-' || i || '.jpg',
        'https://cdn.repurch.com/uploads/bench/' || :'brand' || '/' || slug || '-' || i || '-side.jpg'],
  CASE WHEN NOT trade THEN 'B' || :b || '-' || lpad(i::text, 7, '0') END,
  CASE WHEN NOT trade THEN 'Bay ' || (1 + i % 20) || '-' || chr(65 + i % 6) END,
  floor(random() * 400)::int,
  slug,
  created_at,
  least(now(), created_at + age_days * interval '1 day'),
  NULL
FROM (
  SELECT t.*, trim(BOTH '-' FROM regexp_replace(lower(title), '[^a-z0-9]+', '-', 'g')) AS slug
  FROM (
    SELECT v.*, style || ' ' || lower(colour) || ' ' || lower(fabric) || ' ' || singular AS title
    FROM (
      SELECT i,
             i % 8 = 5 AS trade,
             random() AS r_status, random() AS r_channel, random() AS r_sale,
             (149 + floor(random() * 2200))::numeric(12, 2) AS regular,
             (ARRAY['Carlton', 'Belmont', 'Linden', 'Aria', 'Harlow', 'Kensington', 'Marlow', 'Oslo', 'Chester', 'Camden', 'Ashby', 'Brompton'])[1 + floor(random() * 12)::int] AS style,
             (ARRAY['Grey', 'Charcoal', 'Silver', 'Beige', 'Cream', 'Brown', 'Tan', 'Black', 'Navy', 'Blue', 'Green', 'Pink', 'Red', 'Multi-colour'])[1 + floor(random() * 14)::int] AS colour,
             (ARRAY['Velvet', 'Leather', 'Faux Leather', 'Linen', 'Cotton', 'Chenille', 'Bouclé'])[1 + floor(random() * 7)::int] AS fabric,
             (ARRAY['DFS', 'IKEA', 'Loaf', 'Sofa.com', 'Habitat', 'John Lewis', 'Made.com', 'Next', 'SCS', 'Sofology', 'Other'])[1 + floor(random() * 11)::int] AS manufacturer,
             (ARRAY['Corner Sofas', '3-Seater Sofas', '2-Seater Sofas', 'Sofa Beds', 'Armchairs', 'Footstools', 'Sofa Sets', 'Other'])[1 + i % 8] AS category,
             (ARRAY['corner sofa', '3-seater sofa', '2-seater sofa', 'sofa bed', 'armchair', 'footstool', 'sofa set', 'sofa'])[1 + i % 8] AS singular,
             -- Created over the last two years, denser towards now (a growing catalogue).
             now() - (1 - sqrt(random())) * interval '730 days' AS created_at,
             random() * 20 AS age_days
      FROM generate_series(1, :per) AS i
      OFFSET 0  -- a fence: evaluate each random() once per row
    ) v
  ) t
) s;
COMMIT;
