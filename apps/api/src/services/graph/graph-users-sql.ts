import { Prisma } from "@allot/db";
import type { UsersQuery } from "../../graph/odata/users-query.js";
import type { Catalog } from "../licenses/catalog.js";
import { graphUserColumns } from "./graph-user-columns.js";
import { filterSql } from "./graph-user-filter.js";

/**
 * The statements of Graph's users collection, apart so a bench can EXPLAIN exactly what the service runs. A page
 * is a keyset seek: by id on the (tenantId, id) index (Graph's order), or by (displayName, id) on the
 * (tenantId, displayName, id) index, so the last page of 100,000 users costs what the first does.
 */
export interface GraphUsersCriteria {
  tenantId: string;
  query: UsersQuery;
  catalog: Catalog;
}

function matching({ tenantId, query, catalog }: GraphUsersCriteria, idsAfter?: string): Prisma.Sql {
  return Prisma.join(
    [
      Prisma.sql`u."tenantId" = ${tenantId}::uuid`,
      Prisma.sql`u."deletedAt" IS NULL`,
      ...(query.filter ? [filterSql(query.filter, { catalog, idsAfter })] : []),
    ],
    " AND ",
  );
}

/** One page and the first row of the next (which only tells that there is one). */
export function graphUsersPageSql(criteria: GraphUsersCriteria, withAssignments: boolean): Prisma.Sql {
  const { query } = criteria;
  return Prisma.sql`SELECT ${graphUserColumns(withAssignments)}
      FROM "User" u
     WHERE ${matching(criteria, query.orderBy.by === "id" ? query.after?.id : undefined)}${keysetAfter(query)}
     ORDER BY ${ordering(query)}
     LIMIT ${query.top + 1}`;
}

/** How many users the filter matches, paging aside: $count. */
export function graphUsersCountSql(criteria: GraphUsersCriteria): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS total FROM "User" u WHERE ${matching(criteria)}`;
}

function ordering({ orderBy }: UsersQuery): Prisma.Sql {
  if (orderBy.by === "id") return Prisma.sql`u.id`;
  return orderBy.direction === "asc" ? Prisma.sql`u."displayName", u.id` : Prisma.sql`u."displayName" DESC, u.id DESC`;
}

function keysetAfter({ orderBy, after }: UsersQuery): Prisma.Sql {
  if (!after) return Prisma.empty;
  if (orderBy.by === "id") return Prisma.sql` AND u.id > ${after.id}::uuid`;
  const position = Prisma.sql`(u."displayName", u.id)`;
  const last = Prisma.sql`(${after.displayName}, ${after.id}::uuid)`;
  return orderBy.direction === "asc" ? Prisma.sql` AND ${position} > ${last}` : Prisma.sql` AND ${position} < ${last}`;
}
