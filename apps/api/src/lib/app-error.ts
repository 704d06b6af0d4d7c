import { ERROR_STATUS, type ErrorCode, type FieldError } from "@allot/contracts";

/**
 * The one error type services throw for expected failures. `code` is the stable contract; `message` is safe to
 * show a person; the HTTP status comes from the shared code table.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
    /** For refusals that end by themselves (a lockout): when to try again. */
    readonly retryAfterSeconds?: number,
    /** Extension members of the problem document (RFC 9457 §3.2), e.g. a refused bulk run's report. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new AppError("NotFound", `${what} was not found.`);
