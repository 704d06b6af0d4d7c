import type { Tx } from "@allot/db";
import { DELEGATED_ROLES, type DelegatedRole } from "@allot/domain";
import { type AuditEntry, auditMany } from "../../lib/audit.js";
import { type PartnerContext, partnerTenantContext } from "./partner-context.js";

/** A relationship of the partner as the access writes need it, locked by `lockPartnerRelationships`. */
export interface LockedRelationship {
  id: string;
  status: "active" | "terminated";
  endsAt: Date | null;
  customerTenantId: string;
  customerName: string;
}

/**
 * Locks the partner's relationships (one, or all of them) for share, in id order: a customer removing its
 * partner's privileges waits until a grant in flight commits, and then ends it like any other.
 */
export async function lockPartnerRelationships(
  tx: Tx,
  partnerTenantId: string,
  relationshipId?: string,
): Promise<LockedRelationship[]> {
  return tx.$queryRaw<LockedRelationship[]>`
    SELECT r.id::text AS id, r.status::text AS status, r."endsAt", t.id::text AS "customerTenantId",
           t.name AS "customerName"
      FROM "PartnerRelationship" r JOIN "Tenant" t ON t.id = r."customerTenantId"
     WHERE r."partnerTenantId" = ${partnerTenantId}::uuid
       AND (${relationshipId ?? null}::uuid IS NULL OR r.id = ${relationshipId ?? null}::uuid)
     ORDER BY r.id
       FOR SHARE OF r`;
}

/** The delegated roles a staff member holds now, per relationship. */
export async function heldRoles(tx: Tx, userId: string, relationshipIds: readonly string[]) {
  const rows = await tx.delegatedAccess.findMany({
    where: { partnerUserId: userId, relationshipId: { in: [...relationshipIds] } },
    select: { relationshipId: true, role: true },
  });
  const held = new Map<string, DelegatedRole[]>();
  for (const row of rows) held.set(row.relationshipId, [...(held.get(row.relationshipId) ?? []), row.role]);
  for (const roles of held.values()) roles.sort((a, b) => DELEGATED_ROLES.indexOf(a) - DELEGATED_ROLES.indexOf(b));
  return held;
}

/**
 * Makes `roles` exactly the staff member's delegated roles in each of the relationships, and audits every change in
 * the partner's own audit log: who (the actor) gave whom (the target) which roles in which customer, before and
 * after. A relationship whose roles stay the same is neither written nor audited.
 */
export async function replaceAccess(
  tx: Tx,
  ctx: PartnerContext,
  userId: string,
  relationships: readonly LockedRelationship[],
  roles: readonly DelegatedRole[],
): Promise<void> {
  const held = await heldRoles(
    tx,
    userId,
    relationships.map((r) => r.id),
  );
  const entries: AuditEntry[] = [];
  const changed: LockedRelationship[] = [];
  for (const relationship of relationships) {
    const before = held.get(relationship.id) ?? [];
    if (before.length === roles.length && before.every((role) => roles.includes(role))) continue;
    changed.push(relationship);
    const customer = { tenantId: relationship.customerTenantId, name: relationship.customerName };
    entries.push({
      action: "partnerStaff.accessChanged",
      targetType: "user",
      targetId: userId,
      before: { relationshipId: relationship.id, customer, roles: before },
      after: { relationshipId: relationship.id, customer, roles: [...roles] },
    });
  }
  if (changed.length === 0) return;
  const changedIds = changed.map((r) => r.id);
  await tx.delegatedAccess.deleteMany({
    where: { partnerUserId: userId, relationshipId: { in: changedIds }, role: { notIn: [...roles] } },
  });
  await tx.delegatedAccess.createMany({
    data: changedIds.flatMap((relationshipId) =>
      roles.map((role) => ({ tenantId: ctx.partnerTenantId, relationshipId, partnerUserId: userId, role })),
    ),
    skipDuplicates: true,
  });
  await auditMany(tx, partnerTenantContext(ctx), entries);
}
