import type { Db, SqlTx } from "@allot/db";
import type { CatalogProduct } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";

export interface ServicePlanInfo {
  id: string;
  name: string;
  displayName: string;
}

/** A product of the global catalog as the licensing services need it: the domain's rules plus Graph's names. */
export interface CatalogEntry extends CatalogProduct {
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  kind: "user" | "capacity";
  servicePlans: ServicePlanInfo[];
  pricePerSeatMonthCents: number;
  currency: string;
}

export interface Catalog {
  byId: ReadonlyMap<string, CatalogEntry>;
  bySkuId: ReadonlyMap<string, CatalogEntry>;
}

interface CatalogRow {
  id: string;
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  kind: "user" | "capacity";
  pricePerSeatMonthCents: number;
  currency: string;
  plans: ServicePlanInfo[];
  excludes: string[];
  requires: string[];
  unavailable: string[];
}

/** How long a process keeps the catalog before reading it again. */
const CATALOG_TTL_MS = 60_000;
const cached = new WeakMap<Db, { loadedAt: number; catalog: Promise<Catalog> }>();

/**
 * The global product catalog, kept in memory for a minute per database client: it is reference data that only a
 * deploy (the seed) changes, and every licensing request needs it, so reading it each time would cost a round trip
 * and Prisma's per-statement work on the hottest path.
 */
export function catalogOf(db: Db, via: SqlTx = db): Promise<Catalog> {
  const entry = cached.get(db);
  // The cache's age is server time: it says how stale the copy is, not what a rule decides.
  if (entry && Date.now() - entry.loadedAt < CATALOG_TTL_MS) return entry.catalog;
  // Inside a transaction, read through it: the embedded database has one connection, which the transaction holds.
  const catalog = loadCatalog(via);
  cached.set(db, { loadedAt: Date.now(), catalog });
  // A failed read is not kept: the next request tries again.
  catalog.catch(() => cached.delete(db));
  return catalog;
}

/**
 * The whole catalog (a few dozen products) with its rules, in one statement. Exclusions are stored one way but
 * hold both ways, which the domain's combination check already accounts for.
 */
async function loadCatalog(tx: SqlTx): Promise<Catalog> {
  const rows = await tx.$queryRaw<CatalogRow[]>`
    SELECT p.id, p."skuId", p."skuPartNumber", p."displayName", p.kind::text AS kind,
           p."pricePerSeatMonthCents", p.currency::text AS currency,
           COALESCE((SELECT json_agg(json_build_object('id', sp.id, 'name', sp."servicePlanName",
                                                       'displayName', sp."displayName")
                                     ORDER BY sp."servicePlanName")
                       FROM "ProductServicePlan" psp JOIN "ServicePlan" sp ON sp.id = psp."servicePlanId"
                      WHERE psp."productId" = p.id), '[]'::json) AS plans,
           ARRAY(SELECT e."excludedProductId"::text FROM "ProductExclusion" e WHERE e."productId" = p.id) AS excludes,
           ARRAY(SELECT r."prerequisiteProductId"::text FROM "ProductPrerequisite" r
                  WHERE r."productId" = p.id) AS requires,
           ARRAY(SELECT l."countryCode"::text FROM "ProductUnavailableLocation" l
                  WHERE l."productId" = p.id) AS unavailable
      FROM "Product" p`;
  const byId = new Map<string, CatalogEntry>();
  const bySkuId = new Map<string, CatalogEntry>();
  for (const row of rows) {
    const entry: CatalogEntry = {
      id: row.id,
      skuId: row.skuId,
      skuPartNumber: row.skuPartNumber,
      displayName: row.displayName,
      kind: row.kind,
      servicePlans: row.plans,
      pricePerSeatMonthCents: row.pricePerSeatMonthCents,
      currency: row.currency,
      servicePlanIds: new Set(row.plans.map((plan) => plan.id)),
      excludes: new Set(row.excludes),
      requiresAnyOf: new Set(row.requires),
      unavailableIn: new Set(row.unavailable),
    };
    byId.set(entry.id, entry);
    bySkuId.set(entry.skuId, entry);
  }
  return { byId, bySkuId };
}

/**
 * The products a request names by skuId: an unknown one is 404 (it does not exist for anyone), and a capacity
 * add-on is refused because it applies to the company's environments, not to people.
 */
export function resolveSkus(catalog: Catalog, skuIds: readonly string[], path: string): CatalogEntry[] {
  const unknown = skuIds.filter((skuId) => !catalog.bySkuId.has(skuId));
  if (unknown.length > 0) {
    throw new AppError(
      "NotFound",
      unknown.length === 1 ? `No product has skuId ${unknown[0]}.` : `${unknown.length} skuIds name no product.`,
      { errors: unknown.map((skuId) => ({ path, message: `no product has skuId ${skuId}`, skuId })) },
    );
  }
  const entries = skuIds.map((skuId) => catalog.bySkuId.get(skuId) as CatalogEntry);
  const capacity = entries.filter((entry) => entry.kind === "capacity");
  if (capacity.length > 0) {
    throw new AppError(
      "ValidationFailed",
      `${capacity.map((entry) => entry.skuPartNumber).join(", ")} applies to the company: allocate it to environments instead of people.`,
      {
        errors: capacity.map((entry) => ({
          path,
          message: "applies to the company, not to users",
          skuId: entry.skuId,
        })),
      },
    );
  }
  return entries;
}

/** A request's licenses as products: each add with its disabled plans (sorted), each remove. */
export interface ResolvedChange {
  add: Array<{ product: CatalogEntry; disabledServicePlanIds: string[] }>;
  remove: CatalogEntry[];
}

/** Resolves the skuIds of an assignLicense-shaped change; `paths` name the body fields for error answers. */
export function resolveChange(
  catalog: Catalog,
  add: ReadonlyArray<{ skuId: string; disabledPlans: readonly string[] }>,
  remove: readonly string[],
  paths: { add: string; remove: string },
): ResolvedChange {
  const added = resolveSkus(
    catalog,
    add.map((license) => license.skuId),
    paths.add,
  );
  return {
    add: add.map((license, index) => ({
      product: added[index] as CatalogEntry,
      disabledServicePlanIds: [...license.disabledPlans].sort(),
    })),
    remove: resolveSkus(catalog, remove, paths.remove),
  };
}

/** A resolved change's adds as the domain's direct licenses. */
export function directLicenses(change: ResolvedChange) {
  return change.add.map(({ product, disabledServicePlanIds }) => ({ productId: product.id, disabledServicePlanIds }));
}
