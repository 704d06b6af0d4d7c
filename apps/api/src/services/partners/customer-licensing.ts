import type { Db } from "@allot/db";
import type { CustomerProduct, CustomerProductSeats, LifecycleSubscription, SubscriptionSeats } from "@allot/domain";
import { customerCountersQuery, customerSeatsQuery, customerSubscriptionsQuery } from "./partner-queries.js";

type Located<T> = T & { tenantId: string; productId: string };

/** Customer → product → what `make` starts it with; `at` finds (or adds) one. */
function productsByCustomer<P>(tenantIds: readonly string[], make: () => P) {
  const byTenant = new Map<string, Map<string, P>>(tenantIds.map((id) => [id, new Map()]));
  const at = (tenantId: string, productId: string): P => {
    const products = byTenant.get(tenantId) as Map<string, P>;
    let product = products.get(productId);
    if (!product) {
      product = make();
      products.set(productId, product);
    }
    return product;
  };
  return { byTenant, at };
}

/**
 * Every product of each of the customers: its subscriptions (with their lifecycle) and the seats its holders
 * consume, in two statements however many customers, for the rules in packages/domain to judge.
 */
export async function customerProducts(
  db: Pick<Db, "$queryRaw">,
  tenantIds: readonly string[],
): Promise<Map<string, Map<string, CustomerProduct>>> {
  type Product = { subscriptions: Array<SubscriptionSeats & LifecycleSubscription>; consumedUnits: number };
  const { byTenant, at } = productsByCustomer<Product>(tenantIds, () => ({ subscriptions: [], consumedUnits: 0 }));
  if (tenantIds.length === 0) return byTenant;
  const [subscriptions, counters] = await Promise.all([
    db.$queryRaw<Array<Located<SubscriptionSeats & LifecycleSubscription>>>(customerSubscriptionsQuery(tenantIds)),
    db.$queryRaw<Array<Located<{ consumedUnits: number }>>>(customerCountersQuery(tenantIds)),
  ]);
  for (const row of subscriptions) at(row.tenantId, row.productId).subscriptions.push(row);
  for (const row of counters) at(row.tenantId, row.productId).consumedUnits = row.consumedUnits;
  return byTenant;
}

/**
 * Each product with a subscription of each of the customers, with what the seat rules need and nothing of the
 * subscriptions' lifecycle, in one statement however many customers (the overview's every customer).
 */
export async function customerSeats(
  db: Pick<Db, "$queryRaw">,
  tenantIds: readonly string[],
): Promise<Map<string, Map<string, CustomerProductSeats>>> {
  type Product = { subscriptions: SubscriptionSeats[]; consumedUnits: number };
  const { byTenant, at } = productsByCustomer<Product>(tenantIds, () => ({ subscriptions: [], consumedUnits: 0 }));
  if (tenantIds.length === 0) return byTenant;
  const rows = await db.$queryRaw<Array<Located<SubscriptionSeats & { consumedUnits: number }>>>(
    customerSeatsQuery(tenantIds),
  );
  for (const row of rows) {
    const product = at(row.tenantId, row.productId);
    product.subscriptions.push(row);
    product.consumedUnits = row.consumedUnits;
  }
  return byTenant;
}
