import type { Db } from "@allot/db";
import type { FastifyBaseLogger } from "fastify";
import type { Clock } from "../../lib/clock.js";
import { runSubscriptionLifecycle } from "./lifecycle-job.js";

/** Work that rides along with every run (forgetting stale sign-in failures, say); `now` is the billing clock's. */
export type Housekeeping = (now: Date) => Promise<unknown>;

/**
 * Runs the billing lifecycle job, and the housekeeping handed to it, on a timer in the API process. Every server may run it: the job is idempotent and
 * each transition happens under row locks, so two servers at once apply it once. A run never overlaps the last.
 */
export class BillingScheduler {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
    private readonly intervalMs: number,
    private readonly housekeeping: readonly Housekeeping[] = [],
  ) {}

  start(): void {
    if (this.intervalMs <= 0 || this.#timer) return;
    this.#timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.#timer.unref();
    void this.runOnce();
  }

  async runOnce(): Promise<void> {
    if (this.#running) return this.#running;
    this.#running = (async () => {
      try {
        const now = this.clock.now();
        const report = await runSubscriptionLifecycle(this.db, now);
        for (const task of this.housekeeping) await task(now);
        this.log.info({ billingLifecycle: report }, "billing lifecycle job ran");
      } catch (error) {
        this.log.error({ err: error }, "billing lifecycle job failed; it runs again at the next interval");
      } finally {
        this.#running = undefined;
      }
    })();
    return this.#running;
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }
}
