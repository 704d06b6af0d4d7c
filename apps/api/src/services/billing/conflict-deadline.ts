import { Prisma, type SqlTx } from "@allot/db";
import { addDays, CONFLICT_RESOLVE_DAYS, summarizeSeats } from "@allot/domain";
import { USABLE_UNITS } from "../seats/seat-ledger.js";
import { seatStates } from "../seats/seat-states.js";

/** Holders of the product without a seat behind them (consumed beyond usable seats), 0 when none. */
export async function shortfallOf(tx: SqlTx, tenantId: string, productId: string): Promise<number> {
  const state = (await seatStates(tx, tenantId, [productId])).get(productId);
  if (!state) return 0;
  const summary = summarizeSeats(state.subscriptions, state.consumedUnits);
  return Math.max(0, state.consumedUnits - summary.usableUnits);
}

/**
 * Keeps the product's conflict deadline in step with its seats: cleared once nobody is without a seat; set to
 * 90 days from now when a billing admin accepts creating a conflict (an earlier deadline stays). The shortfall is
 * `shortfallOf`'s, counted in the same statement that updates the row (which the caller has locked): one round trip
 * instead of three on every billing change.
 */
export async function refreshConflictDeadline(
  tx: SqlTx,
  tenantId: string,
  productId: string,
  now: Date,
  accepting: boolean,
): Promise<Date | null> {
  const deadline = accepting ? addDays(now, CONFLICT_RESOLVE_DAYS) : null;
  const [row] = await tx.$queryRaw<Array<{ conflictResolveBy: Date | null }>>`
    UPDATE "TenantProduct" tp
       SET "conflictResolveBy" = CASE WHEN tp."consumedUnits" <= ${Prisma.raw(USABLE_UNITS('tp."tenantId"', 'tp."productId"'))}
                                      THEN NULL
                                      ELSE COALESCE(tp."conflictResolveBy", ${deadline}::timestamptz) END
     WHERE tp."tenantId" = ${tenantId}::uuid AND tp."productId" = ${productId}::uuid
    RETURNING tp."conflictResolveBy"`;
  return row?.conflictResolveBy ?? null;
}
