import type { Db } from "@allot/db";
import type { CustomerProduct, LifecycleSubscription, SubscriptionSeats } from "@allot/domain";
import { customerCountersQuery, customerSubscriptionsQuery } from "./partner-queries.js";

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
  const [subscriptions, counters] = await Promise.all([
    db.$queryRaw<SubscriptionRow[]>(customerSubscriptionsQuery(tenantIds)),
    db.$queryRaw<Array<{ tenantId: string; productId: string; consumedUnits: number }>>(
      customerCountersQuery(tenantIds),
    ),
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
