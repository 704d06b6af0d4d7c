// A PgBouncer of a test's own (Debian's /usr/sbin/pgbouncer) on a free loopback port, in transaction pooling mode in
// front of a PostgreSQL server: its ini and userlist are written to a temporary folder. Whatever happens, it is
// stopped and its folder removed: by `stop()`, and by an exit guard when the test process ends first.

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "../src/lib/free-port.js";

export const PGBOUNCER = existsSync("/usr/sbin/pgbouncer") ? "/usr/sbin/pgbouncer" : "pgbouncer";
const asRoot = process.getuid?.() === 0;

export interface ThrowawayPgBouncer {
  port: number;
  /** A connection string for one of the server's databases, through PgBouncer. */
  url(database: string): string;
  /** A query on PgBouncer's admin console (`SHOW POOLS`, `SHOW CLIENTS`, …), rows as objects. */
  show(what: string): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

/** Whether this machine has PgBouncer (tests that need it are skipped, with a reason, when it has not). */
export function hasPgBouncer(): boolean {
  return spawnSync(PGBOUNCER, ["--version"], { stdio: "ignore" }).status === 0;
}

export async function startPgBouncer(server: URL, options: { poolSize: number }): Promise<ThrowawayPgBouncer> {
  const dir = mkdtempSync(join(tmpdir(), "allot-pgbouncer-"));
  const port = await freePort();
  const ini = join(dir, "pgbouncer.ini");
  const logFile = join(dir, "pgbouncer.log");
  writeFileSync(join(dir, "userlist.txt"), '"postgres" ""\n');
  writeFileSync(
    ini,
    [
      "[databases]",
      // Every database name goes to the same server, as the same user.
      `* = host=${server.hostname} port=${server.port || 5432}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      `unix_socket_dir = ${dir}`,
      // The server trusts loopback connections (the test cluster does); a real setup uses scram-sha-256.
      "auth_type = trust",
      `auth_file = ${join(dir, "userlist.txt")}`,
      "admin_users = postgres",
      // A server connection serves one client transaction at a time, then the next client's.
      "pool_mode = transaction",
      `default_pool_size = ${options.poolSize}`,
      `max_db_connections = ${options.poolSize}`,
      "max_client_conn = 500",
      `logfile = ${logFile}`,
      `pidfile = ${join(dir, "pgbouncer.pid")}`,
      // PgBouncer started as root drops to this user (it refuses to run as root).
      ...(asRoot ? ["user = postgres"] : []),
    ].join("\n"),
  );
  if (asRoot) {
    const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim());
    const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
    for (const path of [dir, ini, join(dir, "userlist.txt")]) chownSync(path, uid, gid);
  }

  const child: ChildProcess = spawn(PGBOUNCER, [ini], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let stopped = false;
  const guard = () => {
    if (!stopped) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", guard);

  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  const bouncer: ThrowawayPgBouncer = {
    port,
    url,
    async show(what) {
      // The admin console speaks the simple query protocol only: node-postgres uses it for a query without values.
      const client = new pg.Client({ connectionString: url("pgbouncer") });
      await client.connect();
      try {
        return (await client.query(`SHOW ${what}`)).rows;
      } finally {
        await client.end();
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      // SIGINT: PgBouncer's "safe shutdown"; it closes its server connections and exits.
      const exited = new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once("exit", () => resolve());
      });
      child.kill("SIGINT");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
      process.removeListener("exit", guard);
      rmSync(dir, { recursive: true, force: true });
    },
  };

  // Ready when it answers on its port.
  for (let tries = 0; ; tries++) {
    try {
      await bouncer.show("VERSION");
      return bouncer;
    } catch (error) {
      if (child.exitCode !== null || tries > 100) {
        const log = existsSync(logFile) ? readFileSync(logFile, "utf8").slice(-2_000) : "";
        await bouncer.stop();
        throw new Error(`pgbouncer did not start: ${(error as Error).message}\n${stderr}\n${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
