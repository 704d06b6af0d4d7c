import cluster, { type Worker } from "node:cluster";
import closeWithGrace from "close-with-grace";
import { buildApp } from "../app.js";
import type { Config } from "../config.js";
import { openDatabase } from "../db/open-database.js";
import { prepareDatabase, startBanner } from "./prepare.js";

/** How long a stopping worker may take to finish its requests before it is killed. */
const DRAIN_MS = 10_000;
/** A worker that dies sooner than this after its start is restarted only after a pause, so a crash loop idles. */
const CRASH_LOOP_MS = 5_000;

/**
 * The number of API processes a start runs: `--workers N` on the command line, else WEB_CONCURRENCY (the variable
 * hosting platforms set), else 1 (no cluster: the server runs in this process).
 */
export function workerCount(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const flag = argv.findIndex((arg) => arg === "--workers" || arg.startsWith("--workers="));
  const given = flag < 0 ? env.WEB_CONCURRENCY : argv[flag]?.includes("=") ? argv[flag]?.split("=")[1] : argv[flag + 1];
  if (given === undefined || given === "") return 1;
  const count = Number(given);
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    throw new Error(`--workers / WEB_CONCURRENCY must be a whole number from 1 to 64, not "${given}"`);
  }
  return count;
}

/**
 * The primary of a cluster start: migrates and seeds once, then forks `count` workers that serve the same port
 * (node:cluster hands them the connections in turn). A worker that dies is replaced; SIGTERM or SIGINT stops every
 * worker gracefully (each finishes its requests) and then the primary. Workers share all state through PostgreSQL
 * (sessions, idempotency keys, rate budgets), so any worker may serve any request.
 */
export async function runPrimary(config: Config, count: number): Promise<void> {
  if (!config.databaseUrl) {
    process.stderr.write(
      "--workers / WEB_CONCURRENCY needs DATABASE_URL: the embedded PostgreSQL serves one process only.\n",
    );
    process.exit(2);
  }
  const prepared = await prepareDatabase(config);
  const { setupToken, demo, seeded } = prepared;
  await prepared.database.close();

  let stopping = false;
  const startedAt = new Map<Worker, number>();
  const fork = () => {
    const worker = cluster.fork({ ALLOT_WORKER_SETUP_TOKEN: setupToken ?? "" });
    startedAt.set(worker, Date.now());
  };
  let listening = 0;
  cluster.on("listening", () => {
    listening += 1;
    // Printed once, when the first set of workers all serve (what the README and the tests look for).
    if (listening === count) {
      process.stdout.write(startBanner(config, { demo, seeded, setupToken, embedded: false }));
      process.stdout.write(`${count} API worker processes share port ${config.port}.\n`);
    }
  });
  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) return;
    process.stderr.write(`API worker ${worker.process.pid} exited (${signal ?? code}); starting another\n`);
    setTimeout(fork, lived < CRASH_LOOP_MS ? 1_000 : 0);
  });
  for (let i = 0; i < count; i++) fork();

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: stopping ${startedAt.size} API workers\n`);
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    for (const worker of workers) worker.process.kill("SIGTERM");
    const killer = setTimeout(() => {
      for (const worker of workers) worker.process.kill("SIGKILL");
    }, DRAIN_MS + 2_000);
    Promise.all(workers.map((w) => (w.isDead() ? null : new Promise((resolve) => w.once("exit", resolve))))).then(
      () => {
        clearTimeout(killer);
        process.exit(0);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** A cluster worker: the database as its primary left it, the primary's setup token, the shared port. */
export async function runWorker(config: Config): Promise<void> {
  const database = await openDatabase(config, false);
  const setupToken = process.env.ALLOT_WORKER_SETUP_TOKEN || undefined;
  const app = await buildApp({ config, db: database.db, ...(setupToken ? { setupToken } : {}) });
  closeWithGrace({ delay: DRAIN_MS }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, "shutting down after an error");
    else app.log.info({ signal }, "shutting down");
    await app.close();
    await database.close();
  });
  await app.listen({ host: config.host, port: config.port });
}
