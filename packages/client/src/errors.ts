import { type FieldError, type Problem, problemSchema } from "@allot/contracts";

/**
 * An API refusal as the client hands it on: the HTTP status, the problem's stable `code` (what scripts match on),
 * its detail and the fields it names. A body that is not problem+json (a proxy's 502, an OAuth error) still gets a
 * code: the OAuth `error`, or `HttpError`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[];
  readonly requestId: string | undefined;
  readonly problem: Problem | undefined;
  /** The whole answer's body, for problems that carry more than RFC 9457's fields (a bulk change's report). */
  readonly body: unknown;

  constructor(status: number, code: string, message: string, problem?: Problem, body?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.errors = problem?.errors ?? [];
    this.requestId = problem?.requestId;
    this.problem = problem;
    this.body = body;
  }

  /** Whether the caller is not signed in or may not do this (a token missing, expired, revoked, or short of rights). */
  get isAuthError(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

/** The error a failed response stands for, read from its body whatever shape it has. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => "");
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const problem = problemSchema.safeParse(body);
  if (problem.success) {
    const { data } = problem;
    return new ApiError(response.status, data.code, data.detail ?? data.title, data, body);
  }
  const oauth = body as { error?: unknown; error_description?: unknown; code?: unknown; message?: unknown } | undefined;
  if (oauth && typeof oauth.error === "string") {
    const description = typeof oauth.error_description === "string" ? oauth.error_description : oauth.error;
    return new ApiError(response.status, oauth.error, description);
  }
  // Graph's error shape: { error: { code, message } }.
  const graph = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (graph && typeof graph.code === "string") {
    return new ApiError(response.status, graph.code, typeof graph.message === "string" ? graph.message : graph.code);
  }
  return new ApiError(response.status, "HttpError", `HTTP ${response.status} ${response.statusText}`.trim());
}
