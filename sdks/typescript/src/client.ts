import createClient, { type Client, type FetchResponse, type MaybeOptionalInit } from "openapi-fetch";
import type { HttpMethod, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";
import type { components, paths } from "./schema.js";
import { Transport, type TokenPair, type TransportOptions } from "./transport.js";

export const DEFAULT_BASE_URL = "https://api.repurch.com";

export interface RepurchOptions extends Omit<TransportOptions, "baseUrl"> {
  /** Default https://api.repurch.com. Live or sandbox is decided by the key (re_pk_live_… / re_pk_test_…), not the URL. */
  baseUrl?: string;
}

type InitParam<Init> = RequiredKeysOf<Init> extends never ? [(Init & { [key: string]: unknown })?] : [Init & { [key: string]: unknown }];
/** A typed call that resolves to the 2xx body and throws RepurchError otherwise. */
type Call<Paths extends {}, M extends HttpMethod> = <
  P extends PathsWithMethod<Paths, M>,
  I extends MaybeOptionalInit<Paths[P], M & keyof Paths[P]>,
>(
  url: P,
  ...init: InitParam<I>
) => Promise<NonNullable<FetchResponse<Paths[P][M & keyof Paths[P]] & Record<string | number, any>, I, `${string}/${string}`>["data"]>>;

type GetOp<P> = P extends keyof paths ? (paths[P] extends { get: infer O } ? O : never) : never;
type OkBody<O> = O extends { responses: { 200: { content: { "application/json": infer B } } } } ? B : never;
/** The GET paths that answer a page: `{data: [...], meta: {page, total_pages}}`. */
export type PagedPath = {
  [P in keyof paths]: OkBody<GetOp<P>> extends { data: unknown[]; meta: { page: number; total_pages: number } } ? P : never;
}[keyof paths];
export type PageItem<P extends PagedPath> = OkBody<GetOp<P>> extends { data: (infer I)[] } ? I : never;
export type PageParams<P extends PagedPath> = GetOp<P> extends { parameters: infer X } ? Omit<X, "header" | "cookie"> : never;

export type BulkJob = components["schemas"]["BulkJobView"];

export interface BulkStartOptions {
  /** `commit` (default) creates and updates listings; `validate` only reports. */
  mode?: NonNullable<NonNullable<paths["/v1/listings/bulk-jobs"]["post"]["parameters"]["query"]>["mode"]>;
  /** Shown on the job and its report. */
  filename?: string;
  /** Reuse to make a repeated upload return the same job (the SDK generates one otherwise). */
  idempotencyKey?: string;
}

export interface BulkWaitOptions {
  /** Called after every poll with the job (status, rows_done, total_rows, progress). */
  onProgress?: (job: BulkJob) => void;
  intervalMs?: number;
  /** Give up (throw) after this long; default 10 minutes. */
  timeoutMs?: number;
}

/**
 * The Repurch API client. `get`/`post`/`put`/`patch`/`delete` are typed from the OpenAPI document
 * (path, parameters, body, answer) and throw RepurchError for anything but 2xx; `api` is the
 * underlying openapi-fetch client for `{data, error, response}` style calls.
 */
export class Repurch {
  readonly api: Client<paths>;
  readonly transport: Transport;
  readonly bulkJobs: BulkJobs;

  constructor(options: RepurchOptions) {
    this.transport = new Transport({ ...options, baseUrl: options.baseUrl ?? DEFAULT_BASE_URL });
    this.api = createClient<paths>({ baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/$/, ""), fetch: (r) => this.transport.send(r) });
    this.bulkJobs = new BulkJobs(this);
  }

  /** The token pair after any refresh (store it when the process ends), when the client runs on tokens. */
  get tokens(): TokenPair | undefined {
    return this.transport.currentTokens;
  }

  /** Exchanges an API key for a 15-minute access token and its refresh token (`POST /v1/auth/token`). */
  static async exchangeKey(apiKey: string, options: Omit<RepurchOptions, "apiKey" | "tokens"> = {}): Promise<TokenPair> {
    const pair = await new Repurch({ ...options, apiKey }).post("/v1/auth/token");
    return { accessToken: pair.access_token, refreshToken: pair.refresh_token, expiresAt: new Date(Date.now() + pair.expires_in * 1000) };
  }

  readonly get: Call<paths, "get"> = ((url: never, init?: never) => this.api.GET(url, init).then((r) => r.data)) as never;
  readonly post: Call<paths, "post"> = ((url: never, init?: never) => this.api.POST(url, init).then((r) => r.data)) as never;
  readonly put: Call<paths, "put"> = ((url: never, init?: never) => this.api.PUT(url, init).then((r) => r.data)) as never;
  readonly patch: Call<paths, "patch"> = ((url: never, init?: never) => this.api.PATCH(url, init).then((r) => r.data)) as never;
  readonly delete: Call<paths, "delete"> = ((url: never, init?: never) => this.api.DELETE(url, init).then((r) => r.data)) as never;

  /**
   * Every item of a paged list, page after page (`page`/`per_page`; `per_page` sets the page size):
   * `for await (const listing of repurch.paginate("/v1/listings", { query: { channel: "clearance" } }))`.
   */
  async *paginate<P extends PagedPath>(path: P, params?: PageParams<P>): AsyncGenerator<PageItem<P>, void, undefined> {
    const given = (params ?? {}) as { query?: Record<string, unknown>; path?: Record<string, unknown> };
    let page = Number(given.query?.page ?? 1);
    for (;;) {
      const body = (await this.get(path as never, { params: { ...given, query: { ...given.query, page } } } as never)) as {
        data: PageItem<P>[];
        meta: { page: number; total_pages: number };
      };
      yield* body.data;
      if (body.data.length === 0 || page >= body.meta.total_pages) return;
      page++;
    }
  }

  /** A raw request through the same auth, idempotency and retries (for bodies the document does not type). */
  request(path: string, init: RequestInit = {}): Promise<Response> {
    return this.transport.send(new Request(this.transport.url(path.replace(/^\//, "")), init));
  }
}

/** Background imports: upload a CSV or XLSX, follow its progress, download its report. */
export class BulkJobs {
  constructor(private readonly client: Repurch) {}

  /** Uploads the file as the raw body (`POST /v1/listings/bulk-jobs`): answers at once with the queued job. */
  async start(file: Uint8Array | Blob, options: BulkStartOptions = {}): Promise<BulkJob> {
    const query = new URLSearchParams();
    if (options.mode) query.set("mode", options.mode);
    if (options.filename) query.set("filename", options.filename);
    const headers: Record<string, string> = { "Content-Type": "application/octet-stream" };
    if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
    const body = file instanceof Blob ? file : new Blob([file as Uint8Array<ArrayBuffer>]);
    const response = await this.client.request(`/v1/listings/bulk-jobs${query.size ? `?${query}` : ""}`, { method: "POST", headers, body });
    return (await response.json()) as BulkJob;
  }

  get(id: string): Promise<BulkJob> {
    return this.client.get("/v1/listings/bulk-jobs/{id}", { params: { path: { id } } });
  }

  /** Polls until the job is `completed` or `failed` and returns it (a failed job is returned, not thrown: see `error`). */
  async wait(id: string, options: BulkWaitOptions = {}): Promise<BulkJob> {
    const deadline = Date.now() + (options.timeoutMs ?? 600_000);
    for (;;) {
      const job = await this.get(id);
      options.onProgress?.(job);
      if (job.status === "completed" || job.status === "failed") return job;
      if (Date.now() > deadline) throw new Error(`bulk job ${id} still ${job.status} after ${options.timeoutMs ?? 600_000} ms`);
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1000));
    }
  }

  /** A completed job's report (every row with import_result, import_errors, listing_id), as bytes. */
  async report(job: BulkJob, format: "csv" | "xlsx" = "csv", rows: "all" | "errors" = "all"): Promise<Uint8Array> {
    if (!job.reports) throw new Error(`bulk job ${job.id} has no report while ${job.status}`);
    const path = format === "csv" ? job.reports.csv : job.reports.xlsx;
    const response = await this.client.request(rows === "errors" ? `${path}?rows=errors` : path);
    return new Uint8Array(await response.arrayBuffer());
  }
}
