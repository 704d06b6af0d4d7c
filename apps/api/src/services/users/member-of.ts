import type { TenantContext } from "../../types.js";
import { loadUser } from "./load-user.js";

/** The groups a user belongs to, by name. */
export async function memberOf(ctx: TenantContext, userId: string) {
  const user = await loadUser(ctx.db, ctx, userId);
  const rows = await ctx.db.groupMember.findMany({
    where: { userId: user.id },
    select: { group: { select: { id: true, displayName: true, description: true } } },
    orderBy: { group: { displayName: "asc" } },
  });
  return { items: rows.map((row) => row.group) };
}
