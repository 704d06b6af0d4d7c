// A PostgreSQL cluster of a test's own (initdb + pg_ctl on a free loopback port, under a temporary folder), so a
// test can stop and start the server under a running API without disturbing the shared server other test files
// use. Whatever happens, the cluster is stopped and its folder removed: by `destroy()`, and by an exit guard when
// the test process ends before it got there.

import { execFile, spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "../src/lib/free-port.js";

const run = promisify(execFile);

/** Debian's PostgreSQL 15 tools; elsewhere whatever `initdb` and `pg_ctl` are on PATH. */
const PG_BIN = existsSync("/usr/lib/postgresql/15/bin/pg_ctl") ? "/usr/lib/postgresql/15/bin" : "";
const tool = (name: string) => (PG_BIN ? join(PG_BIN, name) : name);

/**
 * initdb refuses to run as root (and so do the tests here and on CI): then the cluster's commands run as the
 * `postgres` OS user, which owns the temporary folder.
 */
const asRoot = process.getuid?.() === 0;
function command(name: string, args: string[]): [string, string[]] {
  return asRoot ? ["runuser", ["-u", "postgres", "--", tool(name), ...args]] : [tool(name), args];
}

export interface ThrowawayCluster {
  port: number;
  /** A connection string for one of its databases (user postgres, trust auth). */
  url(database: string): string;
  /** `pg_ctl stop`: `fast` ends every session with 57P01 admin_shutdown; `immediate` kills the server outright. */
  stop(mode?: "fast" | "immediate"): Promise<void>;
  /** `pg_ctl start`, waiting until it accepts connections. */
  start(): Promise<void>;
  /** Stops the server if it runs and removes its folder; safe to call twice. */
  destroy(): Promise<void>;
}

/**
 * A new cluster, or with `standbyOf` a hot standby of a running one: `pg_basebackup -R` copies the primary's files
 * and writes the connection back to it, so the standby streams and replays its WAL (a read replica).
 */
export async function startThrowawayCluster(options: { standbyOf?: ThrowawayCluster } = {}): Promise<ThrowawayCluster> {
  const dir = mkdtempSync(join(tmpdir(), "allot-pg-"));
  const dataDir = join(dir, "data");
  const logFile = join(dir, "postgres.log");
  if (asRoot) chownSync(dir, uidOf("postgres"), gidOf("postgres"));
  const port = await freePort();
  let destroyed = false;

  // If the test process ends without destroy() (a crash, an interrupted run), the server must not outlive it.
  const guard = () => {
    if (destroyed) return;
    const [bin, args] = command("pg_ctl", ["stop", "-D", dataDir, "-m", "immediate", "-s"]);
    spawnSync(bin, args, { stdio: "ignore" });
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", guard);

  const pgCtl = async (args: string[]) => {
    const [bin, all] = command("pg_ctl", args);
    try {
      await run(bin, all, { timeout: 60_000 });
    } catch (error) {
      const log = existsSync(logFile) ? readFileSync(logFile, "utf8").slice(-2_000) : "";
      throw new Error(`pg_ctl ${args[0]} failed: ${(error as Error).message}\n${log}`);
    }
  };

  const cluster: ThrowawayCluster = {
    port,
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    stop: (mode = "fast") => pgCtl(["stop", "-D", dataDir, "-m", mode, "-w", "-s"]),
    // Loopback only, its socket file in its own folder, no fsync (a throwaway cluster need not survive a crash
    // of the machine, only of the server).
    start: () =>
      pgCtl([
        "start",
        "-D",
        dataDir,
        "-l",
        logFile,
        "-w",
        "-t",
        "60",
        "-s",
        "-o",
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
      ]),
    async destroy() {
      if (destroyed) return;
      if (existsSync(join(dataDir, "postmaster.pid"))) await cluster.stop("immediate").catch(() => {});
      destroyed = true;
      process.removeListener("exit", guard);
      rmSync(dir, { recursive: true, force: true });
    },
  };

  try {
    const primary = options.standbyOf;
    const [bin, args] = primary
      ? command("pg_basebackup", [
          "-h",
          "127.0.0.1",
          "-p",
          String(primary.port),
          "-U",
          "postgres",
          "-D",
          dataDir,
          "-R",
          "-X",
          "stream",
          "-c",
          "fast",
          "--no-sync",
        ])
      : command("initdb", [
          "-D",
          dataDir,
          "-U",
          "postgres",
          "-A",
          "trust",
          "-E",
          "UTF8",
          "--locale=C.UTF-8",
          "--no-sync",
        ]);
    await run(bin, args, { timeout: 60_000 });
    await cluster.start();
  } catch (error) {
    await cluster.destroy();
    throw error;
  }
  return cluster;
}

/** Copies a database into another (new) one, across servers: `pg_dump | psql`. */
export async function copyDatabase(fromUrl: string, toUrl: string): Promise<void> {
  const dump = spawn("pg_dump", ["--no-owner", "--no-privileges", fromUrl], { stdio: ["ignore", "pipe", "pipe"] });
  const restore = spawn("psql", ["-q", "-X", "-v", "ON_ERROR_STOP=1", toUrl], { stdio: ["pipe", "ignore", "pipe"] });
  dump.stdout.pipe(restore.stdin);
  const finished = (child: ReturnType<typeof spawn>, name: string) =>
    new Promise<void>((resolve, reject) => {
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.once("error", reject);
      child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${name} exited ${code}: ${stderr}`))));
    });
  await Promise.all([finished(dump, "pg_dump"), finished(restore, "psql")]);
}

function uidOf(user: string): number {
  return Number(spawnSync("id", ["-u", user], { encoding: "utf8" }).stdout.trim());
}

function gidOf(user: string): number {
  return Number(spawnSync("id", ["-g", user], { encoding: "utf8" }).stdout.trim());
}
