import type { Me, ReachableTenant } from "@allot/contracts";
import type { Db } from "@allot/db";
import type { Role } from "@allot/domain";
import type { Actor } from "../../types.js";
import { grantingRelationshipWhere } from "./tenant-roles.js";

/** The signed-in user and every tenant it can act in: its own, and customers reached through a partner. */
export async function getMe(db: Db, actor: Actor, now: Date): Promise<Me> {
  const [home, delegated] = await Promise.all([
    db.tenant.findUniqueOrThrow({ where: { id: actor.tenantId } }),
    db.delegatedAccess.findMany({
      where: {
        partnerUserId: actor.userId,
        relationship: { partnerTenantId: actor.tenantId, ...grantingRelationshipWhere(now) },
      },
      select: { role: true, relationship: { select: { customerTenant: true } } },
      orderBy: { relationship: { customerTenant: { name: "asc" } } },
    }),
  ]);
  const tenants: ReachableTenant[] = [
    {
      id: home.id,
      name: home.name,
      domain: home.domain,
      kind: home.kind,
      access: "member",
      roles: actor.ownRoles,
    },
  ];
  const byTenant = new Map<string, ReachableTenant>();
  for (const { role, relationship } of delegated) {
    const tenant = relationship.customerTenant;
    const entry =
      byTenant.get(tenant.id) ??
      ({
        id: tenant.id,
        name: tenant.name,
        domain: tenant.domain,
        kind: tenant.kind,
        access: "delegated",
        roles: [] as Role[],
      } satisfies ReachableTenant);
    entry.roles.push(role);
    byTenant.set(tenant.id, entry);
  }
  tenants.push(...byTenant.values());
  return {
    user: {
      id: actor.userId,
      tenantId: actor.tenantId,
      displayName: actor.displayName,
      email: actor.email,
      preferredLanguage: actor.preferredLanguage,
      passwordChangeRequired: actor.passwordChangeRequired,
    },
    tenants,
    csrfToken: actor.csrfToken,
  };
}
