// Records the SQL statements the process sends through node-postgres (the driver under @prisma/adapter-pg), so a
// bench can show exactly which statements one API request issues, and how long each took. Off unless a capture
// is running.
import pg from "pg";

export interface CapturedStatement {
  text: string;
  values: unknown[];
  /** The pg connection that sent it (1, 2, … in order of first capture): one transaction runs on one connection. */
  connection: number;
  /** performance.now() when the statement was handed to the driver. */
  startedAt: number;
  /** performance.now() when its answer (or error) arrived; NaN while pending. */
  endedAt: number;
}

let active: CapturedStatement[] | null = null;
let installed = false;
const connections = new WeakMap<object, number>();
let nextConnection = 1;

function connectionOf(client: object): number {
  let id = connections.get(client);
  if (id === undefined) {
    id = nextConnection++;
    connections.set(client, id);
  }
  return id;
}

function install(): void {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
    this: object,
    ...args: unknown[]
  ) {
    if (!active) return original.apply(this, args);
    const [first, second] = args;
    let record: CapturedStatement | undefined;
    const base = { connection: connectionOf(this), startedAt: performance.now(), endedAt: Number.NaN };
    if (typeof first === "string") record = { text: first, values: Array.isArray(second) ? second : [], ...base };
    else if (first && typeof first === "object" && "text" in first) {
      const config = first as { text: string; values?: unknown[] };
      record = { text: config.text, values: config.values ?? (Array.isArray(second) ? second : []), ...base };
    }
    if (!record) return original.apply(this, args);
    active.push(record);
    const done = record;
    const stamp = () => {
      done.endedAt = performance.now();
    };
    // pg.Pool.query hands the client a callback (last argument); direct client calls get a promise.
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      const callArgs = [...args];
      callArgs[last] = (...results: unknown[]) => {
        stamp();
        return (callback as (...a: unknown[]) => unknown)(...results);
      };
      return original.apply(this, callArgs);
    }
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === "function")
      (result as Promise<unknown>).then(stamp, stamp);
    return result;
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
