import { Prisma, type SqlTx } from "@allot/db";
import { type DirectLicense, samePlans } from "@allot/domain";
import { type AuditEntry, auditRowsSql } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { assertSeatsChanged, seatChangesSql } from "../seats/seat-ledger.js";
import { uuidArrayLiteral } from "./holdings.js";
import { trialExpirySql } from "./trial-expiry.js";

/** A self-service buyer's own subscription, whose seats new assignments of its product come from. */
export interface OwnerSubscription {
  id: string;
  productId: string;
}

type Pair = { userId: string; productId: string };
type Planned = Pair & { plans: string[] };

/** The direct-license rows a change deletes, inserts and updates, gathered over all users of one request. */
export interface DirectWrites {
  removed: Pair[];
  added: Planned[];
  changed: Planned[];
}

export function noDirectWrites(): DirectWrites {
  return { removed: [], added: [], changed: [] };
}

/** Sorts one user's old and new direct licenses into rows to delete, insert and update; returns what changed. */
export function diffDirect(
  userId: string,
  before: readonly DirectLicense[],
  after: readonly DirectLicense[],
  writes: DirectWrites,
): string[] {
  const old = new Map(before.map((license) => [license.productId, license.disabledServicePlanIds]));
  const touched: string[] = [];
  for (const license of after) {
    const plans = [...license.disabledServicePlanIds].sort();
    const previous = old.get(license.productId);
    old.delete(license.productId);
    if (!previous) writes.added.push({ userId, productId: license.productId, plans });
    else if (!samePlans(previous, plans)) {
      writes.changed.push({ userId, productId: license.productId, plans });
    } else continue;
    touched.push(license.productId);
  }
  for (const productId of old.keys()) {
    writes.removed.push({ userId, productId });
    touched.push(productId);
  }
  return touched.sort();
}

/**
 * The rows to delete, update and insert, the seat counters and the audit events, as ONE statement of
 * data-modifying CTEs: every statement costs a round trip and Prisma's per-statement work while the seat rows are
 * locked, and this is the hottest path. The seat update's RETURNING says whether the database's guard let it pass.
 */
export async function writeDirectChanges(
  tx: SqlTx,
  ctx: TenantContext,
  writes: DirectWrites,
  deltas: ReadonlyMap<string, number>,
  auditEntries: readonly AuditEntry[],
  own?: OwnerSubscription,
) {
  const steps: Prisma.Sql[] = [];
  const { removed, changed, added } = writes;
  if (removed.length > 0) {
    steps.push(Prisma.sql`removed AS (
      DELETE FROM "LicenseAssignment" la
       USING unnest(${removed.map((w) => w.userId)}::uuid[], ${removed.map((w) => w.productId)}::uuid[])
             AS x(user_id, product_id)
       WHERE la."userId" = x.user_id AND la."productId" = x.product_id AND la."assignedByGroupId" IS NULL
      RETURNING 1)`);
  }
  if (changed.length > 0) {
    steps.push(Prisma.sql`changed AS (
      UPDATE "LicenseAssignment" la SET "disabledServicePlanIds" = x.plans::uuid[], "updatedAt" = now()
        FROM unnest(${changed.map((w) => w.userId)}::uuid[], ${changed.map((w) => w.productId)}::uuid[],
                    ${changed.map((w) => uuidArrayLiteral(w.plans))}::text[]) AS x(user_id, product_id, plans)
       WHERE la."userId" = x.user_id AND la."productId" = x.product_id AND la."assignedByGroupId" IS NULL
      RETURNING 1)`);
  }
  if (added.length > 0) {
    steps.push(Prisma.sql`added AS (
      INSERT INTO "LicenseAssignment" (id, "tenantId", "userId", "productId", "disabledServicePlanIds", state, "updatedAt",
                                       "subscriptionId", "expiresAt")
      SELECT gen_random_uuid(), ${ctx.tenantId}::uuid, x.user_id, x.product_id, x.plans::uuid[], 'active', now(),
             CASE WHEN x.product_id = ${own?.productId ?? null}::uuid THEN ${own?.id ?? null}::uuid END,
             ${trialExpirySql(Prisma.sql`x.product_id`, ctx.clock.now())}
        FROM unnest(${added.map((w) => w.userId)}::uuid[], ${added.map((w) => w.productId)}::uuid[],
                    ${added.map((w) => uuidArrayLiteral(w.plans))}::text[]) AS x(user_id, product_id, plans)
      RETURNING 1)`);
  }
  if (auditEntries.length > 0) steps.push(Prisma.sql`audited AS (${auditRowsSql(ctx, auditEntries)} RETURNING 1)`);
  const ownerBacked = new Map<string, number>();
  if (own) ownerBacked.set(own.productId, added.filter((write) => write.productId === own.productId).length);
  const seats = seatChangesSql(ctx.tenantId, deltas, ownerBacked);
  if (seats.expected > 0) steps.push(Prisma.sql`seats AS (${seats.sql})`);
  if (steps.length === 0) return;
  const [row] = await tx.$queryRaw<Array<{ seats: number }>>`
    WITH ${Prisma.join(steps, ", ")}
    SELECT ${seats.expected > 0 ? Prisma.sql`(SELECT count(*)::int FROM seats)` : Prisma.sql`0`} AS seats`;
  assertSeatsChanged(row?.seats ?? 0, seats.expected);
}
