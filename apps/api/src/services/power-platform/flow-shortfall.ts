import type { CapacityShortfall } from "@allot/contracts";
import type { Tx } from "@allot/db";
import { CAPACITY_TYPES, type CapacityUnits, type FlowLicenseMode } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";
import { capacityProducts } from "./capacity-state.js";

/**
 * 409 CapacityNotAvailable for a flow switched to capacity its environment lacks: the units missing per add-on and
 * what already uses the environment's capacity, with the way out (allocate capacity to the environment).
 */
export async function capacityNotAvailable(
  tx: Tx,
  environment: { id: string; name: string },
  missing: CapacityUnits,
): Promise<AppError> {
  const [products, flows, machines] = await Promise.all([
    capacityProducts(tx),
    tx.flow.findMany({
      where: { environmentId: environment.id, licensedBy: { not: "owner" } },
      select: { id: true, name: true, licensedBy: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    tx.machine.findMany({
      where: { environmentId: environment.id },
      select: { id: true, name: true, parallelRuns: true, hosted: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
  ]);
  const shortfall = CAPACITY_TYPES.filter((type) => missing[type] > 0).map((type) => ({
    skuPartNumber: products.find((product) => product.capacityType === type)?.skuPartNumber ?? type,
    capacityType: type,
    units: missing[type],
  }));
  const extension: CapacityShortfall = {
    shortfall,
    flows: flows.map((flow) => ({ id: flow.id, name: flow.name, licenseMode: flow.licensedBy as FlowLicenseMode })),
    machines,
  };
  const names = shortfall.map((item) => `${item.units} ${item.skuPartNumber}`).join(", ");
  return new AppError(
    "CapacityNotAvailable",
    `${environment.name} has no unused unit for this flow (missing: ${names}). Allocate capacity to the environment ` +
      "in the Power Platform admin center (Resources > Capacity > Add-ons) first.",
    { extensions: extension },
  );
}
