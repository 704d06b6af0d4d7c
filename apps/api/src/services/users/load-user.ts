import type { Tx } from "@allot/db";
import { canManageUser } from "@allot/domain";
import { AppError, notFound } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { type UserRow, userSelect } from "../directory/user-view.js";

/** A user of the context's tenant (deleted ones only when asked), or 404: other tenants' users do not exist here. */
export async function loadUser(
  tx: Tx,
  ctx: TenantContext,
  userId: string,
  { deleted = false, lock = false }: { deleted?: boolean; lock?: boolean } = {},
): Promise<UserRow> {
  // Locking the row first serialises concurrent deletes/restores of one user, so its seats move only once.
  if (lock) {
    await tx.$executeRaw`SELECT 1 FROM "User" WHERE id = ${userId}::uuid AND "tenantId" = ${ctx.tenantId}::uuid FOR NO KEY UPDATE`;
  }
  const row = await tx.user.findFirst({ where: { id: userId, tenantId: ctx.tenantId }, select: userSelect });
  if (!row) throw notFound("User");
  if (!deleted && row.deletedAt) throw new AppError("UserDeleted", "This user is deleted. Restore it first.");
  if (deleted && !row.deletedAt) throw new AppError("UserNotDeleted", "This user is not deleted.");
  return row;
}

/** Refuses to let anyone but a full admin edit, delete, or restore a user who holds an admin role. */
export function assertMayManage(ctx: TenantContext, target: UserRow): void {
  if (!canManageUser(ctx.roles, target.roleAssignments.length > 0)) {
    throw new AppError("Forbidden", "Only a global admin can change a user who holds an admin role.");
  }
}
