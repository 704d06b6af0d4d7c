import type { SqlTx } from "@allot/db";
import type { DirectLicense, UserLicenses } from "@allot/domain";

/** One row of LicenseAssignment as the licensing services read it. */
export interface AssignmentRow {
  userId: string;
  productId: string;
  assignedByGroupId: string | null;
  disabledServicePlanIds: string[];
  state: "active" | "activeWithError" | "disabled" | "error";
}

export interface Holdings {
  /** Live users of the tenant among those asked for, with what they hold. */
  users: Map<string, UserLicenses>;
  /** Their assignment rows, direct and inherited. */
  rows: AssignmentRow[];
  /** Ids asked for that are not live users of this tenant (unknown, deleted, or another tenant's). */
  missing: string[];
  /** Display names of the live users, for reports people read. */
  names: Map<string, string>;
}

/**
 * Locks the users' rows (in id order: every licensing change does, so two of them cannot deadlock) and reads the
 * licenses they hold. Holding a user's row lock is what makes its assignment rows safe to change. The lock is
 * FOR NO KEY UPDATE, not FOR UPDATE: inserting a row that references a user (a group membership, an audit event
 * by that user as actor) takes FOR KEY SHARE on it in whatever order, which FOR UPDATE would block — and deadlock.
 */
export async function lockHoldings(tx: SqlTx, tenantId: string, userIds: readonly string[]): Promise<Holdings> {
  const ids = [...new Set(userIds)].sort();
  // The ids travel as one array literal (validated UUIDs, or ids read from the database): a bulk change's 10,000
  // ids as an array parameter cost Prisma's parameter handling far more than one string does.
  const people = await tx.$queryRaw<
    Array<{ id: string; displayName: string; userType: "member" | "guest"; usageLocation: string | null }>
  >`
    SELECT id::text AS id, "displayName", "userType"::text AS "userType", "usageLocation"::text AS "usageLocation"
      FROM "User"
     WHERE "tenantId" = ${tenantId}::uuid AND id = ANY(${uuidArrayLiteral(ids)}::uuid[]) AND "deletedAt" IS NULL
     ORDER BY id FOR NO KEY UPDATE`;
  const rows = await tx.$queryRaw<AssignmentRow[]>`
    SELECT "userId"::text AS "userId", "productId"::text AS "productId",
           "assignedByGroupId"::text AS "assignedByGroupId",
           "disabledServicePlanIds"::text[] AS "disabledServicePlanIds", state::text AS state
      FROM "LicenseAssignment"
     WHERE "userId" = ANY(${uuidArrayLiteral(people.map((person) => person.id))}::uuid[])`;
  const direct = new Map<string, DirectLicense[]>();
  const inherited = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.assignedByGroupId === null) {
      const list = direct.get(row.userId) ?? [];
      list.push({ productId: row.productId, disabledServicePlanIds: row.disabledServicePlanIds });
      direct.set(row.userId, list);
    } else if (holdsSeat(row)) {
      const set = inherited.get(row.userId) ?? new Set<string>();
      set.add(row.productId);
      inherited.set(row.userId, set);
    }
  }
  const users = new Map<string, UserLicenses>();
  for (const person of people) {
    users.set(person.id, {
      userId: person.id,
      userType: person.userType,
      usageLocation: person.usageLocation,
      direct: direct.get(person.id) ?? [],
      inherited: inherited.get(person.id) ?? new Set(),
    });
  }
  return {
    users,
    rows,
    missing: ids.filter((id) => !users.has(id)),
    names: new Map(people.map((person) => [person.id, person.displayName])),
  };
}

/** An assignment in effect holds (a share of) a seat; one that could not apply (error) does not. */
export function holdsSeat(row: Pick<AssignmentRow, "state">): boolean {
  return row.state !== "error";
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Postgres array literal for a uuid[] column, so many rows' arrays (or one long list of ids) can travel as one
 * text parameter. Every element must be a UUID: a comma or brace inside one would otherwise add elements.
 */
export function uuidArrayLiteral(ids: readonly string[]): string {
  for (const id of ids) {
    if (!UUID.test(id)) throw new TypeError(`not a UUID: ${JSON.stringify(id).slice(0, 60)}`);
  }
  return `{${ids.join(",")}}`;
}
