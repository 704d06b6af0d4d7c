import type { GraphUser } from "@allot/contracts";
import { encodeSkipToken } from "../../graph/odata/skip-token.js";
import type { UsersQuery } from "../../graph/odata/users-query.js";
import type { TenantContext } from "../../types.js";
import { catalogOf } from "../licenses/catalog.js";
import { type GraphUserRow, needsAssignments } from "./graph-user-columns.js";
import { propertiesOf, toGraphUsers } from "./graph-user-view.js";
import { graphUsersCountSql, graphUsersPageSql } from "./graph-users-sql.js";

export interface GraphUserPage {
  value: GraphUser[];
  /** The number of users matching the filter, paging aside; only when $count=true asked for it. */
  count?: number;
  /** Where the next page starts; absent on the last page. */
  nextSkipToken?: string;
}

/**
 * One page of Graph's users collection: the tenant's live users (never a deleted one) matching the filter, the
 * filter run in full by the database. The skip token of the next page carries the last row's sort key.
 */
export async function listGraphUsers(
  ctx: Pick<TenantContext, "db" | "tenantId">,
  query: UsersQuery,
): Promise<GraphUserPage> {
  const criteria = { tenantId: ctx.tenantId, query, catalog: await catalogOf(ctx.db) };
  const properties = propertiesOf(query.select);
  const [rows, counted] = await Promise.all([
    ctx.db.$queryRaw<GraphUserRow[]>(graphUsersPageSql(criteria, needsAssignments(properties))),
    query.count ? ctx.db.$queryRaw<Array<{ total: number }>>(graphUsersCountSql(criteria)) : undefined,
  ]);
  const page = rows.slice(0, query.top);
  const last = page.at(-1);
  const value = await toGraphUsers(ctx, page, properties);
  const count = counted ? { count: counted[0]?.total ?? 0 } : {};
  if (rows.length <= query.top || !last) return { value, ...count };
  const displayName = query.orderBy.by === "displayName" ? last.displayName : null;
  return { value, ...count, nextSkipToken: encodeSkipToken(query.fingerprint, { id: last.id, displayName }) };
}
