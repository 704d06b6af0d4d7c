// Runs the benches named on the command line (`pnpm bench users-list`), or every bench when none is named.
import { readdirSync } from "node:fs";
import { basename, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// A bench is a file bench/<name>.ts that exports `description` and a default async function; it prints its
// figures and throws only on errors (a slow number is a finding, not a failure).
interface BenchModule {
  description: string;
  default: () => Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts") && file !== "run.ts")
  .map((file) => basename(file, ".ts"))
  .sort();

const requested = process.argv.slice(2).filter((arg) => arg !== "--");
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`Unknown bench ${unknown.join(", ")}. Available: ${available.join(", ")}\n`);
  process.exit(2);
}

// A closed stdout (e.g. piped into `head`) must not kill a bench before it drops its database.
process.stdout.on("error", () => undefined);

let failed = false;
for (const name of requested.length > 0 ? requested : available) {
  const bench = (await import(pathToFileURL(`${here}/${name}.ts`).href)) as BenchModule;
  process.stdout.write(`\n=== ${name}: ${bench.description} ===\n`);
  try {
    await bench.default();
  } catch (error) {
    failed = true;
    process.stderr.write(
      `${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
}
process.exit(failed ? 1 : 0);
