import type { ListUsersQuery, UserPage } from "@allot/contracts";
import type { Prisma } from "@allot/db";
import { decodeCursor, encodeCursor } from "../../lib/cursor.js";
import { likeLiteral } from "../../lib/like.js";
import type { TenantContext } from "../../types.js";
import { toUser, userSelect } from "./user-view.js";

export const RESTORE_WINDOW_MS = 30 * 86_400_000;

/** Filters of the Active users list, as a Prisma where (also used to list a group's members). */
export function userFilter(tenantId: string, query: Omit<ListUsersQuery, "cursor" | "limit">): Prisma.UserWhereInput {
  const where: Prisma.UserWhereInput = {
    tenantId,
    deletedAt: query.deleted ? { gt: new Date(Date.now() - RESTORE_WINDOW_MS) } : null,
  };
  const and: Prisma.UserWhereInput[] = [];
  if (query.search) {
    // Substring match on name or email; the trigram indexes serve it.
    and.push({
      OR: [
        { displayName: { contains: likeLiteral(query.search), mode: "insensitive" } },
        { email: { contains: likeLiteral(query.search), mode: "insensitive" } },
      ],
    });
  }
  if (query.type) where.userType = query.type;
  if (query.role === "member") where.roleAssignments = { none: {} };
  else if (query.role) where.roleAssignments = { some: { role: query.role } };
  if (query.licensed !== undefined) where.licenseAssignments = query.licensed ? { some: {} } : { none: {} };
  if (and.length > 0) where.AND = and;
  return where;
}

/** Keyset paging by (displayName, id): deep pages cost the same as the first. */
function afterCursor(cursor: string | undefined): Prisma.UserWhereInput | undefined {
  if (!cursor) return undefined;
  const [displayName, id] = decodeCursor(cursor, ["text", "uuid"]) as [string, string];
  return { OR: [{ displayName: { gt: displayName } }, { displayName, id: { gt: id } }] };
}

/** One page of users matching `where`, in (displayName, id) order. */
export async function pageOfUsers(
  ctx: TenantContext,
  where: Prisma.UserWhereInput,
  { cursor, limit }: { cursor?: string | undefined; limit: number },
): Promise<UserPage> {
  const after = afterCursor(cursor);
  const rows = await ctx.db.user.findMany({
    where: after ? { AND: [where, after] } : where,
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: userSelect,
  });
  const hasMore = rows.length > limit;
  const items = (hasMore ? rows.slice(0, limit) : rows).map(toUser);
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeCursor([last.displayName, last.id]) : null };
}

export function listUsers(ctx: TenantContext, query: ListUsersQuery): Promise<UserPage> {
  return pageOfUsers(ctx, userFilter(ctx.tenantId, query), query);
}
