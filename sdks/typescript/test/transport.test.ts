import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { Repurch, RepurchConnectionError, RepurchError, VERSION } from "@repurch/sdk";
import { error, fakeApi, json } from "./fake-api.js";

const listing = { id: 1, title: "Sofa", price: 10 };

function client(url: string, delays: number[] = [], extra: Partial<ConstructorParameters<typeof Repurch>[0]> = {}) {
  return new Repurch({ apiKey: "re_pk_test_x", baseUrl: url, sleep: async (ms) => void delays.push(ms), ...extra });
}

test("a mutation gets one Idempotency-Key, reused on its retries after 5xx, with backoff and jitter", async () => {
  const api = await fakeApi((_, res, n) => (n < 3 ? error(res, n === 1 ? 503 : 500, "internal_error") : json(res, 201, listing)));
  const delays: number[] = [];
  const created = await client(api.url, delays).post("/v1/listings", { body: { title: "Sofa", price_gbp: 10, condition: "good", category: "Sofas" } });
  assert.equal(created.id, 1);
  assert.equal(api.seen.length, 3);
  const keys = api.seen.map((s) => s.headers["idempotency-key"]);
  assert.match(String(keys[0]), /^[0-9a-f-]{36}$/);
  assert.deepEqual(new Set(keys).size, 1);
  assert.deepEqual(api.seen.map((s) => s.body), Array(3).fill(api.seen[0].body));
  assert.equal(delays.length, 2);
  assert.ok(delays[0] >= 250 && delays[0] <= 500, `first backoff ${delays[0]}`);
  assert.ok(delays[1] >= 500 && delays[1] <= 1000, `second backoff ${delays[1]}`);
  assert.equal(api.seen[0].headers.authorization, "Bearer re_pk_test_x");
  assert.equal(api.seen[0].headers["user-agent"], `repurch-typescript/${VERSION} node/${process.versions.node}`);
  await api.close();
});

test("a GET carries no Idempotency-Key; two mutations get different keys", async () => {
  const api = await fakeApi((s, res) => (s.method === "GET" ? json(res, 200, listing) : json(res, 200, { id: "r" })));
  const repurch = client(api.url);
  await repurch.get("/v1/listings/{id}", { params: { path: { id: 1 } } });
  await repurch.post("/v1/codes/redeem", { body: { code: "A", order_reference: "1" } });
  await repurch.post("/v1/codes/redeem", { body: { code: "A", order_reference: "1" } });
  assert.equal(api.seen[0].headers["idempotency-key"], undefined);
  assert.notEqual(api.seen[1].headers["idempotency-key"], api.seen[2].headers["idempotency-key"]);
  await api.close();
});

test("429 waits Retry-After; 409 idempotency_key_in_use is retried", async () => {
  const api = await fakeApi((_, res, n) =>
    n === 1 ? error(res, 429, "rate_limited", { "Retry-After": "2" }) : n === 2 ? error(res, 409, "idempotency_key_in_use") : json(res, 200, { id: "r" }));
  const delays: number[] = [];
  await client(api.url, delays).post("/v1/codes/redeem", { body: { code: "A", order_reference: "1" } });
  assert.equal(api.seen.length, 3);
  assert.equal(delays[0], 2000);
  await api.close();
});

for (const [status, code] of [[400, "validation_failed"], [404, "listing_not_found"], [409, "code_already_redeemed"], [422, "code_invalid"], [403, "forbidden"]] as const) {
  test(`${status} ${code} is never retried and throws a typed error with the request id`, async () => {
    const api = await fakeApi((_, res) => error(res, status, code));
    await assert.rejects(client(api.url).post("/v1/codes/redeem", { body: { code: "A", order_reference: "1" } }), (e: unknown) => {
      assert.ok(e instanceof RepurchError);
      assert.equal(e.status, status);
      assert.equal(e.code, code);
      assert.equal(e.message, `${code} happened`);
      assert.deepEqual(e.data, { status, errors: [code] });
      assert.equal(e.requestId, `req-${status}`);
      return true;
    });
    assert.equal(api.seen.length, 1);
    await api.close();
  });
}

test("retries stop after maxRetries: the last 5xx is thrown", async () => {
  const api = await fakeApi((_, res) => error(res, 502, "bad_gateway"));
  await assert.rejects(client(api.url, [], { maxRetries: 2 }).get("/v1/listings"), (e: unknown) => e instanceof RepurchError && e.status === 502);
  assert.equal(api.seen.length, 3);
  await api.close();
});

test("connection errors are retried, then thrown as RepurchConnectionError", async () => {
  const api = await fakeApi(() => {});
  const url = api.url;
  await api.close();
  const delays: number[] = [];
  await assert.rejects(client(url, delays).get("/v1/listings"), RepurchConnectionError);
  assert.equal(delays.length, 3);
});

