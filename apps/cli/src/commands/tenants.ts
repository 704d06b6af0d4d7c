import type { Command } from "commander";
import { start, withCommon } from "../options.js";
import { printRows } from "../output.js";

export function registerTenants(program: Command): void {
  withCommon(
    program.command("tenants").description("The tenants you reach: your own and customers through a partner"),
  ).action(async (options) => {
    const { session, format } = await start(options);
    if (session.kind === "app") {
      const rows = [{ id: session.tenantId, current: true }];
      printRows(format, rows, [
        { header: "Current", value: (row) => (row.current ? "*" : "") },
        { header: "Id", value: (row) => row.id },
      ]);
      return;
    }
    const me = await session.client.me();
    printRows(
      format,
      me.tenants,
      [
        { header: "Current", value: (row) => (row.id === session.tenantId ? "*" : "") },
        { header: "Id", value: (row) => row.id },
        { header: "Name", value: (row) => row.name },
        { header: "Domain", value: (row) => row.domain },
        { header: "Access", value: (row) => row.access },
        { header: "Roles", value: (row) => row.roles },
      ],
      undefined,
      me.tenants,
    );
  });
}
