import type { DirectLicense } from "@allot/domain";
import type { CsvFile } from "../../../lib/csv-read.js";
import type { TenantContext } from "../../../types.js";
import { planLicenseAssignments } from "../../licenses/assignment-plan.js";
import type { PlanUser } from "../../licenses/assignment-plan-rows.js";
import { catalogOf } from "../../licenses/catalog.js";
import type { ImportAction, VerifiedRow } from "./kind.js";
import { licenseFileRows } from "./licenses-columns.js";

/** What a license file's row stores beside the columns UserImportRow has. */
export interface LicensesRowData {
  productId: string | null;
  disabledServicePlanIds: string[];
  /** Seats the row frees (+1, a removal) or takes (-1, a new product the user held no seat of). */
  seatDelta: number;
  destroysServiceData: boolean;
  /** For a row the plan adds after the file's rows (a removal): the line of the user's last row in the file. */
  userLine: number | null;
  /**
   * On the user's first row that changes something: the user's whole change, applied all or nothing when this row
   * is applied. The user's other rows report what became of it.
   */
  change: { add: DirectLicense[]; remove: string[] } | null;
  /** The line of the row that carries the user's change. */
  leadLine: number | null;
  /** The action verify planned (a preview may refuse the row for want of seats, and a later one take that back). */
  planned: ImportAction;
}

/** Users read per query when looking up a file's User Names. */
const LOOKUP_BATCH = 10_000;

/**
 * Reads the license assignment file and plans it against the tenant's users and licenses now (see
 * licenses/assignment-plan.ts). Removals are rows of their own, numbered on after the file's last line.
 */
export async function verifyLicenses(ctx: TenantContext, file: CsvFile): Promise<VerifiedRow[]> {
  const { rows, headers } = licenseFileRows(file);
  const catalog = await catalogOf(ctx.db);
  const names = [...new Set(rows.map((row) => row.userName.trim().toLowerCase()).filter((name) => name !== ""))];
  const users = new Map<string, PlanUser>();
  for (let start = 0; start < names.length; start += LOOKUP_BATCH) {
    for (const user of await loadUsers(ctx, names.slice(start, start + LOOKUP_BATCH))) {
      users.set(user.userPrincipalName, user);
    }
  }
  const plan = planLicenseAssignments({
    rows,
    products: [...catalog.byId.values()],
    users,
    available: new Map(),
    headers,
  });
  let nextLine = rows.reduce((last, row) => Math.max(last, row.line), file.headerLine) + 1;
  const verified = plan.rows.map((row): VerifiedRow & { data: LicensesRowData } => {
    const line = row.fromFile ? row.line : nextLine++;
    const seatDelta =
      row.action === "remove" && !inheritsSeat(users, row.userPrincipalName, row.productId)
        ? 1
        : row.action === "assign" && !inheritsSeat(users, row.userPrincipalName, row.productId)
          ? -1
          : 0;
    return {
      line,
      userPrincipalName: row.userPrincipalName,
      displayName: row.displayName,
      product: row.product,
      problems: row.problems,
      existingUserId: row.userId,
      action: row.action,
      changes: row.changes,
      data: {
        productId: row.productId,
        disabledServicePlanIds: row.disabledServicePlanIds,
        seatDelta,
        destroysServiceData: row.destroysServiceData,
        userLine: row.fromFile ? null : row.line,
        change: null,
        leadLine: null,
        planned: row.action,
      },
    };
  });
  // Each user's change rides on its first row that changes something.
  const changes = new Map(plan.changes.map((change) => [change.userId, change]));
  const leads = new Map<string, number>();
  for (const row of verified) {
    const userId = row.existingUserId;
    if (!userId || !["assign", "change", "remove"].includes(row.action)) continue;
    if (!leads.has(userId)) {
      leads.set(userId, row.line);
      const change = changes.get(userId);
      row.data.change = change ? { add: change.add, remove: change.remove } : null;
    }
    row.data.leadLine = leads.get(userId) ?? null;
  }
  return verified.sort((a, b) => a.line - b.line);
}

function inheritsSeat(users: ReadonlyMap<string, PlanUser>, name: string, productId: string | null): boolean {
  return users.get(name)?.inherited.some((license) => license.productId === productId && license.holdsSeat) ?? false;
}

interface HoldingRow {
  userId: string;
  productId: string;
  groupName: string | null;
  disabledServicePlanIds: string[];
  state: string;
}

/** Live users of this tenant by sign-in name, with their direct and inherited licenses. */
async function loadUsers(ctx: TenantContext, emails: string[]): Promise<PlanUser[]> {
  const people = await ctx.db.user.findMany({
    where: { tenantId: ctx.tenantId, email: { in: emails }, deletedAt: null },
    select: { id: true, email: true, displayName: true },
  });
  const holdings = await ctx.db.$queryRaw<HoldingRow[]>`
    SELECT la."userId"::text AS "userId", la."productId"::text AS "productId", g."displayName" AS "groupName",
           la."disabledServicePlanIds"::text[] AS "disabledServicePlanIds", la.state::text AS state
      FROM "LicenseAssignment" la LEFT JOIN "Group" g ON g.id = la."assignedByGroupId"
     WHERE la."tenantId" = ${ctx.tenantId}::uuid AND la."userId" = ANY(${people.map((p) => p.id)}::uuid[])`;
  const byUser = new Map<string, HoldingRow[]>();
  for (const row of holdings) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  return people.map((person) => {
    const rows = byUser.get(person.id) ?? [];
    return {
      id: person.id,
      userPrincipalName: person.email,
      displayName: person.displayName,
      direct: rows
        .filter((row) => row.groupName === null)
        .map((row) => ({ productId: row.productId, disabledServicePlanIds: row.disabledServicePlanIds })),
      inherited: rows.flatMap((row) =>
        row.groupName === null
          ? []
          : [
              {
                productId: row.productId,
                groupName: row.groupName,
                disabledServicePlanIds: row.disabledServicePlanIds,
                holdsSeat: row.state !== "error",
              },
            ],
      ),
    };
  });
}
