import { type Command, InvalidArgumentError } from "commander";
import { UsageError } from "./exit-codes.js";
import { formatOf, type OutputFormat } from "./output.js";
import { openSession, type Session } from "./session.js";

export interface CommonOptions {
  json?: boolean;
  csv?: boolean;
  tenant?: string;
}

/** --json / --csv for machines (a table for people otherwise) and --tenant, on every command that reads a tenant. */
export function withCommon(command: Command): Command {
  return command
    .option("--json", "print JSON (the API's own objects)")
    .option("--csv", "print CSV")
    .option("--tenant <tenant>", "tenant id, domain or name (default: the one chosen at login, or ALLOT_TENANT)");
}

export async function start(options: CommonOptions): Promise<{ session: Session; format: OutputFormat }> {
  if (options.json && options.csv) {
    throw new UsageError("Choose one of --json and --csv.");
  }
  return { session: await openSession({ tenant: options.tenant }), format: formatOf(options) };
}

/** Repeatable options (--user a --user b, or --user a b). */
export const collectValues = (value: string, previous: string[] = []) => [...previous, value];

export function wholeNumber(min: number, max: number) {
  return (value: string) => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);
    }
    return Number(value);
  };
}

export function booleanValue(value: string): boolean {
  if (value === "true") return true;
  if (value === "false") return false;
  throw new InvalidArgumentError("must be true or false");
}
