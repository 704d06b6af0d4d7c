import type { User } from "@allot/contracts";
import { notFound } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { toUser, userSelect } from "../directory/user-view.js";

/** Any user of the tenant, deleted ones included (the restore view opens them). */
export async function getUser(ctx: TenantContext, userId: string): Promise<User> {
  const row = await ctx.db.user.findFirst({ where: { id: userId, tenantId: ctx.tenantId }, select: userSelect });
  if (!row) throw notFound("User");
  return toUser(row);
}
