import type { Command } from "commander";
import { start, withCommon } from "../options.js";
import { printRows } from "../output.js";
import { registerLicenseChanges } from "./licenses-change.js";

export function registerLicenses(program: Command): void {
  const licenses = program.command("licenses").description("Products and their seats; assign and remove licenses");

  withCommon(licenses.command("list").description("Products the tenant subscribes to, with seats")).action(
    async (options) => {
      const { session, format } = await start(options);
      if (session.kind === "app") {
        const skus = await session.client.graph.subscribedSkus();
        printRows(
          format,
          skus,
          [
            { header: "Product", value: (s) => s.skuPartNumber },
            { header: "Status", value: (s) => s.capabilityStatus },
            { header: "Seats", value: (s) => s.prepaidUnits.enabled },
            { header: "Assigned", value: (s) => s.consumedUnits },
            { header: "Plans", value: (s) => s.servicePlans.map((plan) => plan.servicePlanName) },
          ],
          undefined,
          skus,
        );
        return;
      }
      const { value } = await session.client.subscribedSkus(session.tenantId);
      printRows(
        format,
        value,
        [
          { header: "Product", value: (s) => s.skuPartNumber },
          { header: "Name", value: (s) => s.displayName },
          { header: "Status", value: (s) => s.capabilityStatus },
          { header: "Seats", value: (s) => s.prepaidUnits.enabled + s.prepaidUnits.warning },
          { header: "Assigned", value: (s) => s.consumedUnits },
          { header: "Available", value: (s) => s.available },
          { header: "Plans", value: (s) => s.servicePlans.map((plan) => plan.servicePlanName) },
        ],
        undefined,
        value,
      );
    },
  );

  registerLicenseChanges(licenses);
}
