import type { Tx } from "@allot/db";
import { samePlans } from "@allot/domain";
import type { TenantContext } from "../../../types.js";
import { applyLicenseChanges, type UserOutcome } from "../../licenses/apply-changes.js";
import { catalogOf } from "../../licenses/catalog.js";
import type { RowOutcome, StoredRow } from "./kind.js";
import type { LicensesRowData } from "./licenses-verify.js";

/**
 * One chunk of a license file import, inside the chunk's transaction. Each user's whole change (assign, change and
 * remove together, as the file asks) is applied when the chunk holds the row that carries it, through the one path
 * every license change takes (user and seat locks, the domain's rules, audit): all of it or, refused, none of it,
 * with the rule's code (CountViolation…) on each of the user's rows in the chunk. A user's rows in later chunks
 * (removals come after the file's rows) report what became of that change, read from the user's licenses.
 */
export async function applyLicensesChunk(
  tx: Tx,
  ctx: TenantContext,
  rows: readonly StoredRow[],
): Promise<RowOutcome[]> {
  const dataOf = (row: StoredRow) => row.data as unknown as LicensesRowData;
  const perUser = new Map<string, NonNullable<LicensesRowData["change"]>>();
  for (const row of rows) {
    const change = dataOf(row).change;
    if (change && row.existingUserId) perUser.set(row.existingUserId, change);
  }
  const results = new Map<string, UserOutcome>();
  const catalog = await catalogOf(ctx.db, tx);
  if (perUser.size > 0) {
    const outcome = await applyLicenseChanges(tx, ctx, catalog, {
      userIds: [...perUser.keys()],
      add: [],
      remove: [],
      perUser,
      mode: "add",
      // A license given meanwhile with the very plans the file asks for is no refusal.
      skipAlreadyAssigned: true,
      atomic: false,
      dryRun: false,
    });
    for (const result of outcome.results) results.set(result.userId, result);
  }
  const later = rows.filter((row) => row.existingUserId && !perUser.has(row.existingUserId));
  const direct = await directLicensesOf(tx, ctx.tenantId, [
    ...new Set(later.map((row) => row.existingUserId as string)),
  ]);

  return rows.map((row): RowOutcome => {
    const userId = row.existingUserId;
    const data = dataOf(row);
    const base = { line: row.line, userId, password: null };
    if (!userId) return { ...base, outcome: "failed", error: { code: "NotFound", message: "No such user." } };
    const result = results.get(userId);
    if (result) {
      if (result.ok) return { ...base, outcome: "succeeded", error: null };
      // The rule that refused this row's product, else the user's first (one user's change is all or nothing).
      const skuId = catalog.byId.get(data.productId ?? "")?.skuId ?? null;
      const violation = result.violations.find((v) => v.skuId === skuId) ?? result.violations[0];
      return {
        ...base,
        outcome: "failed",
        error: { code: violation?.code ?? "Refused", message: violation?.message ?? "The change was refused." },
      };
    }
    // The user's change was applied (or refused) with an earlier row: this row's part shows in its licenses.
    const held = direct.get(userId)?.get(data.productId ?? "");
    const done =
      row.action === "remove" ? held === undefined : held !== undefined && samePlans(held, data.disabledServicePlanIds);
    if (done) return { ...base, outcome: "succeeded", error: null };
    return {
      ...base,
      outcome: "failed",
      error: {
        code: "NotApplied",
        message: `${row.userPrincipalName}'s changes go together and were not applied: line ${data.leadLine} says why.`,
      },
    };
  });
}

/** Users' direct licenses now: product id → disabled plans. */
async function directLicensesOf(tx: Tx, tenantId: string, userIds: string[]) {
  const byUser = new Map<string, Map<string, string[]>>();
  if (userIds.length === 0) return byUser;
  const rows = await tx.$queryRaw<Array<{ userId: string; productId: string; disabledServicePlanIds: string[] }>>`
    SELECT "userId"::text AS "userId", "productId"::text AS "productId",
           "disabledServicePlanIds"::text[] AS "disabledServicePlanIds"
      FROM "LicenseAssignment"
     WHERE "tenantId" = ${tenantId}::uuid AND "userId" = ANY(${userIds}::uuid[]) AND "assignedByGroupId" IS NULL`;
  for (const row of rows) {
    const licenses = byUser.get(row.userId) ?? new Map<string, string[]>();
    licenses.set(row.productId, row.disabledServicePlanIds);
    byUser.set(row.userId, licenses);
  }
  return byUser;
}
