import type { Flow } from "@allot/contracts";
import type { Db, Prisma, Tx } from "@allot/db";
import {
  type Action,
  can,
  canEditFlow,
  type FlowKind,
  type FlowLicenseMode,
  usesPremiumConnectors,
} from "@allot/domain";
import { notFound } from "../../lib/app-error.js";
import { personOf } from "../../lib/tenant.js";
import type { TenantContext } from "../../types.js";

/** What a flow's answer is made of, loaded with one query. */
export const flowSelect = {
  id: true,
  environmentId: true,
  name: true,
  description: true,
  kind: true,
  licensedBy: true,
  connectors: true,
  suspendedByDlp: true,
  createdAt: true,
  updatedAt: true,
  ownerUserId: true,
  environment: { select: { name: true } },
  owner: { select: { id: true, displayName: true, email: true } },
  coOwners: {
    select: { user: { select: { id: true, displayName: true, email: true } } },
    orderBy: { user: { displayName: "asc" } },
  },
} as const satisfies Prisma.FlowSelect;

export type FlowRow = Prisma.FlowGetPayload<{ select: typeof flowSelect }>;

const MANAGE: Action = "powerPlatform.manage";

/** Whether the actor administers the Power Platform of the tenant (sees and edits every flow). */
export function managesPowerPlatform(ctx: Pick<TenantContext, "roles">): boolean {
  return can(ctx.roles, MANAGE);
}

/** The flows of the tenant the actor may see: all for Power Platform admins, else those they own or co-own. */
export function visibleFlows(ctx: TenantContext): Prisma.FlowWhereInput {
  const inTenant: Prisma.FlowWhereInput = { environment: { tenantId: ctx.tenantId } };
  if (managesPowerPlatform(ctx)) return inTenant;
  const userId = personOf(ctx.actor).userId;
  return { ...inTenant, OR: [{ ownerUserId: userId }, { coOwners: { some: { userId } } }] };
}

export function coOwnerIdsOf(row: Pick<FlowRow, "coOwners">): string[] {
  return row.coOwners.map((coOwner) => coOwner.user.id);
}

export function toFlow(row: FlowRow, ctx: TenantContext): Flow {
  return {
    id: row.id,
    environmentId: row.environmentId,
    environmentName: row.environment.name,
    name: row.name,
    description: row.description,
    kind: row.kind as FlowKind,
    owner: row.owner,
    coOwners: row.coOwners.map((coOwner) => coOwner.user),
    connectors: row.connectors,
    usesPremiumConnectors: usesPremiumConnectors(row.connectors),
    licenseMode: row.licensedBy as FlowLicenseMode,
    suspendedByDlp: row.suspendedByDlp,
    canEdit: canEditFlow(
      { userId: personOf(ctx.actor).userId, managesPowerPlatform: managesPowerPlatform(ctx) },
      { ownerUserId: row.ownerUserId, coOwnerIds: coOwnerIdsOf(row) },
    ),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A flow the actor may see (404 for one of another tenant, and for a maker's view of others' flows). */
export async function findVisibleFlow(db: Db | Tx, ctx: TenantContext, flowId: string): Promise<FlowRow> {
  const row = await db.flow.findFirst({ where: { AND: [{ id: flowId }, visibleFlows(ctx)] }, select: flowSelect });
  if (!row) throw notFound("Flow");
  return row;
}

/** A flow of the tenant, whoever may see it (404 only for another tenant's or an unknown flow). */
export async function findTenantFlow(db: Db | Tx, ctx: TenantContext, flowId: string): Promise<FlowRow> {
  const row = await db.flow.findFirst({
    where: { id: flowId, environment: { tenantId: ctx.tenantId } },
    select: flowSelect,
  });
  if (!row) throw notFound("Flow");
  return row;
}
