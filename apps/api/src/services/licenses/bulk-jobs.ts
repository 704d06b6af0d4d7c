import type { BulkJob, BulkJobDetails, BulkLicenseReport } from "@allot/contracts";
import { Prisma, type Tx } from "@allot/db";
import { notFound } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import { decodeCursor, keysetPage } from "../../lib/cursor.js";
import type { TenantContext } from "../../types.js";
import { catalogOf, resolveChange } from "./catalog.js";
import { uuidArrayLiteral } from "./holdings.js";
import { foreignPlanViolations, violationError } from "./violations.js";

/** What a job applies: the body of POST licenses/bulkJobs, as validated. */
export interface BulkJobChange {
  userIds: string[];
  add: Array<{ skuId: string; disabledPlans: string[] }>;
  remove: string[];
  mode: "add" | "replace";
  skipAlreadyAssigned?: boolean | undefined;
}

type SeatLine = BulkLicenseReport["seats"][number];

interface JobRow {
  id: string;
  status: BulkJob["status"];
  /** The change without its user ids (up to 10,000 of them, ~400 KB): a list or a progress poll needs none. */
  request: Omit<BulkJobChange, "userIds">;
  createdByUserId: string | null;
  creatorName: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  seats: SeatLine[];
  error: string | null;
  errorCode: BulkJob["errorCode"];
}

/**
 * Stores a job and its audit event; the caller hands it to the runner. The products, plans and shape of the
 * change are checked first, so a job that could only fail is refused (404/400/422) instead of being stored.
 */
export async function createBulkJob(ctx: TenantContext, change: BulkJobChange): Promise<BulkJob> {
  const catalog = await catalogOf(ctx.db);
  const resolved = resolveChange(catalog, change.add, change.remove, { add: "body.add", remove: "body.remove" });
  const foreign = foreignPlanViolations(catalog, resolved);
  if (foreign.length > 0) throw violationError(foreign, "body.add");
  const id = await ctx.db.$transaction(async (tx) => {
    const job = await tx.licenseJob.create({
      data: {
        tenantId: ctx.tenantId,
        createdByUserId: ctx.actor.userId,
        actorRoles: ctx.roles,
        request: change as unknown as Prisma.InputJsonValue,
        total: change.userIds.length,
      },
      select: { id: true },
    });
    await audit(tx, ctx, {
      action: "licenses.bulkJobCreated",
      targetType: "licenseJob",
      targetId: job.id,
      productIds: [...resolved.add.map((entry) => entry.product.id), ...resolved.remove.map((product) => product.id)],
      after: { mode: change.mode, users: change.userIds.length, add: change.add, remove: change.remove },
    });
    return job.id;
  });
  return (await readJob(ctx.db, ctx.tenantId, id)) as BulkJob;
}

/** A job with its results; `withResults: false` (a progress poll) leaves the results out. */
export async function getBulkJob(
  ctx: TenantContext,
  jobId: string,
  { withResults }: { withResults: boolean },
): Promise<BulkJobDetails> {
  const job = await readJob(ctx.db, ctx.tenantId, jobId);
  if (!job) throw notFound("License job");
  if (!withResults) return { ...job, results: [] };
  const results = await ctx.db.$queryRaw<BulkJobDetails["results"]>`
    SELECT "userId"::text AS "userId", "displayName", ok, "added"::text[] AS added, "removed"::text[] AS removed,
           "changed"::text[] AS changed, violations
      FROM "LicenseJobResult" WHERE "jobId" = ${jobId}::uuid
     ORDER BY ok, "displayName" NULLS FIRST, "userId"`;
  return {
    ...job,
    results: results.map((result) => (result.violations ? result : { ...result, violations: undefined })),
  };
}

export async function listBulkJobs(ctx: TenantContext, query: { cursor?: string | undefined; limit: number }) {
  const after = query.cursor ? decodeCursor(query.cursor, ["datetime", "uuid"]) : undefined;
  const rows = await jobRows(
    ctx.db,
    Prisma.sql`j."tenantId" = ${ctx.tenantId}::uuid ${
      after
        ? Prisma.sql`AND (j."createdAt", j.id) < (${new Date(after[0] as string)}, ${after[1]}::uuid)`
        : Prisma.empty
    }`,
    query.limit + 1,
  );
  const page = keysetPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id]);
  return { items: page.rows.map(toJob), nextCursor: page.nextCursor };
}

