import type { UserImportKind } from "@allot/contracts";
import { type Db, Prisma, type Tx } from "@allot/db";
import type { Action, Grantee } from "@allot/domain";
import type { FastifyBaseLogger } from "fastify";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { Clock } from "../../lib/clock.js";
import { isContention } from "../../lib/contention.js";
import { type JobQueue, QUEUES, type SliceOutcome } from "../../lib/job-queue.js";
import type { TenantContext } from "../../types.js";
import { creatorRoles, type JobCreator, jobContext } from "../licenses/job-creator.js";
import type { LicenseJobRunner } from "../licenses/job-runner.js";
import { LICENSE_TRANSACTION } from "../licenses/transaction.js";
import { readRows } from "./import-rows.js";
import { APPLY_ACTIONS } from "./import-state.js";
import { IMPORT_KINDS } from "./kinds/index.js";
import { finishImport, recordOutcomes } from "./record-outcomes.js";

/** Rows per chunk: one transaction each, a few hundred milliseconds. */
export const IMPORT_CHUNK_ROWS = 250;
const MAX_CONTENTION_RETRIES = 8;

interface ImportJob extends JobCreator {
  kind: UserImportKind;
  status: string;
  options: unknown;
  processed: number;
}

class Stop extends Error {}

/** Rows with an action that changes something and no outcome yet: what is left to apply. */
const ROWS_TO_APPLY = Prisma.sql`AND outcome IS NULL AND action = ANY(${[...APPLY_ACTIONS]}::text[])`;

/**
 * Applies user imports in the background on the license jobs' runner (one runner: its close waits for both, and a
 * restart resumes both). Each chunk claims its rows under the import's row lock and commits their outcomes with the
 * changes they made, so a chunk never applies twice, even when two servers resume the same import.
 */
export class UserImportApplier {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
    private readonly runner: LicenseJobRunner,
  ) {}

  schedule(importId: string): void {
    this.runner.dispatch(QUEUES.userImport, `userImport:${importId}`, importId, (deadline) =>
      this.run(importId, deadline),
    );
  }

  /** Starts this process's workers of the imports' queue. */
  serve(): Promise<void> {
    return this.runner.serveQueue(
      QUEUES.userImport,
      (id) => `userImport:${id}`,
      (id, deadline) => this.run(id, deadline),
    );
  }

  async resumeAll(queue?: JobQueue): Promise<void> {
    const imports = await this.db.userImport.findMany({ where: { status: "applying" }, select: { id: true } });
    for (const row of imports) {
      if (!(await queue?.pending(QUEUES.userImport, row.id))) this.schedule(row.id);
    }
  }

  /** Resolves when the import has ended (tests; see LicenseJobRunner.settled). */
  settled(importId: string): Promise<void> {
    return this.runner.settledOn(QUEUES.userImport, `userImport:${importId}`, importId);
  }

  private needs(job: ImportJob): Action[] {
    const kind = IMPORT_KINDS[job.kind];
    const base: Action[] = job.kind === "users" ? ["users.manage"] : ["licenses.assign"];
    return kind.needsLicenseRight(job.options) && !base.includes("licenses.assign")
      ? [...base, "licenses.assign"]
      : base;
  }

  /** Applies chunks until the import ends ("ended"), or until the deadline or a stop ("paused"). */
  private async run(importId: string, deadline: number): Promise<SliceOutcome> {
    let retries = 0;
    while (!this.runner.isStopping && Date.now() < deadline) {
      let job: ImportJob | null = null;
      let ctx: TenantContext | null = null;
      try {
        job = (await this.db.userImport.findUnique({ where: { id: importId } })) as ImportJob | null;
        if (!job || job.status !== "applying") return "ended";
        const roles: Grantee[] = (await creatorRoles(this.db, job, false, this.clock.now(), this.needs(job))) ?? [];
        ctx = jobContext(this.db, this.clock, `userImport:${importId}`, job, roles);
        const chunkCtx = ctx;
        const current = job;
        const done = await this.db.$transaction(
          (tx) => this.chunk(tx, chunkCtx, importId, current),
          LICENSE_TRANSACTION,
        );
        if (done) return "ended";
        retries = 0;
      } catch (error) {
        if (error instanceof Stop) return "ended";
        if (isContention(error) && retries < MAX_CONTENTION_RETRIES) {
          retries += 1;
          await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** retries));
          continue;
        }
        if (await this.runner.waitedForDatabase(error, importId)) continue;
        await this.fail(importId, job, ctx, error);
        return "ended";
      }
    }
    return "paused";
  }

  /** One chunk; true when the import has ended. */
  private async chunk(tx: Tx, ctx: TenantContext, importId: string, job: ImportJob): Promise<boolean> {
    const [locked] = await tx.$queryRaw<Array<{ status: string; processed: number }>>`
      SELECT status::text AS status, processed FROM "UserImport" WHERE id = ${importId}::uuid FOR UPDATE`;
    if (!locked || locked.status !== "applying") throw new Stop();
    // Again under a share lock of the creator's row, so a disable or delete cannot slip in before commit.
    if (!(await creatorRoles(tx, job, true, this.clock.now(), this.needs(job)))) {
      throw new AppError(
        "Forbidden",
        "The import stopped: the admin who applied it may no longer do this here (role removed, sign-in blocked or account deleted). The rows applied so far stay.",
      );
    }
    const rows = await readRows(tx, job.tenantId, importId, ROWS_TO_APPLY, IMPORT_CHUNK_ROWS);
    if (rows.length > 0) {
      const outcomes = await IMPORT_KINDS[job.kind].applyChunk(tx, ctx, rows, job.options);
      await recordOutcomes(tx, job.tenantId, importId, outcomes);
      if (rows.length === IMPORT_CHUNK_ROWS) return false;
    }
    await finishImport(tx, ctx, importId);
    return true;
  }

  /** A fault or a refusal of the whole chunk: the import ends "failed"; what earlier chunks committed stays. */
  private async fail(importId: string, job: ImportJob | null, ctx: TenantContext | null, error: unknown) {
    const message = error instanceof AppError ? error.message : "The import stopped on an unexpected error.";
    const code = error instanceof AppError ? error.code : "InternalError";
    if (!(error instanceof AppError)) this.log.error({ err: error, importId }, "user import chunk failed");
    await this.db.$transaction(async (tx) => {
      await tx.userImport.update({
        where: { id: importId },
        data: { status: "failed", error: message, errorCode: code, completedAt: new Date() },
      });
      if (job && ctx) {
        await audit(tx, ctx, {
          action: "userImport.failed",
          targetType: "userImport",
          targetId: importId,
          after: { processed: job.processed, error: message, code },
        });
      }
    });
  }
}
