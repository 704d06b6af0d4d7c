import type { AuditAction, AuditTargetType } from "@allot/contracts";
import { Prisma, type SqlTx, type Tx } from "@allot/db";
import type { Principal, TenantContext } from "../types.js";

export interface AuditEntry {
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string | null;
  /** Products the change touched, for the audit log's product filter. */
  productIds?: readonly string[];
  before?: unknown;
  after?: unknown;
}

function json(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null
    ? undefined
    : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

/**
 * The actor columns of an audit row: the person (and the personal access token they used, if any), or the app
 * acting as itself, or nobody (the system).
 */
function actorColumns(actor: Principal | null) {
  if (actor === null) return { actorUserId: null, actorApplicationId: null, actorTokenId: null };
  if (actor.kind === "application") {
    return { actorUserId: null, actorApplicationId: actor.applicationId, actorTokenId: null };
  }
  return { actorUserId: actor.userId, actorApplicationId: null, actorTokenId: actor.token?.id ?? null };
}

/** Records who did what in the tenant; call it with the transaction that makes the change. */
export async function audit(tx: Tx, ctx: Pick<TenantContext, "tenantId" | "actor" | "requestId">, entry: AuditEntry) {
  await tx.auditEvent.create({
    data: {
      tenantId: ctx.tenantId,
      ...actorColumns(ctx.actor),
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      productIds: entry.productIds ? [...entry.productIds] : [],
      before: json(entry.before),
      after: json(entry.after),
      requestId: ctx.requestId,
    },
  });
}

/** Who writes audit rows: a person or an app acting in a tenant, or the system (no actor). */
type AuditWriter = Pick<TenantContext, "tenantId" | "requestId"> & { actor: Principal | null };

/** An INSERT of many audit events as one statement (bulk license runs write one per user); same columns as `audit`. */
export function auditRowsSql(ctx: AuditWriter, entries: readonly AuditEntry[]) {
  const rows = JSON.stringify(
    entries.map((entry) => ({
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      product_ids: entry.productIds ?? [],
      before: entry.before ?? null,
      after: entry.after ?? null,
    })),
  );
  const actor = actorColumns(ctx.actor);
  return Prisma.sql`
    INSERT INTO "AuditEvent" (id, "tenantId", "actorUserId", "actorApplicationId", "actorTokenId", action,
                              "targetType", "targetId", "productIds", before, after, "requestId")
    SELECT gen_random_uuid(), ${ctx.tenantId}::uuid, ${actor.actorUserId}::uuid, ${actor.actorApplicationId}::uuid,
           ${actor.actorTokenId}::uuid, e.action, e.target_type,
           e.target_id, ARRAY(SELECT jsonb_array_elements_text(e.product_ids))::uuid[], NULLIF(e.before, 'null'),
           NULLIF(e.after, 'null'), ${ctx.requestId}
      FROM jsonb_to_recordset(${rows}::jsonb)
           AS e(action text, target_type text, target_id text, product_ids jsonb, before jsonb, after jsonb)`;
}

/** Records many events in one statement; call it with the transaction that makes the change. */
export async function auditMany(
  tx: SqlTx,
  ctx: Pick<TenantContext, "tenantId" | "actor" | "requestId">,
  entries: readonly AuditEntry[],
) {
  if (entries.length === 0) return;
  await tx.$executeRaw(auditRowsSql(ctx, entries));
}

/** Records a change the system made on its own (the billing lifecycle job): no actor, no request. */
export async function auditBySystem(tx: SqlTx, tenantId: string, entries: readonly AuditEntry[], requestId: string) {
  if (entries.length === 0) return;
  await tx.$executeRaw(auditRowsSql({ tenantId, requestId, actor: null }, entries));
}
