import type { Db, Prisma } from "@allot/db";
import type { Role } from "@allot/domain";
import type { Actor } from "../../types.js";

/**
 * The domain's `relationshipGrantsAccess(relationship, now)` as a Prisma condition on a PartnerRelationship: active,
 * and its end date (if any) still to come.
 */
export function grantingRelationshipWhere(now: Date): Prisma.PartnerRelationshipWhereInput {
  return { status: "active", OR: [{ endsAt: null }, { endsAt: { gt: now } }] };
}

/**
 * The actor's roles in a tenant, or null when the tenant is out of reach (unknown, or no role and no partner
 * relationship grants one now): callers answer 404 then, so a tenant's existence never leaks. Read on every request,
 * so a relationship the customer removes, or whose end date passes, ends an open partner session's access at once.
 */
export async function tenantRoles(
  db: Pick<Db, "delegatedAccess">,
  actor: Pick<Actor, "userId" | "tenantId" | "ownRoles">,
  tenantId: string,
  now: Date,
): Promise<Role[] | null> {
  if (actor.tenantId === tenantId) return actor.ownRoles;
  const delegated = await db.delegatedAccess.findMany({
    where: {
      partnerUserId: actor.userId,
      relationship: { customerTenantId: tenantId, partnerTenantId: actor.tenantId, ...grantingRelationshipWhere(now) },
    },
    select: { role: true },
  });
  return delegated.length > 0 ? delegated.map((d) => d.role) : null;
}
