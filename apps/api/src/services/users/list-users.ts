import type { ListUsersQuery, UserPage } from "@allot/contracts";
import { decodeCursor, keysetPage } from "../../lib/cursor.js";
import type { TenantContext } from "../../types.js";
import { type UserColumns, userFromColumns } from "./user-view.js";
import { type UserPageCriteria, userPageQuery } from "./users-page-query.js";

export { RESTORE_WINDOW_MS } from "./users-page-query.js";

/** One page of users matching the criteria, with the cursor of the next page. */
export async function pageOfUsers(
  ctx: TenantContext,
  criteria: Omit<UserPageCriteria, "tenantId" | "after" | "take" | "now">,
  { cursor, limit }: { cursor?: string | undefined; limit: number },
): Promise<UserPage> {
  const after = cursor ? (decodeCursor(cursor, ["text", "uuid"]) as [string, string]) : undefined;
  const rows = await ctx.db.$queryRaw<UserColumns[]>(
    userPageQuery({
      ...criteria,
      tenantId: ctx.tenantId,
      after: after && { displayName: after[0], id: after[1] },
      take: limit + 1,
      now: new Date(),
    }),
  );
  const page = keysetPage(rows, limit, (row) => [row.displayName, row.id]);
  return { items: page.rows.map(userFromColumns), nextCursor: page.nextCursor };
}

export function listUsers(ctx: TenantContext, { cursor, limit, ...filters }: ListUsersQuery): Promise<UserPage> {
  return pageOfUsers(ctx, filters, { cursor, limit });
}
