import type { NumberedUserPage } from "@allot/contracts";
import { sqlOf } from "@allot/db";
import type { TenantContext } from "../../types.js";
import { type UserColumns, userFromColumns } from "../directory/user-view.js";
import { userCountQuery, userPageQuery } from "./users-page-query.js";

/**
 * One numbered page of the live users by name, with the total: what a First / Previous / Next / Last pager needs.
 * OFFSET costs what it skips, so this is for people paging (a customer of a few thousand users), not for scripts,
 * which page by keyset (`GET …/users`). Both statements go straight to node-postgres (see pageOfUsers).
 */
export async function listNumberedUsers(
  ctx: TenantContext,
  query: { search?: string | undefined; page: number; pageSize: number },
): Promise<NumberedUserPage> {
  const criteria = { tenantId: ctx.tenantId, search: query.search || undefined, now: ctx.clock.now() };
  const sql = sqlOf(ctx.db);
  const [counted, rows] = await Promise.all([
    sql.$queryRaw<Array<{ total: number }>>(userCountQuery(criteria)),
    sql.$queryRaw<UserColumns[]>(
      userPageQuery({ ...criteria, take: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    ),
  ]);
  const total = counted[0]?.total ?? 0;
  return {
    items: rows.map(userFromColumns),
    page: query.page,
    pageSize: query.pageSize,
    total,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}
