import type { PartnerRelationship } from "@allot/contracts";
import type { Db, Tx } from "@allot/db";
import { DELEGATED_ROLES, type DelegatedRole, relationshipGrantsAccess } from "@allot/domain";
import { notFound } from "../../lib/app-error.js";

type Reader = Pick<Db | Tx, "partnerRelationship" | "auditEvent">;

const byRoleOrder = (a: DelegatedRole, b: DelegatedRole) => DELEGATED_ROLES.indexOf(a) - DELEGATED_ROLES.indexOf(b);

/**
 * The partners with delegated access to a customer (all of them, or the one asked for), each with its agents and
 * when each last changed anything in the customer; sorted by the partner's name.
 */
export async function loadRelationships(
  db: Reader,
  customerTenantId: string,
  now: Date,
  relationshipId?: string,
): Promise<PartnerRelationship[]> {
  const relationships = await db.partnerRelationship.findMany({
    where: { customerTenantId, ...(relationshipId ? { id: relationshipId } : {}) },
    select: {
      id: true,
      status: true,
      createdAt: true,
      endsAt: true,
      partnerTenant: { select: { id: true, name: true, domain: true } },
      delegatedRoles: {
        select: { role: true, partnerUser: { select: { id: true, displayName: true, email: true } } },
      },
    },
    orderBy: [{ partnerTenant: { name: "asc" } }, { id: "asc" }],
  });
  const agentIds = [...new Set(relationships.flatMap((r) => r.delegatedRoles.map((d) => d.partnerUser.id)))];
  const lastActs =
    agentIds.length === 0
      ? []
      : await db.auditEvent.groupBy({
          by: ["actorUserId"],
          where: { tenantId: customerTenantId, actorUserId: { in: agentIds } },
          _max: { createdAt: true },
        });
  const lastActedAt = new Map(lastActs.map((row) => [row.actorUserId, row._max.createdAt]));
  return relationships.map((relationship) => {
    const agents = new Map<string, PartnerRelationship["agents"][number]>();
    for (const { role, partnerUser } of relationship.delegatedRoles) {
      const agent = agents.get(partnerUser.id) ?? {
        userId: partnerUser.id,
        displayName: partnerUser.displayName,
        email: partnerUser.email,
        roles: [],
        lastActedAt: lastActedAt.get(partnerUser.id)?.toISOString() ?? null,
      };
      agent.roles.push(role);
      agents.set(partnerUser.id, agent);
    }
    for (const agent of agents.values()) agent.roles.sort(byRoleOrder);
    return {
      id: relationship.id,
      partner: {
        tenantId: relationship.partnerTenant.id,
        name: relationship.partnerTenant.name,
        domain: relationship.partnerTenant.domain,
      },
      status: relationship.status,
      grantsAccess: relationshipGrantsAccess(relationship, now),
      createdAt: relationship.createdAt.toISOString(),
      endsAt: relationship.endsAt?.toISOString() ?? null,
      roles: [...new Set(relationship.delegatedRoles.map((d) => d.role))].sort(byRoleOrder),
      agents: [...agents.values()].sort((a, b) => a.displayName.localeCompare(b.displayName)),
    };
  });
}

/** One relationship of the customer, as the list shows it (404 when it is not one of the customer's). */
export async function loadRelationship(
  db: Reader,
  customerTenantId: string,
  relationshipId: string,
  now: Date,
): Promise<PartnerRelationship> {
  const [relationship] = await loadRelationships(db, customerTenantId, now, relationshipId);
  if (!relationship) throw notFound("Partner relationship");
  return relationship;
}

/** Reads and locks one relationship of the customer for a change (404 when it is not one of the customer's). */
export async function lockRelationship(tx: Tx, customerTenantId: string, relationshipId: string) {
  const [row] = await tx.$queryRaw<Array<{ id: string; status: "active" | "terminated"; endsAt: Date | null }>>`
    SELECT id::text AS id, status::text AS status, "endsAt" FROM "PartnerRelationship"
     WHERE id = ${relationshipId}::uuid AND "customerTenantId" = ${customerTenantId}::uuid FOR UPDATE`;
  if (!row) throw notFound("Partner relationship");
  return row;
}
