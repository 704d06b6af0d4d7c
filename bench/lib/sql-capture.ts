// Records the SQL statements the process sends through node-postgres (the driver under @prisma/adapter-pg), so a
// bench can show exactly which statements one API request issues. Off unless a capture is running.
import pg from "pg";

export interface CapturedStatement {
  text: string;
  values: unknown[];
}

let active: CapturedStatement[] | null = null;
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
    this: unknown,
    ...args: unknown[]
  ) {
    if (active) {
      const [first, second] = args;
      if (typeof first === "string") active.push({ text: first, values: Array.isArray(second) ? second : [] });
      else if (first && typeof first === "object" && "text" in first) {
        const config = first as { text: string; values?: unknown[] };
        active.push({ text: config.text, values: config.values ?? (Array.isArray(second) ? second : []) });
      }
    }
    return original.apply(this, args);
  };
}

/** Runs `work` and returns the statements any pg client in this process sent meanwhile. */
export async function captureSql<T>(work: () => Promise<T>): Promise<{ result: T; statements: CapturedStatement[] }> {
  install();
  const statements: CapturedStatement[] = [];
  active = statements;
  try {
    const result = await work();
    return { result, statements };
  } finally {
    active = null;
  }
}
