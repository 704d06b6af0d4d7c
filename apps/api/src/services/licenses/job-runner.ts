import type { Db } from "@allot/db";
import type { Grantee } from "@allot/domain";
import type { FastifyBaseLogger } from "fastify";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { Clock } from "../../lib/clock.js";
import { isContention } from "../../lib/contention.js";
import { JobQueue, QUEUES, type QueueName, type SliceOutcome } from "../../lib/job-queue.js";
import { isDatabaseUnavailable } from "../../lib/unavailable.js";
import { type BulkJobChange, recordChunk } from "./bulk-jobs.js";
import { bulkAssignLicenses } from "./bulk-licenses.js";
import { creatorRoles, jobContext } from "./job-creator.js";

/** Users per chunk: each chunk is one transaction of the bulk engine, a few hundred milliseconds at most. */
export const JOB_CHUNK_USERS = 500;
const MAX_CONTENTION_RETRIES = 8;
/** How often a job whose database is gone looks for it again. */
const UNAVAILABLE_RETRY_MS = 1_000;

/** Another runner committed this chunk first (two servers resumed the same job): this one stops. */
class ChunkTaken extends Error {}

interface JobState {
  tenantId: string;
  createdByUserId: string | null;
  actorRoles: string[];
  status: string;
  request: BulkJobChange;
  processed: number;
  total: number;
}

/**
 * Runs background work chunk after chunk: license jobs here, a user import's apply (UserImportApplier) on the same
 * runner. With a JobQueue (the app), work is queued on pg-boss, which hands each slice of it to one process: the
 * one that queued it at once, or any other that is free; a slice ends after a few seconds and queues the rest. Without
 * one (a test's bare runner), work runs in this process only. Either way every chunk commits its changes together
 * with the job's progress, and claims the chunk by checking that progress under a row lock, so a job resumed after
 * a crash (or run by two servers at once) applies every user exactly once. Closing lets current chunks finish.
 */
