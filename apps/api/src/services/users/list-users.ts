import type { ListUsersQuery, User, UserPage } from "@allot/contracts";
import { decodeCursor, encodeCursor } from "../../lib/cursor.js";
import type { TenantContext } from "../../types.js";
import { type UserPageCriteria, type UserPageRow, userPageQuery } from "./users-page-query.js";

export { RESTORE_WINDOW_MS } from "./users-page-query.js";

function toUser(row: UserPageRow): User {
  const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
  return {
    id: row.id,
    tenantId: row.tenantId,
    displayName: row.displayName,
    email: row.email,
    userType: row.userType,
    usageLocation: row.usageLocation,
    accountEnabled: row.accountEnabled,
    roles: row.roles,
    licenseCount: row.licenseCount,
    createdAt: iso(row.createdAt) as string,
    lastSignInAt: iso(row.lastSignInAt),
    deletedAt: iso(row.deletedAt),
  };
}

/** One page of users matching the criteria, with the cursor of the next page. */
export async function pageOfUsers(
  ctx: TenantContext,
  criteria: Omit<UserPageCriteria, "tenantId" | "after" | "take" | "now">,
  { cursor, limit }: { cursor?: string | undefined; limit: number },
): Promise<UserPage> {
  const after = cursor ? (decodeCursor(cursor, ["text", "uuid"]) as [string, string]) : undefined;
  const rows = await ctx.db.$queryRaw<UserPageRow[]>(
    userPageQuery({
      ...criteria,
      tenantId: ctx.tenantId,
      after: after && { displayName: after[0], id: after[1] },
      take: limit + 1,
      now: new Date(),
    }),
  );
  const hasMore = rows.length > limit;
  const items = (hasMore ? rows.slice(0, limit) : rows).map(toUser);
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeCursor([last.displayName, last.id]) : null };
}

export function listUsers(ctx: TenantContext, { cursor, limit, ...filters }: ListUsersQuery): Promise<UserPage> {
  return pageOfUsers(ctx, filters, { cursor, limit });
}
