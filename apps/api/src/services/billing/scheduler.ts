import { type Db, poolOf } from "@allot/db";
import type { FastifyBaseLogger } from "fastify";
import type { Clock } from "../../lib/clock.js";
import { type JobQueue, QUEUES } from "../../lib/job-queue.js";
import { type LifecycleReport, runSubscriptionLifecycle } from "./lifecycle-job.js";

/** Work that rides along with every run (forgetting stale sign-in failures, say); `now` is the billing clock's. */
export type Housekeeping = (now: Date) => Promise<unknown>;

/** The transaction-scoped advisory lock every run holds: two keys, so nothing else's single key can collide. */
const LOCK_SQL = "SELECT pg_try_advisory_xact_lock(hashtext('allot'), hashtext('billing-lifecycle')) AS locked";

/**
 * Runs the billing lifecycle job (with its trial expiry) and the housekeeping handed to it. With an interval, the
 * run is a pg-boss cron schedule: one process sends each due run (the schedule lives in the database, so N
 * processes make one run per slot), the queue's singleton policy lets one run be active at a time, a failed run is
 * retried. Every run, by the queue or by hand (`runOnce`), holds a transaction-scoped advisory lock for its whole
 * length, so two runs never overlap in any process: the second one skips. The job is idempotent anyway (each
 * transition under row locks, due steps recomputed under the lock).
 */
export class BillingScheduler {
  #running: Promise<LifecycleReport | null> | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
    private readonly intervalMs: number,
    private readonly housekeeping: readonly Housekeeping[] = [],
    private readonly queue?: JobQueue,
  ) {}

  /** Schedules the job and works its queue here, and queues a run now (once across processes starting together). */
  async start(): Promise<void> {
    const queue = this.queue;
    if (this.intervalMs <= 0 || !queue) return;
    const worker = await queue.boss.work(QUEUES.billingLifecycle, { pollingIntervalSeconds: 10 }, async () => {
      await this.run();
    });
    queue.register(QUEUES.billingLifecycle, worker);
    await queue.boss.schedule(QUEUES.billingLifecycle, cronOf(this.intervalMs), {}, { tz: "UTC" });
    const slot = Math.max(60, Math.round(this.intervalMs / 1000));
    await queue.boss.send(QUEUES.billingLifecycle, {}, { singletonKey: "start", singletonSeconds: slot });
    queue.wake(QUEUES.billingLifecycle);
  }

  /** One run now, unless one runs already (here or in another process); null when it skipped. Logs a failure. */
  async runOnce(): Promise<LifecycleReport | null> {
    try {
      return await this.run();
    } catch (error) {
      this.log.error({ err: error }, "billing lifecycle job failed; it runs again at the next interval");
      return null;
    }
  }

  private run(): Promise<LifecycleReport | null> {
    if (this.#running) return this.#running.then(() => null);
    this.#running = underLifecycleLock(this.db, async () => {
      const now = this.clock.now();
      const report = await runSubscriptionLifecycle(this.db, now);
      for (const task of this.housekeeping) await task(now);
      this.log.info({ billingLifecycle: report }, "billing lifecycle job ran");
      return report;
    }).finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** Nothing to stop: the queue's workers and schedule stop with the queue; a run in progress is awaited. */
  async stop(): Promise<void> {
    await this.#running?.catch(() => {});
  }
}

/**
 * Runs `work` while a transaction on a connection of its own holds the lifecycle's advisory lock (transaction
 * scoped: fine behind PgBouncer in transaction mode, and released by a crash). Null when another run holds it. A
 * pool of one connection (the embedded PGlite, one process by construction) cannot spare one: the process's own
 * single-flight suffices there.
 */
export async function underLifecycleLock<T>(db: Db, work: () => Promise<T>): Promise<T | null> {
  const pool = poolOf(db);
  if ((pool.options.max ?? 10) < 2) return work();
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ locked: boolean }>(LOCK_SQL);
    if (!rows[0]?.locked) return null;
    return await work();
  } finally {
    await client.query("COMMIT").catch((error: Error) => {
      broken = error;
    });
    client.release(broken);
  }
}

/** BILLING_JOB_INTERVAL_MINUTES as a cron (UTC): every N minutes (within the hour), hours or days. */
export function cronOf(intervalMs: number): string {
  const minutes = Math.max(1, Math.round(intervalMs / 60_000));
  if (minutes === 1) return "* * * * *";
  if (minutes < 60) return `*/${minutes} * * * *`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `0 */${hours} * * *`;
  return `0 0 */${Math.round(hours / 24)} * *`;
}