export class LicenseJobRunner {
  private readonly running = new Map<string, Promise<unknown>>();
  /** Sends to the queue not yet acknowledged, by key (settled waits for them). */
  private readonly sending = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    private readonly db: Db,
    /** The app's clock: each chunk's rules see the time the requests of the app see. */
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
    private readonly queue?: JobQueue,
  ) {}

  /** Starts this process's workers of the license jobs' queue. */
  serve(): Promise<void> {
    return this.serveQueue(
      QUEUES.licenseJob,
      (id) => id,
      (id, deadline) => this.run(id, deadline),
    );
  }

  /** Starts a job (unless it runs already). */
  schedule(jobId: string): void {
    this.dispatch(QUEUES.licenseJob, jobId, jobId, (deadline) => this.run(jobId, deadline));
  }

  /**
   * Hands `id`'s work to the queue, or without one runs it here (once per key in this process). The work checks
   * `isStopping` between chunks and claims each chunk itself, as `run` does for license jobs.
   */
  dispatch(name: QueueName, key: string, id: string, work: (deadline: number) => Promise<SliceOutcome>): void {
    if (this.stopping) return;
    if (!this.queue) {
      if (this.running.has(key)) return;
      const run = work(Number.POSITIVE_INFINITY)
        .catch((error: unknown) => this.log.error({ err: error, key }, "background job runner failed"))
        .finally(() => this.running.delete(key));
      this.running.set(key, run);
      return;
    }
    const sent = this.queue
      .send(name, id)
      .catch((error: unknown) => this.log.error({ err: error, key }, "background job could not be queued"))
      .finally(() => this.sending.delete(key));
    this.sending.set(key, sent);
  }

  /** This process's workers of a queue; each slice is tracked by key, so `stop` waits for it. */
  serveQueue(
    name: QueueName,
    keyOf: (id: string) => string,
    work: (id: string, deadline: number) => Promise<SliceOutcome>,
  ): Promise<void> {
    const queue = this.queue;
    if (!queue) return Promise.resolve();
    return queue.work(name, 2, async (id) => {
      const key = keyOf(id);
      // Stopping: the rest goes back to the queue for another process. Running here already (a duplicate slice):
      // that run goes on and queues the rest itself.
      if (this.stopping) return "paused";
      if (this.running.has(key)) return "ended";
      const run = work(id, Date.now() + queue.sliceMs);
      this.running.set(key, run);
      try {
        return await run;
      } finally {
        this.running.delete(key);
      }
    });
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Picks up the jobs a stopped server left queued or running (that no queued slice stands for). */
  async resumeAll(): Promise<void> {
    const jobs = await this.db.licenseJob.findMany({
      where: { status: { in: ["queued", "running"] } },
      select: { id: true },
      orderBy: { createdAt: "asc" },
    });
    for (const job of jobs) {
      if (!(await this.queue?.pending(QUEUES.licenseJob, job.id))) this.schedule(job.id);
    }
  }

  /** Lets running chunks finish, starts no new ones. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.sending.values(), ...this.running.values()].map((run) => run.catch(() => {})));
  }

  /** Resolves when the job has ended (tests): here, or with a queue, when no slice of it is queued or running. */
  settled(jobId: string): Promise<void> {
    return this.settledOn(QUEUES.licenseJob, jobId, jobId);
  }

  async settledOn(name: QueueName, key: string, id: string): Promise<void> {
    const { queue, sending, running } = this;
    if (!queue) return void (await running.get(key)?.catch(() => {}));
    await JobQueue.until(async () => !sending.has(key) && !running.has(key) && !(await queue.pending(name, id)));
  }

  /** Resolves once no job runs (in this process, or with a queue queued anywhere), including ones scheduled meanwhile. */
  idle(): Promise<void> {
    const { queue, sending, running } = this;
    const names = [QUEUES.licenseJob, QUEUES.userImport];
    return JobQueue.until(async () => sending.size + running.size === 0 && !(await queue?.busy(names)));
  }

  /** Runs the job's chunks until it ends ("ended"), or until the deadline or a stop ("paused"). */
  private async run(jobId: string, deadline: number): Promise<SliceOutcome> {
    let retries = 0;
    while (!this.stopping && Date.now() < deadline) {
      let job: JobState | null;
      let roles: Grantee[] | null;
      try {
        job = (await this.db.licenseJob.findUnique({ where: { id: jobId } })) as JobState | null;
        if (!job || job.status === "succeeded" || job.status === "failed") return "ended";
        // Each chunk acts with the creator's rights as they are now, not as they were when the job was created.
        roles = await creatorRoles(this.db, job, false, this.clock.now(), ["licenses.assign"]);
      } catch (error) {
        if (await this.waitedForDatabase(error, jobId)) continue;
        throw error;
      }
      const current = job;
      const offset = job.processed;
      const userIds = job.request.userIds.slice(offset, offset + JOB_CHUNK_USERS);
      const ctx = jobContext(this.db, this.clock, `job:${jobId}`, job, roles ?? []);
      try {
        if (!roles) throw creatorForbidden();
        await bulkAssignLicenses(
          ctx,
          { ...job.request, userIds, atomic: false, dryRun: false },
          {
            auditRun: false,
            beforeCommit: async (tx, report) => {
              // Again under a share lock of the creator's row, so a disable or delete cannot slip in before commit.
              if (!(await creatorRoles(tx, current, true, this.clock.now(), ["licenses.assign"]))) {
                throw creatorForbidden();
              }
              const progress = await recordChunk(tx, jobId, offset, report);
              if (progress === "taken") throw new ChunkTaken();
              if (progress === "done") {
                await audit(tx, ctx, {
                  action: "licenses.bulkJobFinished",
                  targetType: "licenseJob",
                  targetId: jobId,
                  after: { users: current.total },
                });
              }
            },
          },
        );
        retries = 0;
      } catch (error) {
        if (error instanceof ChunkTaken) return "ended";
        if (isContention(error) && retries < MAX_CONTENTION_RETRIES) {
          retries += 1;
          await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** retries));
          continue;
        }
        if (await this.waitedForDatabase(error, jobId)) continue;
        // A rule that refuses the whole change (the catalog changed since the job was checked) or a fault: the job
        // ends here; what earlier chunks committed stays, and the job says so.
        const message = error instanceof AppError ? error.message : "The job stopped on an unexpected error.";
        const code = error instanceof AppError ? error.code : "InternalError";
        if (!(error instanceof AppError)) this.log.error({ err: error, jobId }, "license job chunk failed");
        await this.db.$transaction(async (tx) => {
          await tx.licenseJob.update({
            where: { id: jobId },
            // Server time, like the job's createdAt: it records when the work ended; no rule reads it.
            data: { status: "failed", error: message, errorCode: code, finishedAt: new Date() },
          });
          await audit(tx, ctx, {
            action: "licenses.bulkJobFailed",
            targetType: "licenseJob",
            targetId: jobId,
            after: { users: current.total, processed: offset, error: message, code },
          });
        });
        return "ended";
      }
    }
    return "paused";
  }

  /**
   * The database went away (a restart, a failover): the chunk in flight committed nothing, or everything with its
   * progress. Rather than fail a job that only has to wait, the runner waits and reads the progress again, as a
   * restarted server would, for as long as the database is gone. False for any other error.
   */
  async waitedForDatabase(error: unknown, jobId: string): Promise<boolean> {
    if (!isDatabaseUnavailable(error) || this.stopping) return false;
    this.log.warn({ err: error, jobId }, "license job waits for the database");
    await new Promise((resolve) => setTimeout(resolve, UNAVAILABLE_RETRY_MS));
    return true;
  }
}

const creatorForbidden = () =>
  new AppError(
    "Forbidden",
    "The job stopped: the admin who started it may no longer change licenses here (role removed, sign-in blocked or account deleted). The changes made so far stay.",
  );
