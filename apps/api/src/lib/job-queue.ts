import { type Db, poolOf } from "@allot/db";
import type { FastifyBaseLogger } from "fastify";
import PgBoss from "pg-boss";

/** The queues of the app's background work. */
export const QUEUES = {
  /** A slice of a bulk license job (data: the LicenseJob id). */
  licenseJob: "license-job",
  /** A slice of a user import's apply (data: the UserImport id). */
  userImport: "user-import",
  /** The billing lifecycle with its housekeeping (scheduled; data: none). */
  billingLifecycle: "billing-lifecycle",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** pg-boss's schema; created (and migrated on an upgrade of pg-boss) by the first start on a database. */
export const QUEUE_SCHEMA = "pgboss";

export interface JobQueueOptions {
  /** A slice whose process died is handed to another after this long (pg-boss's expiry, then a retry). */
  sliceExpireSeconds: number;
  /** How often pg-boss's maintenance (expiry, archive) runs; one process does it per interval. */
  maintenanceIntervalSeconds: number;
  /** How often an idle worker looks for work another process queued (its own work it is told of at once). */
  pollingIntervalSeconds: number;
  /** The first retry's delay of a slice that failed or expired (doubling with each retry). */
  retryDelaySeconds: number;
}

const DEFAULTS: JobQueueOptions = {
  sliceExpireSeconds: 60,
  maintenanceIntervalSeconds: 30,
  pollingIntervalSeconds: 2,
  retryDelaySeconds: 5,
};

/** A slice's length at most: well inside its expiry, so a live slice is never taken for a dead one. */
const MAX_SLICE_MS = 5_000;

/** What a slice did: the work ended (done or failed), or paused and goes on in a next slice (any process's). */
export type SliceOutcome = "ended" | "paused";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * pg-boss (a maintained PostgreSQL job queue: claims with SKIP LOCKED, retries with backoff, expiry of work whose
 * process died, cron schedules run once across processes) over the app's own connection pool. Nothing in it is
 * session state: every statement is one transaction (its locks are transaction-scoped advisory locks), there is
 * no LISTEN/NOTIFY, so it works through PgBouncer in transaction mode and on the embedded PGlite's one connection.
 * Work queued by this process starts at once: its own worker is woken instead of waiting for the next poll.
 */
export class JobQueue {
  readonly boss: PgBoss;
  readonly options: JobQueueOptions;
  private readonly workers = new Map<string, string[]>();
  private readonly pool: ReturnType<typeof poolOf>;

  constructor(
    db: Db,
    private readonly log: FastifyBaseLogger,
    options: Partial<JobQueueOptions> & { schedule?: boolean } = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    const pool = poolOf(db);
    this.pool = pool;
    this.boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
      schema: QUEUE_SCHEMA,
      migrate: true,
      supervise: true,
      schedule: options.schedule ?? false,
      maintenanceIntervalSeconds: this.options.maintenanceIntervalSeconds,
      // Completed jobs are history the app's own tables keep (LicenseJob, UserImport, audit): a day is plenty.
      archiveCompletedAfterSeconds: 3_600,
      deleteAfterDays: 1,
    });
    this.boss.on("error", (error: unknown) => this.log.warn({ err: error }, "job queue"));
  }

  /** How long one slice of a job runs before it queues the rest (so other jobs get their turn). */
  get sliceMs(): number {
    return Math.min(MAX_SLICE_MS, (this.options.sliceExpireSeconds * 1000) / 4);
  }

  async start(): Promise<void> {
    await this.boss.start();
    const slice = {
      policy: "standard" as const,
      retryLimit: 10,
      retryDelay: this.options.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: this.options.sliceExpireSeconds,
    };
    await this.ensureQueue(QUEUES.licenseJob, slice);
    await this.ensureQueue(QUEUES.userImport, slice);
    // One run at a time across every process (pg-boss's singleton policy: one active job of the queue).
    await this.ensureQueue(QUEUES.billingLifecycle, {
      policy: "singleton",
      retryLimit: 2,
      retryDelay: 60,
      expireInSeconds: 3_600,
    });
  }

  /** Creating a queue twice (every process, every start) is refused by pg-boss; the first start's wins. */
  private async ensureQueue(name: QueueName, options: Omit<PgBoss.Queue, "name">) {
    if (!(await this.boss.getQueue(name))) {
      await this.boss.createQueue(name, { name, ...options }).catch(async (error: unknown) => {
        if (!(await this.boss.getQueue(name))) throw error; // another process created it meanwhile: fine
      });
    }
  }

  /**
   * Works a queue in this process with `concurrency` workers. A slice that paused is queued again (at the back, so
   * other tenants' work gets its turn) before this one completes, so some job of the queue always stands for it.
   */
  async work(name: QueueName, concurrency: number, slice: (id: string) => Promise<SliceOutcome | undefined>) {
    const ids: string[] = [];
    for (let i = 0; i < concurrency; i++) {
      ids.push(
        await this.boss.work<{ id: string }>(
          name,
          { pollingIntervalSeconds: this.options.pollingIntervalSeconds, batchSize: 1 },
          async ([job]: PgBoss.Job<{ id: string }>[]) => {
            if (!job) return;
            if ((await slice(job.data?.id ?? "")) === "paused") await this.send(name, job.data.id);
          },
        ),
      );
    }
    for (const id of ids) this.register(name, id);
  }

  /** Records a worker of this process (by pg-boss's id), so `wake` reaches it. */
  register(name: QueueName, workerId: string): void {
    this.workers.set(name, [...(this.workers.get(name) ?? []), workerId]);
  }

  /** Queues a slice of `id` and wakes this process's workers of the queue, so it starts now if one is free. */
  async send(name: QueueName, id: string): Promise<void> {
    await this.boss.send(name, { id });
    this.wake(name);
  }

  /** Wakes this process's idle workers of the queue: they fetch now instead of at their next poll. */
  wake(name: QueueName): void {
    for (const worker of this.workers.get(name) ?? []) this.boss.notifyWorker(worker);
  }

  /** Whether some slice of `id` is queued, waiting for a retry or running (in any process). */
  async pending(name: QueueName, id: string): Promise<boolean> {
    const { rows } = await this.pool.query(
      `SELECT 1 FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND data->>'id' = $2 AND state < 'completed' LIMIT 1`,
      [name, id],
    );
    return rows.length > 0;
  }

  /** Whether any work of these queues is queued or running (tests: the app is idle). */
  async busy(names: QueueName[]): Promise<boolean> {
    const { rows } = await this.pool.query(
      `SELECT 1 FROM ${QUEUE_SCHEMA}.job WHERE name = ANY($1::text[]) AND state < 'completed' LIMIT 1`,
      [names],
    );
    return rows.length > 0;
  }

  /** Resolves once `done()` holds: polled every few milliseconds (tests and shutdown, never a request path). */
  static async until(done: () => Promise<boolean>, everyMs = 10): Promise<void> {
    while (!(await done())) await sleep(everyMs);
  }

  /** Stops the workers after their current slices (each ends at a chunk's commit) and pg-boss's timers. */
  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 30_000, close: false, wait: true });
  }
}
