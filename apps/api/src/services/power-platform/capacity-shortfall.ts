import type { CapacityShortfall } from "@allot/contracts";
import type { Tx } from "@allot/db";
import { CAPACITY_TYPES, type CapacityUnits } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";
import type { CapacityProduct } from "./capacity-state.js";

/**
 * The problem extension of CapacityInUse and CapacityNotAvailable (capacityShortfallSchema): the units missing per
 * add-on, and the flows (on Process or Per flow) and machines that use the environment's capacity.
 */
export async function shortfallExtension(
  tx: Tx,
  environmentId: string,
  missing: CapacityUnits,
  products: readonly CapacityProduct[],
): Promise<CapacityShortfall> {
  const [flows, machines] = await Promise.all([
    tx.flow.findMany({
      where: { environmentId, licensedBy: { in: ["process", "perFlow"] } },
      select: { id: true, name: true, licensedBy: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    tx.machine.findMany({
      where: { environmentId },
      select: { id: true, name: true, parallelRuns: true, hosted: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
  ]);
  return {
    shortfall: CAPACITY_TYPES.filter((type) => missing[type] > 0).map((type) => ({
      skuPartNumber: products.find((product) => product.capacityType === type)?.skuPartNumber ?? type,
      capacityType: type,
      units: missing[type],
    })),
    flows: flows.map((flow) => ({ id: flow.id, name: flow.name, licenseMode: flow.licensedBy })),
    machines,
  };
}

/** "2 units of Power Automate Process, 1 unit of …": what is missing, in words. */
export function missingInWords(missing: CapacityUnits, products: readonly CapacityProduct[]): string {
  return CAPACITY_TYPES.filter((type) => missing[type] > 0)
    .map((type) => {
      const name = products.find((product) => product.capacityType === type)?.displayName ?? type;
      return `${missing[type]} unit${missing[type] === 1 ? "" : "s"} of ${name}`;
    })
    .join(", ");
}

/**
 * 409 CapacityNotAvailable: new demand (a machine, more parallel runs, a flow switched to capacity) needs units the
 * environment has not been allocated.
 */
export async function capacityNotAvailable(
  tx: Tx,
  environment: { id: string; name: string },
  missing: CapacityUnits,
  products: readonly CapacityProduct[],
): Promise<AppError> {
  return new AppError(
    "CapacityNotAvailable",
    `"${environment.name}" lacks ${missingInWords(missing, products)}: allocate capacity to the environment first ` +
      "(Resources > Capacity > Add-ons).",
    { extensions: await shortfallExtension(tx, environment.id, missing, products) },
  );
}
