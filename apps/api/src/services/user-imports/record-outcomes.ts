import { Prisma, type Tx } from "@allot/db";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { APPLY_ACTIONS } from "./import-state.js";
import type { RowOutcome } from "./kinds/kind.js";

/** Inside a chunk's transaction: the rows' outcomes and the import's progress, committed with the chunk's changes. */
export async function recordOutcomes(tx: Tx, tenantId: string, importId: string, outcomes: readonly RowOutcome[]) {
  if (outcomes.length === 0) return;
  await tx.$executeRaw`
    UPDATE "UserImportRow" r
       SET outcome = x.outcome, "errorCode" = x.code, "errorMessage" = x.message, "userId" = x.user_id::uuid,
           password = x.password
      FROM unnest(${outcomes.map((o) => o.line)}::int[], ${outcomes.map((o) => o.outcome)}::text[],
                  ${outcomes.map((o) => o.error?.code ?? null)}::text[],
                  ${outcomes.map((o) => o.error?.message ?? null)}::text[], ${outcomes.map((o) => o.userId)}::text[],
                  ${outcomes.map((o) => o.password)}::text[]) AS x(line, outcome, code, message, user_id, password)
     WHERE r."tenantId" = ${tenantId}::uuid AND r."importId" = ${importId}::uuid AND r.line = x.line`;
  const succeeded = outcomes.filter((o) => o.outcome === "succeeded").length;
  const failed = outcomes.filter((o) => o.outcome === "failed").length;
  const passwords = outcomes.some((o) => o.password !== null);
  await tx.$executeRaw`
    UPDATE "UserImport"
       SET processed = processed + ${outcomes.length}, succeeded = succeeded + ${succeeded},
           failed = failed + ${failed}, "updatedAt" = now()
           ${passwords ? Prisma.sql`, passwords = 'pending'` : Prisma.empty}
     WHERE id = ${importId}::uuid AND "tenantId" = ${tenantId}::uuid`;
}

/** The last chunk: rows that change nothing are skipped, the import is completed and audited with its counts. */
export async function finishImport(tx: Tx, ctx: TenantContext, importId: string) {
  const skipped = await tx.$executeRaw`
    UPDATE "UserImportRow" SET outcome = 'skipped'
     WHERE "tenantId" = ${ctx.tenantId}::uuid AND "importId" = ${importId}::uuid AND outcome IS NULL
       AND NOT (action = ANY(${[...APPLY_ACTIONS]}::text[]))`;
  const done = await tx.userImport.update({
    where: { id: importId },
    // Server time, like createdAt: it records when the work ended; no rule reads it.
    data: { status: "completed", skipped, completedAt: new Date() },
    select: { kind: true, succeeded: true, failed: true, skipped: true },
  });
  await audit(tx, ctx, {
    action: "userImport.finished",
    targetType: "userImport",
    targetId: importId,
    after: done,
  });
}
