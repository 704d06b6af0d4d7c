import { ApiError } from "./api-client";
import type { Messages } from "./i18n";

/** A message a person can act on, in the current language, for any error a call can throw. */
export function errorMessage(error: unknown, t: Messages): string {
  if (!(error instanceof ApiError)) return t.errors.InternalError;
  if (error.code === "AccountLocked" && error.retryAfterSeconds) {
    return t.errorDetail.lockedFor(Math.max(1, Math.ceil(error.retryAfterSeconds / 60)));
  }
  if (error.code === "RateLimited" && error.retryAfterSeconds) {
    return t.errorDetail.retryIn(error.retryAfterSeconds);
  }
  return t.errors[error.code];
}
