import type { Tx } from "@allot/db";
import {
  CAPACITY_TYPES,
  type CapacityType,
  type CapacityUnits,
  type EnvironmentDemand,
  machineUnits,
  NO_UNITS,
} from "@allot/domain";
import { notFound } from "../../lib/app-error.js";
import { usableSubscriptionSql } from "../seats/usable-subscription.js";

/**
 * The state capacity rules read, loaded inside the transaction that changes it. Locking protocol (so concurrent
 * edits never over-allocate and never take a unit twice):
 * - a change of allocations takes the tenant's capacity lock, then the environment's row;
 * - a change of demand (a flow's license mode, a machine) takes only the environment's row.
 * Allocation changes therefore serialise per tenant, and every change to one environment serialises on its row;
 * the order (tenant before environment) is the same everywhere, so they cannot deadlock.
 */

/** The capacity add-ons of the catalog, one per capacity type. */
export interface CapacityProduct {
  productId: string;
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  capacityType: CapacityType;
}

export async function capacityProducts(tx: Tx): Promise<CapacityProduct[]> {
  const rows = await tx.product.findMany({
    where: { kind: "capacity", capacityType: { not: null } },
    select: { id: true, skuId: true, skuPartNumber: true, displayName: true, capacityType: true },
    orderBy: { skuPartNumber: "asc" },
  });
  return rows.map((row) => ({
    productId: row.id,
    skuId: row.skuId,
    skuPartNumber: row.skuPartNumber,
    displayName: row.displayName,
    capacityType: row.capacityType as CapacityType,
  }));
}

/** Serialises allocation changes in one tenant (transaction-scoped advisory lock, released at commit). */
export async function lockTenantCapacity(tx: Tx, tenantId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`capacity:${tenantId}`}, 0))`;
}

/** Locks the environment's row (404 when it is not the tenant's), serialising every change of its capacity. */
export async function lockEnvironment(
  tx: Tx,
  tenantId: string,
  environmentId: string,
): Promise<{ id: string; name: string }> {
  const rows = await tx.$queryRaw<{ id: string; name: string }[]>`
    SELECT id, name FROM "Environment" WHERE id = ${environmentId}::uuid AND "tenantId" = ${tenantId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw notFound("Environment");
  return row;
}

/** Usable units bought of each add-on (seats of active and expired subscriptions). */
export async function boughtUnits(tx: Tx, tenantId: string): Promise<CapacityUnits> {
  const rows = await tx.$queryRaw<{ capacityType: CapacityType; units: number }[]>`
    SELECT p."capacityType"::text AS "capacityType", COALESCE(SUM(s.seats), 0)::int AS units
      FROM "Subscription" s JOIN "Product" p ON p.id = s."productId"
     WHERE s."tenantId" = ${tenantId}::uuid AND p.kind = 'capacity' AND ${usableSubscriptionSql}
     GROUP BY p."capacityType"`;
  return toUnits(rows);
}

/** Units allocated over all the tenant's environments, per add-on. */
export async function allocatedUnits(tx: Tx, tenantId: string): Promise<CapacityUnits> {
  const rows = await tx.$queryRaw<{ capacityType: CapacityType; units: number }[]>`
    SELECT p."capacityType"::text AS "capacityType", COALESCE(SUM(a.quantity), 0)::int AS units
      FROM "CapacityAllocation" a
      JOIN "Environment" e ON e.id = a."environmentId"
      JOIN "Product" p ON p.id = a."productId"
     WHERE e."tenantId" = ${tenantId}::uuid
     GROUP BY p."capacityType"`;
  return toUnits(rows);
}

/** Units allocated to one environment, per add-on. */
export async function environmentAllocation(tx: Tx, environmentId: string): Promise<CapacityUnits> {
  const rows = await tx.$queryRaw<{ capacityType: CapacityType; units: number }[]>`
    SELECT p."capacityType"::text AS "capacityType", a.quantity AS units
      FROM "CapacityAllocation" a JOIN "Product" p ON p.id = a."productId"
     WHERE a."environmentId" = ${environmentId}::uuid`;
  return toUnits(rows);
}

/** What the environment's flows and machines need of its capacity. */
export async function environmentDemand(tx: Tx, environmentId: string): Promise<EnvironmentDemand> {
  const [flows, machines] = await Promise.all([
    tx.flow.groupBy({ by: ["licensedBy"], where: { environmentId }, _count: { _all: true } }),
    tx.machine.findMany({ where: { environmentId }, select: { parallelRuns: true, hosted: true } }),
  ]);
  const flowsIn = (mode: "process" | "perFlow") => flows.find((row) => row.licensedBy === mode)?._count._all ?? 0;
  return {
    processFlows: flowsIn("process"),
    perFlowFlows: flowsIn("perFlow"),
    machineRuns: machines.filter((m) => !m.hosted).reduce((sum, m) => sum + machineUnits(m.parallelRuns), 0),
    hostedMachines: machines.filter((m) => m.hosted).length,
  };
}

function toUnits(rows: { capacityType: CapacityType; units: number }[]): CapacityUnits {
  const result: Record<CapacityType, number> = { ...NO_UNITS };
  for (const row of rows) {
    if ((CAPACITY_TYPES as readonly string[]).includes(row.capacityType)) result[row.capacityType] += row.units;
  }
  return result;
}
