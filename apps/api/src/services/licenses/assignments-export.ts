import type { Readable } from "node:stream";
import { LICENSE_ASSIGNMENT_COLUMNS, type licenseAssignmentsExportQuerySchema } from "@allot/contracts";
import type { z } from "zod";
import { type CsvCell, csvStream } from "../../lib/csv.js";
import type { TenantContext } from "../../types.js";
import { formatAssignedBy, formatDisabledPlans } from "./assignment-file-format.js";
import { type Catalog, catalogOf, resolveSkus } from "./catalog.js";

/** Users read per query: the export walks the tenant's license holders in pages of this many, by sign-in name. */
export const ASSIGNMENTS_EXPORT_PAGE_SIZE = 1_000;

export const LICENSE_ASSIGNMENT_HEADER = LICENSE_ASSIGNMENT_COLUMNS.map((column) => column.en);

type ExportQuery = z.output<typeof licenseAssignmentsExportQuerySchema>;

interface AssignmentRow {
  email: string;
  productId: string;
  groupName: string | null;
  disabledServicePlanIds: string[];
}

export interface AssignmentsExport {
  fileName: string;
  /** The CSV (lib/csv.ts); the first page is read before the stream is handed out, so errors are still problems. */
  open(): Promise<Readable>;
}

/**
 * The license assignment CSV: one row per live user and product held, directly (`Direct`) or through a group
 * (`Group: <name>`, one row per group), with the disabled plans by servicePlanName. Ordered by User Name, then
 * product, the direct row first. An unknown skuId is a 404; nothing is read until `open` (HEAD never opens it).
 */
export async function exportLicenseAssignments(ctx: TenantContext, query: ExportQuery): Promise<AssignmentsExport> {
  const catalog = await catalogOf(ctx.db);
  const productId = query.skuId ? (resolveSkus(catalog, [query.skuId], "querystring.skuId")[0]?.id ?? null) : null;
  const tenant = await ctx.db.tenant.findUnique({ where: { id: ctx.tenantId }, select: { domain: true } });
  const read = (after: string) => readPage(ctx, productId, after);
  return {
    fileName: fileName(ctx.tenantId, tenant?.domain, ctx.clock.now()),
    async open() {
      const first = await read("");
      return csvStream(LICENSE_ASSIGNMENT_HEADER, query.delimiter, pages(first, read, catalog));
    },
  };
}

/** The assignments of the next page of license holders (by sign-in name, after `after`). */
function readPage(ctx: TenantContext, productId: string | null, after: string): Promise<AssignmentRow[]> {
  return ctx.db.$queryRaw<AssignmentRow[]>`
    WITH holders AS (
      SELECT u.id, u.email FROM "User" u
       WHERE u."tenantId" = ${ctx.tenantId}::uuid AND u."deletedAt" IS NULL AND u.email > ${after}
         AND EXISTS (SELECT 1 FROM "LicenseAssignment" la
                      WHERE la."userId" = u.id AND (${productId}::uuid IS NULL OR la."productId" = ${productId}::uuid))
       ORDER BY u.email LIMIT ${ASSIGNMENTS_EXPORT_PAGE_SIZE})
    SELECT h.email, la."productId"::text AS "productId", g."displayName" AS "groupName",
           la."disabledServicePlanIds"::text[] AS "disabledServicePlanIds"
      FROM holders h
      JOIN "LicenseAssignment" la ON la."userId" = h.id
      LEFT JOIN "Group" g ON g.id = la."assignedByGroupId"
     WHERE ${productId}::uuid IS NULL OR la."productId" = ${productId}::uuid
     ORDER BY h.email`;
}

async function* pages(
  first: AssignmentRow[],
  read: (after: string) => Promise<AssignmentRow[]>,
  catalog: Catalog,
): AsyncGenerator<CsvCell[][]> {
  let rows = first;
  for (;;) {
    yield rows.sort(byFileOrder(catalog)).map((row) => rowCells(row, catalog));
    const holders = new Set(rows.map((row) => row.email));
    const last = rows.at(-1)?.email;
    // A page with fewer holders than asked for is the last one.
    if (last === undefined || holders.size < ASSIGNMENTS_EXPORT_PAGE_SIZE) return;
    rows = await read(last);
  }
}

function byFileOrder(catalog: Catalog) {
  const part = (row: AssignmentRow) => catalog.byId.get(row.productId)?.skuPartNumber ?? row.productId;
  return (a: AssignmentRow, b: AssignmentRow): number =>
    compare(a.email, b.email) ||
    compare(part(a), part(b)) ||
    (a.groupName === null ? -1 : 0) - (b.groupName === null ? -1 : 0) ||
    compare(a.groupName ?? "", b.groupName ?? "");
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function rowCells(row: AssignmentRow, catalog: Catalog): CsvCell[] {
  const product = catalog.byId.get(row.productId);
  const planNames = new Map(product?.servicePlans.map((plan) => [plan.id, plan.name]));
  const disabled = row.disabledServicePlanIds.map((id) => planNames.get(id) ?? id).sort();
  return [
    row.email,
    product?.skuPartNumber ?? row.productId,
    formatDisabledPlans(disabled),
    formatAssignedBy(row.groupName),
  ];
}

/** `license-assignments-contoso.test-2025-01-31.csv`: the tenant's domain (or its id) and the clock's day in UTC. */
function fileName(tenantId: string, domain: string | undefined, now: Date): string {
  const name = domain && /^[A-Za-z0-9.-]{1,200}$/.test(domain) ? domain : tenantId;
  return `license-assignments-${name}-${now.toISOString().slice(0, 10)}.csv`;
}