async function readJob(db: Tx, tenantId: string, jobId: string): Promise<(BulkJob & { seats: SeatLine[] }) | null> {
  const [row] = await jobRows(db, Prisma.sql`j.id = ${jobId}::uuid AND j."tenantId" = ${tenantId}::uuid`, 1);
  return row ? { ...toJob(row), seats: row.seats } : null;
}

function jobRows(db: Tx, where: Prisma.Sql, limit: number): Promise<JobRow[]> {
  return db.$queryRaw<JobRow[]>`
    SELECT j.id::text AS id, j.status::text AS status, j.request - 'userIds' AS request,
           j."createdByUserId"::text AS "createdByUserId",
           u."displayName" AS "creatorName", j."createdAt", j."finishedAt", j.total, j.processed, j.succeeded,
           j.failed, j.seats, j.error, j."errorCode"
      FROM "LicenseJob" j LEFT JOIN "User" u ON u.id = j."createdByUserId"
     WHERE ${where}
     ORDER BY j."createdAt" DESC, j.id DESC LIMIT ${limit}`;
}

function toJob(row: JobRow): BulkJob {
  return {
    id: row.id,
    status: row.status,
    mode: row.request.mode,
    add: row.request.add.map((license) => ({ skuId: license.skuId, disabledPlans: license.disabledPlans })),
    remove: row.request.remove,
    createdBy: { id: row.createdByUserId, displayName: row.creatorName },
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    total: row.total,
    processed: row.processed,
    succeeded: row.succeeded,
    failed: row.failed,
    error: row.error,
    errorCode: row.errorCode,
  };
}

/**
 * Inside a chunk's transaction: claims the chunk (the job's progress must still be `offset`, read under a row lock,
 * else another runner committed it first: "taken"), then records its users' results and the job's progress, seats
 * (before from the first chunk that touched a product, after from the latest) and, with the last chunk, its end.
 */
export async function recordChunk(
  tx: Tx,
  jobId: string,
  offset: number,
  report: BulkLicenseReport,
): Promise<"taken" | "running" | "done"> {
  const [job] = await tx.$queryRaw<Array<{ tenantId: string; processed: number; total: number; seats: SeatLine[] }>>`
    SELECT "tenantId", processed, total, seats FROM "LicenseJob" WHERE id = ${jobId}::uuid FOR UPDATE`;
  if (!job) throw notFound("License job");
  if (job.processed !== offset) return "taken";
  const seats = new Map(job.seats.map((line) => [line.skuId, line]));
  for (const line of report.seats) {
    const earlier = seats.get(line.skuId);
    seats.set(line.skuId, earlier ? { ...earlier, after: line.after } : line);
  }
  const results = report.results;
  if (results.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "LicenseJobResult" ("tenantId", "jobId", "userId", "displayName", ok, added, removed, changed, violations)
      SELECT ${job.tenantId}::uuid, ${jobId}::uuid, x.user_id, x.display_name, x.ok, x.added::uuid[], x.removed::uuid[], x.changed::uuid[],
             x.violations::jsonb
        FROM unnest(${results.map((r) => r.userId)}::uuid[], ${results.map((r) => r.displayName)}::text[],
                    ${results.map((r) => r.ok)}::boolean[], ${results.map((r) => uuidArrayLiteral(r.added))}::text[],
                    ${results.map((r) => uuidArrayLiteral(r.removed))}::text[],
                    ${results.map((r) => uuidArrayLiteral(r.changed))}::text[],
                    ${results.map((r) => (r.violations ? JSON.stringify(r.violations) : null))}::text[])
             AS x(user_id, display_name, ok, added, removed, changed, violations)
      ON CONFLICT ("tenantId", "jobId", "userId") DO NOTHING`;
  }
  const succeeded = results.filter((result) => result.ok).length;
  const done = job.processed + results.length >= job.total;
  // finishedAt is server time, like createdAt and updatedAt: it records when the work ended; no rule reads it.
  await tx.$executeRaw`
    UPDATE "LicenseJob"
       SET processed = processed + ${results.length}, succeeded = succeeded + ${succeeded},
           failed = failed + ${results.length - succeeded}, seats = ${JSON.stringify([...seats.values()])}::jsonb,
           status = ${done ? "succeeded" : "running"}::"LicenseJobStatus",
           "finishedAt" = ${done ? new Date() : null}, "updatedAt" = now()
     WHERE id = ${jobId}::uuid`;
  return done ? "done" : "running";
}
