import { ApiError } from "@allot/client";
import { CommanderError } from "commander";
import { AuthError, EXIT, RowsFailedError, UsageError } from "./exit-codes.js";

/** An API field path (`body.userIds.3`, `querystring.from`) as a person reads it. */
function fieldName(path: string): string {
  return path.replace(/^(body|querystring|params)\./, "");
}

/** Prints what went wrong (naming the API's code and the fields it names) and answers the exit code. */
export function reportError(
  error: unknown,
  write: (text: string) => void = (text) => process.stderr.write(text),
): number {
  if (error instanceof CommanderError) {
    // Commander printed its own message (or the help) already.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof UsageError) {
    write(`allot: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof AuthError) {
    write(`allot: ${error.message}\n`);
    return EXIT.auth;
  }
  if (error instanceof RowsFailedError) {
    write(`allot: ${error.message}\n`);
    return EXIT.rowsFailed;
  }
  if (error instanceof ApiError) {
    const where = error.status > 0 ? `, HTTP ${error.status}` : "";
    write(`allot: ${error.message} (${error.code}${where})\n`);
    for (const field of error.errors) {
      const code = field.code ? ` (${field.code})` : "";
      write(`  field ${fieldName(field.path)}: ${field.message}${code}\n`);
    }
    if (error.requestId) write(`  request id: ${error.requestId}\n`);
    if (error.isAuthError) {
      if (error.status === 401) write("  Sign in again with `allot login`, or check ALLOT_TOKEN.\n");
      return EXIT.auth;
    }
    return error.status === 400 ? EXIT.usage : EXIT.rowsFailed;
  }
  write(`allot: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.rowsFailed;
}
