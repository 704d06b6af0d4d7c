import type { Db } from "@allot/db";
import type { CustomerProduct, LifecycleSubscription, SubscriptionSeats } from "@allot/domain";

type SubscriptionRow = SubscriptionSeats &
  LifecycleSubscription & { tenantId: string; productId: string; seats: number };

/**
 * Every product of each of the customers: its subscriptions (with their lifecycle) and the seats its holders
 * consume, in two statements however many customers, for the rules in packages/domain to judge.
 */
export async function customerProducts(
  db: Pick<Db, "$queryRaw">,
  tenantIds: readonly string[],
): Promise<Map<string, Map<string, CustomerProduct>>> {
  const byTenant = new Map<string, Map<string, CustomerProduct>>(tenantIds.map((id) => [id, new Map()]));
  if (tenantIds.length === 0) return byTenant;
  const ids = [...tenantIds];
  const [subscriptions, counters] = await Promise.all([
    db.$queryRaw<SubscriptionRow[]>`
      SELECT s.id::text AS id, s."tenantId"::text AS "tenantId", s."productId"::text AS "productId", s.seats,
             s.state::text AS state, s.source::text AS source, s."takenOverAt" IS NOT NULL AS "takenOver",
             (SELECT count(*)::int FROM "LicenseAssignment" la WHERE la."subscriptionId" = s.id) AS "ownerAssigned",
             s."autoRenew", s."billingTerm"::text AS "billingTerm", s."termStartsAt", s."termEndsAt",
             s."stateChangedAt", s."cancelledAt"
        FROM "Subscription" s WHERE s."tenantId" = ANY(${ids}::uuid[])`,
    db.$queryRaw<Array<{ tenantId: string; productId: string; consumedUnits: number }>>`
      SELECT "tenantId"::text AS "tenantId", "productId"::text AS "productId", "consumedUnits"
        FROM "TenantProduct" WHERE "tenantId" = ANY(${ids}::uuid[])`,
  ]);
  const productOf = (tenantId: string, productId: string): CustomerProduct & { subscriptions: SubscriptionRow[] } => {
    const products = byTenant.get(tenantId) as Map<string, CustomerProduct>;
    let product = products.get(productId) as (CustomerProduct & { subscriptions: SubscriptionRow[] }) | undefined;
    if (!product) {
      product = { subscriptions: [], consumedUnits: 0 };
      products.set(productId, product);
    }
    return product;
  };
  for (const row of subscriptions) productOf(row.tenantId, row.productId).subscriptions.push(row);
  for (const row of counters) productOf(row.tenantId, row.productId).consumedUnits = row.consumedUnits;
  return byTenant;
}
