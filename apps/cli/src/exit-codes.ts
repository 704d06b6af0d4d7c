/** The exit codes scripts rely on: what went wrong, not just that something did. */
export const EXIT = {
  ok: 0,
  /** Some rows (users, lines of a file) failed; the others were done. */
  rowsFailed: 1,
  /** The command line itself is wrong: an unknown flag, a missing argument, a value the API refuses as invalid. */
  usage: 2,
  /** Not signed in, a token expired or revoked, or not allowed to do this. */
  auth: 3,
} as const;

/** A wrong command line, found before (or instead of) calling the API. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** No usable credentials, or credentials that cannot do what was asked. */
export class AuthError extends Error {
  override name = "AuthError";
}

/** Some rows failed; what failed was already printed. */
export class RowsFailedError extends Error {
  override name = "RowsFailedError";
}
