import { uuidSchema } from "@allot/contracts";
import { notFound } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";

/**
 * The id of the tenant's live user that Graph's `{id | userPrincipalName}` path segment names (ids in any letter
 * case, user principal names case-insensitively, as Graph matches them). Deleted users and other tenants' are not
 * found.
 */
export async function resolveUserRef(ctx: Pick<TenantContext, "db" | "tenantId">, ref: string): Promise<string> {
  // A control character (NUL!) or lone surrogate names nobody, and PostgreSQL would refuse it as text.
  if (/[\p{Cc}\p{Cs}]/u.test(ref)) throw notFound("User");
  const byId = uuidSchema.safeParse(ref).success;
  const user = await ctx.db.user.findFirst({
    where: {
      tenantId: ctx.tenantId,
      deletedAt: null,
      ...(byId ? { id: ref.toLowerCase() } : { email: ref.trim().toLowerCase() }),
    },
    select: { id: true },
  });
  if (!user) throw notFound("User");
  return user.id;
}