test("a token pair is refreshed once on 401, concurrent requests share the refresh, and onTokens gets the new pair", async () => {
  let current = "at_1";
  const api = await fakeApi((s, res) => {
    if (s.url === "/v1/auth/refresh") {
      assert.equal(JSON.parse(s.body).refresh_token, "rt_1");
      current = "at_2";
      return json(res, 200, { access_token: "at_2", token_type: "Bearer", expires_in: 900, refresh_token: "rt_2" });
    }
    return s.headers.authorization === `Bearer ${current}` && current === "at_2" ? json(res, 200, listing) : error(res, 401, "invalid_token");
  });
  const saved: string[] = [];
  const repurch = new Repurch({ baseUrl: api.url, tokens: { accessToken: "at_1", refreshToken: "rt_1" }, onTokens: (t) => void saved.push(t.refreshToken) });
  const results = await Promise.all([1, 2, 3].map(() => repurch.get("/v1/listings/{id}", { params: { path: { id: 1 } } })));
  assert.deepEqual(results.map((r) => r.id), [1, 1, 1]);
  assert.equal(api.seen.filter((s) => s.url === "/v1/auth/refresh").length, 1);
  assert.deepEqual(saved, ["rt_2"]);
  assert.equal(repurch.tokens?.accessToken, "at_2");
  await api.close();
});

test("a refused refresh ends in a typed 401, without a second refresh", async () => {
  const api = await fakeApi((s, res) => error(res, 401, "invalid_token"));
  const repurch = new Repurch({ baseUrl: api.url, tokens: { accessToken: "at_1", refreshToken: "rt_1" } });
  await assert.rejects(repurch.get("/v1/listings"), (e: unknown) => e instanceof RepurchError && e.code === "invalid_token");
  assert.equal(api.seen.filter((s) => s.url === "/v1/auth/refresh").length, 1);
  await api.close();
});

test("paginate walks every page and stops at total_pages", async () => {
  const api = await fakeApi((s, res) => {
    const page = Number(new URL(s.url, "http://x").searchParams.get("page"));
    json(res, 200, { data: page <= 3 ? [{ ...listing, id: page * 10 + 1 }, { ...listing, id: page * 10 + 2 }] : [], meta: { page, per_page: 2, total: 6, total_pages: 3, brand_id: "b" } });
  });
  const ids: number[] = [];
  for await (const l of client(api.url).paginate("/v1/listings", { query: { channel: "clearance", per_page: 2 } })) ids.push(l.id);
  assert.deepEqual(ids, [11, 12, 21, 22, 31, 32]);
  assert.equal(api.seen.length, 3);
  assert.ok(api.seen.every((s) => s.url.includes("channel=clearance") && s.url.includes("per_page=2")));
  await api.close();
});

test("the bulk upload sends the raw file once with a key and polls until completed", async () => {
  const job = (status: string, done: number) => ({ id: "9f1c2d3e-0000-4000-8000-000000000001", status, rows_done: done, total_rows: 2, reports: status === "completed" ? { csv: "/v1/listings/bulk-jobs/x/report.csv", xlsx: "/r.xlsx" } : null });
  const api = await fakeApi((s, res, n) => {
    if (s.method === "POST") return json(res, 202, job("queued", 0));
    if (s.url.endsWith("report.csv")) return void res.writeHead(200, { "Content-Type": "text/csv" }).end("title,import_result\r\nSofa,created\r\n");
    json(res, 200, n < 4 ? job("running", n - 2) : job("completed", 2));
  });
  const repurch = client(api.url);
  const started = await repurch.bulkJobs.start(new TextEncoder().encode("title\r\nSofa\r\n"), { filename: "stock.csv" });
  const progress: string[] = [];
  const done = await repurch.bulkJobs.wait(started.id, { intervalMs: 1, onProgress: (j) => progress.push(`${j.status}:${j.rows_done}`) });
  assert.deepEqual(progress, ["running:0", "running:1", "completed:2"]);
  assert.equal(new TextDecoder().decode(await repurch.bulkJobs.report(done)), "title,import_result\r\nSofa,created\r\n");
  assert.equal(api.seen[0].url, "/v1/listings/bulk-jobs?filename=stock.csv");
  assert.equal(api.seen[0].body, "title\r\nSofa\r\n");
  assert.ok(api.seen[0].headers["idempotency-key"]);
  await api.close();
});

test("the base URL may carry a path, and VERSION is package.json's", async () => {
  const api = await fakeApi((_, res) => json(res, 200, listing));
  await client(`${api.url}/proxy/`).get("/v1/listings/{id}", { params: { path: { id: 1 } } });
  assert.equal(api.seen[0].url, "/proxy/v1/listings/1");
  assert.equal(JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version, VERSION);
  await api.close();
});
