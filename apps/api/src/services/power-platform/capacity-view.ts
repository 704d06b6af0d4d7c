import type { Capacity, CapacityAddOn, EnvironmentCapacity, EnvironmentType } from "@allot/contracts";
import type { Db, Tx } from "@allot/db";
import {
  CAPACITY_TYPES,
  type CapacityType,
  type CapacityUnits,
  capacityBalance,
  type EnvironmentDemand,
  machineUnits,
  NO_DEMAND,
  NO_UNITS,
  unitsInUse,
} from "@allot/domain";
import { allocatedUnits, boughtUnits, type CapacityProduct, capacityProducts } from "./capacity-state.js";

type Reader = Db | Tx;

/**
 * The Add-ons view (Resources > Capacity > Add-ons): per add-on what is bought, allocated, left and over-allocated,
 * and per environment (by name) every add-on's allocation and what its flows and machines use of it.
 */
export async function capacityView(db: Reader, tenantId: string): Promise<Capacity> {
  const [products, bought, allocated, environments] = await Promise.all([
    capacityProducts(db as Tx),
    boughtUnits(db as Tx, tenantId),
    allocatedUnits(db as Tx, tenantId),
    environmentCapacities(db, tenantId),
  ]);
  return { addOns: addOnsOf(products, bought, allocated), environments: environments(products) };
}

/** One environment's row of the view (after its allocation changed). */
export async function environmentCapacity(
  db: Reader,
  tenantId: string,
  environmentId: string,
): Promise<EnvironmentCapacity> {
  const [products, rows] = await Promise.all([
    capacityProducts(db as Tx),
    environmentCapacities(db, tenantId, environmentId),
  ]);
  const [row] = rows(products);
  if (!row) throw new Error(`environment ${environmentId} vanished`);
  return row;
}

export function addOnsOf(
  products: readonly CapacityProduct[],
  bought: CapacityUnits,
  allocated: CapacityUnits,
): CapacityAddOn[] {
  return products.map((product) => {
    const type = product.capacityType;
    const balance = capacityBalance({ type, bought: bought[type], allocated: allocated[type] });
    return {
      skuId: product.skuId,
      skuPartNumber: product.skuPartNumber,
      displayName: product.displayName,
      capacityType: type,
      bought: bought[type],
      allocated: allocated[type],
      available: balance.available,
      conflicts: balance.overAllocated,
    };
  });
}

interface AllocationRow {
  environmentId: string;
  capacityType: CapacityType;
  quantity: number;
}

/** The environments' allocations and demand, read in four queries whatever their number. */
async function environmentCapacities(db: Reader, tenantId: string, onlyId?: string) {
  const inScope = onlyId ? { id: onlyId, tenantId } : { tenantId };
  const [environments, allocations, flows, machines] = await Promise.all([
    db.environment.findMany({
      where: inScope,
      select: { id: true, name: true, type: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    db.capacityAllocation.findMany({
      where: { environment: inScope },
      select: { environmentId: true, quantity: true, product: { select: { capacityType: true } } },
    }),
    db.flow.groupBy({
      by: ["environmentId", "licensedBy"],
      where: { environment: inScope, licensedBy: { in: ["process", "perFlow"] } },
      _count: { _all: true },
    }),
    db.machine.findMany({
      where: { environment: inScope },
      select: { environmentId: true, parallelRuns: true, hosted: true },
    }),
  ]);
  const allocationRows: AllocationRow[] = allocations.map((row) => ({
    environmentId: row.environmentId,
    capacityType: row.product.capacityType as CapacityType,
    quantity: row.quantity,
  }));
  const demand = new Map<string, EnvironmentDemand>();
  const demandOf = (id: string) => demand.get(id) ?? { ...NO_DEMAND };
  for (const row of flows) {
    const current = demandOf(row.environmentId);
    if (row.licensedBy === "process") current.processFlows += row._count._all;
    if (row.licensedBy === "perFlow") current.perFlowFlows += row._count._all;
    demand.set(row.environmentId, current);
  }
  for (const machine of machines) {
    const current = demandOf(machine.environmentId);
    if (machine.hosted) current.hostedMachines += 1;
    else current.machineRuns += machineUnits(machine.parallelRuns);
    demand.set(machine.environmentId, current);
  }
  const sorted = [...environments].sort(
    (a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.name.localeCompare(b.name),
  );
  return (products: readonly CapacityProduct[]): EnvironmentCapacity[] =>
    sorted.map((environment) => {
      const allocated: Record<CapacityType, number> = { ...NO_UNITS };
      for (const row of allocationRows) {
        if (row.environmentId === environment.id && CAPACITY_TYPES.includes(row.capacityType)) {
          allocated[row.capacityType] += row.quantity;
        }
      }
      const inUse = unitsInUse(demandOf(environment.id), allocated);
      return {
        environmentId: environment.id,
        name: environment.name,
        type: environment.type as EnvironmentType,
        allocations: products.map((product) => ({
          skuId: product.skuId,
          skuPartNumber: product.skuPartNumber,
          capacityType: product.capacityType,
          quantity: allocated[product.capacityType],
          inUse: inUse[product.capacityType],
        })),
      };
    });
}
