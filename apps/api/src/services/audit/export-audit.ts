import { Readable } from "node:stream";
import { AUDIT_CSV_COLUMNS, AUDIT_EXPORT_MAX_ROWS, type AuditLogFilter } from "@allot/contracts";
import type { TenantContext } from "../../types.js";
import { type AuditKey, type AuditRow, auditEventsQuery, auditKeyOf, resolveAuditFilter } from "./audit-query.js";

/** Rows read per query: the export walks the log in keyset pages instead of one result of up to 100,000 rows. */
export const AUDIT_EXPORT_PAGE_SIZE = 2_000;

/** A leading character that makes Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Characters that need a quoted field (RFC 4180). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field: a value a spreadsheet would take for a formula gets a leading `'` (shown as text, never run),
 * then a field holding a comma, quote or line break is quoted with its quotes doubled. Null is an empty field.
 */
export function csvField(value: string | null): string {
  if (value === null) return "";
  const inert = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

export function csvLine(fields: ReadonlyArray<string | null>): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

const jsonText = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);

function rowLine(row: AuditRow): string {
  return csvLine([
    row.createdAt.toISOString(),
    row.actorDisplayName,
    row.actorUserId,
    row.action,
    row.targetType,
    row.targetId,
    // Space-separated: one cell, no quoting, and the ids are readable as they are.
    row.productIds.join(" "),
    row.requestId,
    jsonText(row.before),
    jsonText(row.after),
  ]);
}

/** `audit-log-contoso.test-2025-01-31.csv`: the tenant's domain (its id if the domain holds odd characters) and today in UTC. */
function fileName(tenantId: string, domain: string | undefined, now: Date): string {
  const name = domain && /^[A-Za-z0-9.-]{1,200}$/.test(domain) ? domain : tenantId;
  return `audit-log-${name}-${now.toISOString().slice(0, 10)}.csv`;
}

export interface AuditExport {
  fileName: string;
  /**
   * The CSV text (UTF-8, CRLF line ends), header row first, newest event first, at most 100,000 rows. The first
   * page is read before the stream is handed out, so an unreachable database still answers a problem document;
   * later pages are read while the client downloads (back-pressure pauses reading when the client is slow).
   */
  open(): Promise<Readable>;
}

/**
 * The tenant's audit events matching the filters as CSV. The filters are resolved at once (a bad skuId is a 404);
 * nothing is read until `open` (a HEAD request never opens it: Fastify would drain the whole stream).
 */
export async function exportAuditLog(ctx: TenantContext, filter: AuditLogFilter): Promise<AuditExport> {
  const criteria = await resolveAuditFilter(ctx, filter);
  const tenant = await ctx.db.tenant.findUnique({ where: { id: ctx.tenantId }, select: { domain: true } });
  const read = (after: AuditKey | undefined, take: number) =>
    ctx.db.$queryRaw<AuditRow[]>(auditEventsQuery(criteria, after, take));
  return {
    fileName: fileName(ctx.tenantId, tenant?.domain, new Date()),
    async open() {
      const first = await read(undefined, Math.min(AUDIT_EXPORT_PAGE_SIZE, AUDIT_EXPORT_MAX_ROWS));
      return Readable.from(csvChunks(first, read), { objectMode: false });
    },
  };
}

async function* csvChunks(
  first: AuditRow[],
  read: (after: AuditKey | undefined, take: number) => Promise<AuditRow[]>,
): AsyncGenerator<string> {
  yield csvLine(AUDIT_CSV_COLUMNS);
  let rows = first;
  let written = 0;
  let asked = Math.min(AUDIT_EXPORT_PAGE_SIZE, AUDIT_EXPORT_MAX_ROWS);
  for (;;) {
    if (rows.length > 0) yield rows.map(rowLine).join("");
    written += rows.length;
    const last = rows.at(-1);
    // A short page is the last one; the row cap ends the export too.
    if (last === undefined || rows.length < asked || written >= AUDIT_EXPORT_MAX_ROWS) return;
    asked = Math.min(AUDIT_EXPORT_PAGE_SIZE, AUDIT_EXPORT_MAX_ROWS - written);
    rows = await read(auditKeyOf(last), asked);
  }
}
