// Turns openapi/v1.json into a Postman v2.1 collection and its sandbox and live environments.
//   node sdks/postman/generate.mjs <openapi/v1.json> <out dir>
// writes postman.json, postman.sandbox.environment.json and postman.live.environment.json.
// openapi-to-postmanv2 fakes example values with Math.random and the clock and gives every item a
// random id; both are pinned here so a fresh generation is byte-for-byte the committed one.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

let seed = 20261203;
Math.random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const RealDate = Date;
const epoch = RealDate.UTC(2026, 0, 1);
globalThis.Date = class extends RealDate {
  constructor(...args) { super(...(args.length ? args : [epoch])); }
  static now() { return epoch; }
};

const [source, outDir] = process.argv.slice(2);
if (!source || !outDir) { console.error("usage: node generate.mjs <openapi.json> <out dir>"); process.exit(2); }
const converter = createRequire(import.meta.url)("openapi-to-postmanv2");

const options = {
  folderStrategy: "Tags",
  parametersResolution: "Example",
  requestNameSource: "Fallback",
  enableOptionalParameters: false,
  alwaysInheritAuthentication: true,
  includeAuthInfoInExample: false,
};
const result = await new Promise((resolve, reject) =>
  converter.convert({ type: "string", data: readFileSync(source, "utf8") }, options, (err, r) =>
    err ? reject(err) : r.result ? resolve(r.output[0].data) : reject(new Error(r.reason))));

// Sending a request twice in Postman is a new request, so each send gets a new key; set the header
// yourself to replay one. A key typed into the request is kept.
const idempotencyScript = [
  "// Adds an Idempotency-Key (a new UUID) to every POST, PUT, PATCH and DELETE that has none, so a",
  "// mutation sent from Postman is as safe to retry as one from an SDK. A key you set is kept.",
  "const mutation = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(pm.request.method.toUpperCase());",
  "const given = pm.request.headers.find(h => h.key.toLowerCase() === 'idempotency-key' && !h.disabled && h.value && !/^<.*>$/.test(h.value));",
  "if (mutation && !given) {",
  "  pm.request.headers.remove('Idempotency-Key');",
  "  pm.request.headers.add({ key: 'Idempotency-Key', value: pm.variables.replaceIn('{{$guid}}') });",
  "}",
];

// Every request gets its own example responses only for 2xx: errors share one documented shape.
const items = (list) => list.flatMap((item) => (item.item ? items(item.item) : [item]));
for (const request of items(result.item)) {
  request.response = (request.response ?? []).filter((r) => r.code >= 200 && r.code < 300);
}

const collection = {
  info: {
    name: result.info.name,
    description: result.info.description,
    schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
  },
  item: result.item,
  auth: { type: "bearer", bearer: [{ key: "token", value: "{{apiKey}}", type: "string" }] },
  event: [{ listen: "prerequest", script: { type: "text/javascript", exec: idempotencyScript } }],
  variable: [{ key: "baseUrl", value: "https://api.repurch.com", type: "string" }],
};

// Ids become hashes of the item's place in the collection: stable across runs, unique in it.
let counter = 0;
const stableId = (name = `repurch-postman-${counter++}`) => {
  const h = createHash("sha256").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};
const restamp = (node) => {
  if (Array.isArray(node)) { node.forEach(restamp); return; }
  if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if ((key === "id" || key === "_postman_id") && typeof value === "string" && /^[0-9a-f-]{36}$/.test(value)) node[key] = stableId();
      else restamp(value);
    }
  }
};
restamp(collection.item);
collection.info._postman_id = stableId();

const environment = (plane, keyHint) => ({
  id: stableId(`repurch-postman-environment-${plane}`),
  name: `Repurch ${plane}`,
  values: [
    { key: "baseUrl", value: "https://api.repurch.com", type: "default", enabled: true },
    { key: "apiKey", value: keyHint, type: "secret", enabled: true },
  ],
  _postman_variable_scope: "environment",
});

const write = (name, value) => writeFileSync(join(outDir, name), JSON.stringify(value, null, 2) + "\n");
write("postman.json", collection);
write("postman.sandbox.environment.json", environment("sandbox", "re_pk_test_…"));
write("postman.live.environment.json", environment("live", "re_pk_live_…"));
