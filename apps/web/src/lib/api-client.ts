import { ERROR_CODES, type ErrorCode, type FieldError, problemSchema } from "@allot/contracts";
import type { z } from "zod";

/** Error codes the client raises itself, when no problem document came back. */
export type ClientErrorCode = "NetworkError" | "UnexpectedResponse";

/** A failed API call: the problem+json document the server answered, typed, or a client-side failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: readonly FieldError[];
  readonly requestId: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** The whole problem document, for extension members such as SeatsInUse's `holders`. */
  readonly problem: Readonly<Record<string, unknown>>;

  constructor(init: {
    status: number;
    code: ErrorCode | ClientErrorCode;
    title: string;
    detail?: string | undefined;
    fieldErrors?: readonly FieldError[] | undefined;
    requestId?: string | undefined;
    retryAfterSeconds?: number | undefined;
    problem?: Readonly<Record<string, unknown>> | undefined;
  }) {
    super(init.detail ?? init.title);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.problem = init.problem ?? {};
  }
}

export function isApiError(error: unknown, code?: ErrorCode | ClientErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/** The CSRF token of the current session, handed out by login and GET /api/me; sent with every mutation. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called once when a mutation is refused for a stale CSRF token, to fetch a fresh one before retrying. */
let csrfRefresher: (() => Promise<string | null>) | null = null;
export function setCsrfRefresher(refresh: () => Promise<string | null>): void {
  csrfRefresher = refresh;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions<S extends z.ZodType | undefined> {
  method?: Method;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** A file sent as it is (an import's CSV) instead of a JSON body, with its content type. */
  file?: { body: Blob; contentType: string } | undefined;
  /** Schema of the success body; omit for 204 answers. */
  schema?: S;
  signal?: AbortSignal | undefined;
  /**
   * Sent as the Idempotency-Key header (billing mutations): a retry with the same key gets the first answer and
   * changes nothing. Make one per user intent (per dialog), not per attempt.
   */
  idempotencyKey?: string | undefined;
}

type Result<S> = S extends z.ZodType ? z.output<S> : undefined;

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(path: string, options: RequestOptions<z.ZodType | undefined>): Promise<Response> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { Accept: "application/json, application/problem+json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.file) headers["Content-Type"] = options.file.contentType;
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.file ? options.file.body : options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError({ status: 0, code: "NetworkError", title: "The server could not be reached" });
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = problemSchema.safeParse(body);
  const retryHeader = Number(response.headers.get("Retry-After"));
  const retryAfterSeconds = Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined;
  if (parsed.success && KNOWN_CODES.has(parsed.data.code)) {
    return new ApiError({
      status: parsed.data.status,
      code: parsed.data.code,
      title: parsed.data.title,
      detail: parsed.data.detail,
      fieldErrors: parsed.data.errors,
      requestId: parsed.data.requestId,
      retryAfterSeconds: parsed.data.retryAfterSeconds ?? retryAfterSeconds,
      problem: body as Record<string, unknown>,
    });
  }
  return new ApiError({
    status: response.status,
    code: "UnexpectedResponse",
    title: response.statusText || `HTTP ${response.status}`,
    retryAfterSeconds,
  });
}

/**
 * Calls the API: same-origin cookie session, CSRF header on mutations, JSON in and out, problem+json errors
 * thrown as ApiError, success bodies checked against the contract schema.
 */
export async function apiRequest<S extends z.ZodType | undefined = undefined>(
  path: string,
  options: RequestOptions<S> = {},
): Promise<Result<S>> {
  let response = await send(path, options);
  if (!response.ok) {
    let error = await toApiError(response);
    if (error.code === "CsrfTokenInvalid" && csrfRefresher) {
      setCsrfToken(await csrfRefresher());
      response = await send(path, options);
      if (!response.ok) error = await toApiError(response);
    }
    if (!response.ok) throw error;
  }
  if (response.status === 204 || options.schema === undefined) return undefined as Result<S>;
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) {
    console.error(`Unexpected response from ${path}`, parsed.error.issues);
    throw new ApiError({ status: response.status, code: "UnexpectedResponse", title: "Unexpected response" });
  }
  return parsed.data as Result<S>;
}

/** Path of a tenant-scoped resource, each segment encoded. */
export function tenantPath(tenantId: string, ...segments: string[]): string {
  return ["/api/tenants", tenantId, ...segments]
    .map((part, index) => (index === 0 ? part : encodeURIComponent(part)))
    .join("/");
}
