import type { z } from "zod";
import { ApiError, errorFromResponse } from "./errors.js";

export interface ClientOptions {
  /** The API's origin, e.g. http://localhost:3000 (a trailing slash is fine). */
  baseUrl: string;
  /** A personal access token (`allot_pat_…`) or an app's access token. */
  token: string;
  /** Defaults to the global fetch; tests and proxies may pass their own. */
  fetch?: typeof fetch;
  /** Sent as User-Agent, so the audit log and server logs can tell scripts apart. */
  userAgent?: string;
}

export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

export interface RequestOptions {
  query?: Query;
  /** JSON, sent as application/json. */
  json?: unknown;
  /** A raw body (a CSV file), sent with `contentType`. */
  body?: string | Uint8Array;
  contentType?: string;
}

/** One authenticated HTTP conversation with the API: JSON in, JSON (checked against a contract) or text out. */
export class Http {
  readonly baseUrl: string;
  private readonly token: string;
  private readonly fetcher: typeof fetch;
  private readonly userAgent: string;

  constructor(options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.token = options.token;
    this.fetcher = options.fetch ?? fetch;
    this.userAgent = options.userAgent ?? "allot-client";
  }

  url(path: string, query?: Query): string {
    const url = new URL(this.baseUrl + path);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      url.searchParams.set(name, Array.isArray(value) ? value.join(",") : String(value));
    }
    return url.toString();
  }

  /** The raw response of a successful request; an ApiError for any other status. */
  async send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.token}`,
      accept: "application/json, text/csv, application/problem+json",
      "user-agent": this.userAgent,
    };
    let body: string | Uint8Array | undefined;
    if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.json);
    } else if (options.body !== undefined) {
      headers["content-type"] = options.contentType ?? "application/octet-stream";
      body = options.body;
    }
    let response: Response;
    try {
      response = await this.fetcher(this.url(path, options.query), {
        method,
        headers,
        body: body as BodyInit | undefined,
      });
    } catch (error) {
      const why = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : "";
      throw new ApiError(0, "NetworkError", `Could not reach ${this.baseUrl}: ${why}`);
    }
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  }

  /** A JSON answer, checked against its contract (a mismatch means client and server disagree: say so). */
  async json<T extends z.ZodType>(
    schema: T,
    method: string,
    path: string,
    options?: RequestOptions,
  ): Promise<z.infer<T>> {
    const response = await this.send(method, path, options);
    if (response.status === 204) return schema.parse(null);
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success) {
      throw new ApiError(
        response.status,
        "UnexpectedResponse",
        `${method} ${path} answered in a shape this client does not know: ${parsed.error.message}`,
      );
    }
    return parsed.data;
  }

  /** A text answer (a CSV download). */
  async text(method: string, path: string, options?: RequestOptions): Promise<string> {
    const response = await this.send(method, path, options);
    return response.text();
  }
}
