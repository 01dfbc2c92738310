/** The API's error body: `{code, message, data: {status, errors?, param?}}`. */
export interface ApiErrorBody {
  code: string;
  message: string;
  data: { status: number; errors?: string[] | null; param?: string | null; [key: string]: unknown };
}

/** Any answer outside 2xx (after the retries the client allows), with the API's code, message, data and request id. */
export class RepurchError extends Error {
  readonly status: number;
  readonly code: string;
  readonly data: ApiErrorBody["data"];
  /** The API's `Request-Id` for this answer (the id in its logs): quote it to support. */
  readonly requestId: string | null;
  readonly headers: Headers;

  constructor(status: number, body: ApiErrorBody, headers: Headers) {
    super(body.message);
    this.name = "RepurchError";
    this.status = status;
    this.code = body.code;
    this.data = body.data;
    this.requestId = headers.get("request-id");
    this.headers = headers;
  }

  /** Reads the error shape from an answer; a body that is not that shape (a proxy's page) keeps the status. */
  static async from(response: Response): Promise<RepurchError> {
    const text = await response.text().catch(() => "");
    let body: ApiErrorBody | undefined;
    try {
      const parsed = JSON.parse(text);
      if (parsed && typeof parsed.code === "string") body = { code: parsed.code, message: String(parsed.message ?? ""), data: parsed.data ?? { status: response.status } };
    } catch {
      // Not JSON: fall through to the generic shape.
    }
    body ??= { code: `http_${response.status}`, message: text.slice(0, 200) || response.statusText, data: { status: response.status } };
    return new RepurchError(response.status, body, response.headers);
  }
}

/** The request never got an answer (refused, reset, DNS, timeout) after every retry. */
export class RepurchConnectionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RepurchConnectionError";
  }
}

/** A webhook whose signature, timestamp or headers do not check out: answer it 400 and drop it. */
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}
