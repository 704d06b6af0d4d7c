import { UsageError } from "../exit-codes.js";
import { printRows } from "../output.js";
import { type Product, planIds } from "../products.js";
import type { Session } from "../session.js";
import type { ChangeOptions, Verb } from "./licenses-results.js";

/** A group by its display name (exactly, ignoring case): the one the person means, or a usage error. */
async function findGroup(session: Session, name: string): Promise<{ id: string; displayName: string }> {
  const groups =
    session.kind === "app"
      ? (await session.client.graph.groups()).map((g) => ({ id: g.id, displayName: g.displayName ?? "" }))
      : (await session.client.groups.list(session.tenantId, { search: name, limit: 200 })).items;
  const matches = groups.filter((group) => group.displayName.toLowerCase() === name.toLowerCase());
  if (matches.length === 0) throw new UsageError(`--group ${name}: no group has that name (NotFound).`);
  if (matches.length > 1) throw new UsageError(`--group ${name}: ${matches.length} groups have that name; use an id.`);
  return matches[0] as { id: string; displayName: string };
}

/**
 * Group-based licensing: the product goes to the group (members inherit it) or comes off it. A dry run names the
 * change and the group's current licenses, and changes nothing (the API applies group changes at once, with no
 * preview of its own).
 */
export async function changeForGroup(session: Session, verb: Verb, options: ChangeOptions, product: Product) {
  const group = await findGroup(session, options.group ?? "");
  const body =
    verb === "assign"
      ? {
          addLicenses: [{ skuId: product.skuId, disabledPlans: planIds(product, options.disablePlan ?? []) }],
          removeLicenses: [],
        }
      : { addLicenses: [], removeLicenses: [product.skuId] };
  const format = options.json ? "json" : options.csv ? "csv" : "table";
  const columns = [
    { header: "Group", value: () => group.displayName },
    { header: "Change", value: () => `${verb === "assign" ? "+" : "-"}${product.skuPartNumber}` },
    { header: "Result", value: (row: { result: string }) => row.result },
  ];
  if (options.dryRun) {
    printRows(format, [{ result: "would change (dry run)" }], columns, undefined, { group, dryRun: true, ...body });
    return;
  }
  const answer =
    session.kind === "app"
      ? await session.client.graph.assignGroupLicense(group.id, body)
      : await session.client.groups.assignLicense(session.tenantId, group.id, body);
  printRows(format, [{ result: "done" }], columns, undefined, answer);
}
