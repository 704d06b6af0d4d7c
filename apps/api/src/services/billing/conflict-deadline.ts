import type { Tx } from "@allot/db";
import { addDays, CONFLICT_RESOLVE_DAYS, summarizeSeats } from "@allot/domain";
import { seatStates } from "../licenses/product-status.js";

/** Holders of the product without a seat behind them (consumed beyond usable seats), 0 when none. */
export async function shortfallOf(tx: Tx, tenantId: string, productId: string): Promise<number> {
  const state = (await seatStates(tx, tenantId, [productId])).get(productId);
  if (!state) return 0;
  const summary = summarizeSeats(state.subscriptions, state.consumedUnits);
  return Math.max(0, state.consumedUnits - summary.usableUnits);
}

/**
 * Keeps the product's conflict deadline in step with its seats: cleared once nobody is without a seat; set to
 * 90 days from now when a billing admin accepts creating a conflict (an earlier deadline stays).
 */
export async function refreshConflictDeadline(
  tx: Tx,
  tenantId: string,
  productId: string,
  now: Date,
  accepting: boolean,
): Promise<Date | null> {
  const shortfall = await shortfallOf(tx, tenantId, productId);
  const deadline = shortfall > 0 && accepting ? addDays(now, CONFLICT_RESOLVE_DAYS) : null;
  const [row] = await tx.$queryRaw<Array<{ conflictResolveBy: Date | null }>>`
    UPDATE "TenantProduct"
       SET "conflictResolveBy" = CASE WHEN ${shortfall}::int <= 0 THEN NULL
                                      ELSE COALESCE("conflictResolveBy", ${deadline}::timestamptz) END
     WHERE "tenantId" = ${tenantId}::uuid AND "productId" = ${productId}::uuid
    RETURNING "conflictResolveBy"`;
  return row?.conflictResolveBy ?? null;
}
