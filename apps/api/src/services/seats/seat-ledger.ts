import { Prisma, type SqlTx } from "@allot/db";
import type { ProductSeats } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";
import { usableSubscriptionSql } from "./usable-subscription.js";

/**
 * The tenant × product seat rows (`TenantProduct`). Every change that takes or frees seats locks the rows of its
 * products first, in product id order, and keeps `consumedUnits` equal to the number of users holding the
 * product. Locks are always taken user rows first, then seat rows, so concurrent changes cannot deadlock.
 */

export interface SeatRow extends ProductSeats {
  productId: string;
  consumedUnits: number;
  /** Seats of usable subscriptions an admin may assign from (self-service ones only once taken over). */
  assignableUnits: number;
}

/** The usable-subscription rule as text, for the statements below that are built as strings. */
const USABLE = usableSubscriptionSql.sql;
/** Usable (active, or expired in grace) and admin-assignable: the seats that back new assignments. */
const ASSIGNABLE = `${USABLE} AND (s.source <> 'selfService' OR s."takenOverAt" IS NOT NULL)`;
/**
 * The product's usable seats (active, or expired in grace), whoever may assign them: what Graph counts as
 * `prepaidUnits.enabled + warning` and `summarizeSeats` as `usableUnits`. Per tenant × product.
 */
export const USABLE_UNITS = (tenant: string, product: string) => `
  COALESCE((SELECT SUM(s.seats) FROM "Subscription" s
             WHERE s."tenantId" = ${tenant} AND s."productId" = ${product} AND ${USABLE}), 0)`;
/** A maker's usable self-service subscription not yet taken over: its seats back only what its buyer assigned. */
const OWNER_HELD = `${USABLE} AND s.source = 'selfService' AND s."takenOverAt" IS NULL`;
/**
 * Seats behind the product's consumedUnits: the admins' assignable seats plus the holders a buyer gave seats of an
 * own self-service subscription (they are consumed, but not from the admins' seats). Per tenant × product.
 */
const BACKED_UNITS = (tenant: string, product: string) => `
  COALESCE((SELECT SUM(CASE WHEN ${ASSIGNABLE} THEN s.seats
                            ELSE (SELECT count(*) FROM "LicenseAssignment" la WHERE la."subscriptionId" = s.id) END)
              FROM "Subscription" s
             WHERE s."tenantId" = ${tenant} AND s."productId" = ${product} AND (${ASSIGNABLE} OR ${OWNER_HELD})), 0)`;

interface LockedRow {
  productId: string;
  consumedUnits: number;
  assignableUnits: number;
  assignableSubscriptions: number;
}

async function selectForUpdate(tx: SqlTx, tenantId: string, productIds: string[]): Promise<LockedRow[]> {
  return tx.$queryRawUnsafe<LockedRow[]>(
    `WITH locked AS (
       SELECT "tenantId", "productId", "consumedUnits" FROM "TenantProduct"
        WHERE "tenantId" = $1::uuid AND "productId" = ANY($2::uuid[])
        ORDER BY "productId" FOR UPDATE)
     SELECT l."productId"::text AS "productId", l."consumedUnits",
            ${BACKED_UNITS('l."tenantId"', 'l."productId"')}::int AS "assignableUnits",
            (SELECT count(*) FROM "Subscription" s
              WHERE s."tenantId" = l."tenantId" AND s."productId" = l."productId" AND ${ASSIGNABLE})::int
              AS "assignableSubscriptions"
       FROM locked l`,
    tenantId,
    productIds,
  );
}

/** Locks the seat rows of these products (creating missing ones) and reads what each can still hand out. */
export async function lockSeats(
  tx: SqlTx,
  tenantId: string,
  productIds: Iterable<string>,
): Promise<Map<string, SeatRow>> {
  const ids = [...new Set(productIds)].sort();
  if (ids.length === 0) return new Map();
  let rows = await selectForUpdate(tx, tenantId, ids);
  if (rows.length < ids.length) {
    await tx.$executeRaw`
      INSERT INTO "TenantProduct" ("tenantId", "productId")
      SELECT ${tenantId}::uuid, unnest(${ids}::uuid[]) ON CONFLICT DO NOTHING`;
    rows = await selectForUpdate(tx, tenantId, ids);
  }
  return new Map(
    rows.map((row) => [
      row.productId,
      {
        productId: row.productId,
        consumedUnits: row.consumedUnits,
        assignableUnits: row.assignableUnits,
        // Signed: negative while the product is in conflict, so freed seats pay off the shortfall first.
        available: row.assignableUnits - row.consumedUnits,
        assignable: row.assignableSubscriptions > 0,
      },
    ]),
  );
}

/**
 * Net seat changes per product as a statement returning the products it changed. The database refuses an increase
 * beyond the assignable seats on its own, under the row lock: a second line of defence should the in-memory
 * validation ever be wrong. `expected` is how many products must come back.
 */
export function seatChangesSql(
  tenantId: string,
  deltas: ReadonlyMap<string, number>,
  /** Seats a self-service buyer is giving out now, per product: backed by their subscription, not the admins'. */
  ownerBacked: ReadonlyMap<string, number> = new Map(),
) {
  const changed = [...deltas].filter(([, delta]) => delta !== 0);
  const sql = Prisma.sql`
    UPDATE "TenantProduct" tp SET "consumedUnits" = tp."consumedUnits" + d.delta
      FROM unnest(${changed.map(([productId]) => productId)}::uuid[], ${changed.map(([, delta]) => delta)}::int[],
                  ${changed.map(([productId]) => ownerBacked.get(productId) ?? 0)}::int[])
           AS d(product_id, delta, owner_backed)
     WHERE tp."tenantId" = ${tenantId}::uuid AND tp."productId" = d.product_id
       AND tp."consumedUnits" + d.delta >= 0
       AND (d.delta < 0 OR tp."consumedUnits" + d.delta <=
            ${Prisma.raw(BACKED_UNITS('tp."tenantId"', 'tp."productId"'))} + d.owner_backed)
    RETURNING tp."productId"`;
  return { sql, expected: changed.length };
}

/** Refuses a change whose seat update did not go through for every product (see seatChangesSql). */
export function assertSeatsChanged(updated: number, expected: number): void {
  if (updated !== expected) {
    // Unreachable while the validator is right; refusing here keeps the invariant even if it is not.
    throw new AppError("CountViolation", "Not enough seats: the change would hand out more seats than were bought.");
  }
}

/** Applies net seat changes per product on their own (see seatChangesSql). */
export async function commitSeatChanges(tx: SqlTx, tenantId: string, deltas: ReadonlyMap<string, number>) {
  const { sql, expected } = seatChangesSql(tenantId, deltas);
  if (expected === 0) return;
  assertSeatsChanged((await tx.$queryRaw<unknown[]>(sql)).length, expected);
}

export function seatCounts(row: Pick<SeatRow, "assignableUnits">, consumedUnits: number) {
  return { consumedUnits, available: Math.max(0, row.assignableUnits - consumedUnits) };
}
