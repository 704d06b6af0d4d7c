import { ERROR_STATUS, type ErrorCode, type FieldError } from "@allot/contracts";

/**
 * The one error type services throw for expected failures. `code` is the stable contract; `message` is safe to
 * show a person; the HTTP status comes from the shared code table.
 */
export interface AppErrorOptions {
  /** Which inputs were wrong, each with its path (`body.seats`, `querystring.cursor`). */
  errors?: FieldError[];
  /** For refusals that end by themselves (a lockout, a spent rate budget): when to try again. */
  retryAfterSeconds?: number;
  /** Extension members of the problem document (RFC 9457 §3.2), e.g. a refused bulk run's report. */
  extensions?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly status: number;
  readonly errors?: FieldError[];
  readonly retryAfterSeconds?: number;
  readonly extensions?: Record<string, unknown>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
    this.errors = options.errors;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.extensions = options.extensions;
  }
}

export const notFound = (what: string) => new AppError("NotFound", `${what} was not found.`);
