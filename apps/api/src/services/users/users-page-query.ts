import type { UserDirectoryFilter } from "@allot/contracts";
import { Prisma } from "@allot/db";
import { earliestRestorableDeletion, type TenantRole } from "@allot/domain";
import { likeLiteral } from "../../lib/like.js";
import { USER_COLUMNS } from "../directory/user-columns.js";

/** pg_trgm indexes only help from three characters on; shorter terms walk the name index instead. */
const TRIGRAM_MIN_LENGTH = 3;

export interface UserPageCriteria {
  tenantId: string;
  search?: string | undefined;
  type?: "member" | "guest" | undefined;
  role?: TenantRole | undefined;
  licensed?: boolean | undefined;
  /** Lists users still restorable at `now` instead of live ones. */
  deleted?: boolean | undefined;
  /** Only members of this group. */
  groupId?: string | undefined;
  /** Only holders of this product (by product id), directly or through a group, in effect. */
  productId?: string | undefined;
  /** Directory filters: exact matches ignoring letter case (`country` an upper-case ISO code). */
  department?: string | undefined;
  jobTitle?: string | undefined;
  officeLocation?: string | undefined;
  city?: string | undefined;
  country?: string | undefined;
  /** Keyset: the (displayName, id) of the previous page's last row. */
  after?: { displayName: string; id: string } | undefined;
  /** Rows to fetch: the page size plus one, to know whether another page follows. */
  take: number;
  /** Numbered pages: rows to skip before the page (never with `after`). */
  offset?: number | undefined;
  /** The time the restore window is measured at (the clock's). */
  now: Date;
}

/**
 * The Active users list as one SQL statement, in (displayName, id) order. Written by hand because the planner
 * needs these shapes (see bench/users-list.ts, which runs this very statement through raw pg as its baseline):
 * - paging is a row comparison, which the (tenantId, displayName, id) index seeks to, so page 2000 costs what
 *   page 1 costs;
 * - the role list and licenses are per-row subqueries on indexed columns, not an aggregate of every row;
 * - a search of three or more characters first collects its matches through the trigram indexes (a materialised
 *   CTE keeps the planner from walking the whole name index hoping to find 51 matches early), then sorts them.
 */
export function userPageQuery(c: UserPageCriteria): Prisma.Sql {
  return userListQuery(c, USER_COLUMNS);
}

/** The ids of every user matching the criteria (up to `take`), in list order: "select all that match". */
export function userIdsQuery(c: Omit<UserPageCriteria, "after">): Prisma.Sql {
  return userListQuery(c, Prisma.sql`u.id::text AS id`);
}

/** How many users match the criteria (paging aside): the total of a numbered list. */
export function userCountQuery(c: Omit<UserPageCriteria, "after" | "take" | "offset">): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS total FROM "User" u WHERE ${listConditions(c)}`;
}

/** The domain's `isRestorable(u."deletedAt", now)` as a condition on the row aliased `u`. */
function isRestorableSql(now: Date): Prisma.Sql {
  return Prisma.sql`u."deletedAt" >= ${earliestRestorableDeletion(now)}`;
}

function listConditions(c: Omit<UserPageCriteria, "take" | "offset">): Prisma.Sql {
  const conditions: Prisma.Sql[] = [
    Prisma.sql`u."tenantId" = ${c.tenantId}::uuid`,
    c.deleted ? isRestorableSql(c.now) : Prisma.sql`u."deletedAt" IS NULL`,
  ];
  if (c.type) conditions.push(Prisma.sql`u."userType" = ${c.type}::"UserType"`);
  if (c.role === "member") {
    conditions.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "RoleAssignment" r WHERE r."userId" = u.id)`);
  } else if (c.role) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "RoleAssignment" r WHERE r."userId" = u.id AND r.role = ${c.role}::"TenantRole")`,
    );
  }
  if (c.licensed !== undefined) {
    const exists = Prisma.sql`EXISTS (SELECT 1 FROM "LicenseAssignment" l WHERE l."userId" = u.id AND l.state <> 'error')`;
    conditions.push(c.licensed ? exists : Prisma.sql`NOT ${exists}`);
  }
  if (c.productId) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "LicenseAssignment" l
                  WHERE l."userId" = u.id AND l."productId" = ${c.productId}::uuid AND l.state <> 'error')`,
    );
  }
  if (c.groupId) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "GroupMember" g WHERE g."groupId" = ${c.groupId}::uuid AND g."userId" = u.id)`,
    );
  }
  conditions.push(...directoryConditions(c));
  if (c.search) {
    const pattern = `%${likeLiteral(c.search)}%`;
    conditions.push(Prisma.sql`(u."displayName" ILIKE ${pattern} OR u.email ILIKE ${pattern})`);
  }
  if (c.after) {
    conditions.push(Prisma.sql`(u."displayName", u.id) > (${c.after.displayName}, ${c.after.id}::uuid)`);
  }
  return Prisma.join(conditions, " AND ");
}

/**
 * The directory filters. Case-insensitive equality through lower() on both sides: no index serves it, but each
 * filter narrows the rows the tenant's (tenantId, displayName, id) walk already reads, so a page stays a page's work
 * unless the filter matches almost nobody.
 */
function directoryConditions(c: Pick<UserPageCriteria, UserDirectoryFilter>): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (c.department !== undefined) conditions.push(Prisma.sql`lower(u.department) = lower(${c.department})`);
  if (c.jobTitle !== undefined) conditions.push(Prisma.sql`lower(u."jobTitle") = lower(${c.jobTitle})`);
  if (c.officeLocation !== undefined) {
    conditions.push(Prisma.sql`lower(u."officeLocation") = lower(${c.officeLocation})`);
  }
  if (c.city !== undefined) conditions.push(Prisma.sql`lower(u.city) = lower(${c.city})`);
  if (c.country !== undefined) conditions.push(Prisma.sql`u.country = ${c.country.toUpperCase()}`);
  return conditions;
}

function userListQuery(c: UserPageCriteria, columns: Prisma.Sql): Prisma.Sql {
  const where = listConditions(c);
  const skip = c.offset ? Prisma.sql` OFFSET ${c.offset}` : Prisma.empty;
  if (c.search && c.search.length >= TRIGRAM_MIN_LENGTH) {
    return Prisma.sql`WITH matches AS MATERIALIZED (
        SELECT u.id, u."displayName" FROM "User" u WHERE ${where}
      ), page AS (
        SELECT id, "displayName" FROM matches ORDER BY "displayName", id LIMIT ${c.take}${skip}
      )
      SELECT ${columns} FROM page p JOIN "User" u ON u.id = p.id ORDER BY p."displayName", p.id`;
  }
  return Prisma.sql`SELECT ${columns} FROM "User" u WHERE ${where} ORDER BY u."displayName", u.id LIMIT ${c.take}${skip}`;
}
