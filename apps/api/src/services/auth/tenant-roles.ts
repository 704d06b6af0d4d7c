import type { Db } from "@allot/db";
import type { Role } from "@allot/domain";
import type { Actor } from "../../types.js";

/**
 * The actor's roles in a tenant, or null when the tenant is out of reach (unknown, or no role and no partner
 * relationship grants one): callers answer 404 then, so a tenant's existence never leaks.
 */
export async function tenantRoles(
  db: Pick<Db, "delegatedAccess">,
  actor: Pick<Actor, "userId" | "tenantId" | "ownRoles">,
  tenantId: string,
): Promise<Role[] | null> {
  if (actor.tenantId === tenantId) return actor.ownRoles;
  const delegated = await db.delegatedAccess.findMany({
    where: {
      partnerUserId: actor.userId,
      relationship: { customerTenantId: tenantId, partnerTenantId: actor.tenantId, status: "active" },
    },
    select: { role: true },
  });
  return delegated.length > 0 ? delegated.map((d) => d.role) : null;
}
