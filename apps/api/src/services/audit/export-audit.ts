import type { Readable } from "node:stream";
import { AUDIT_CSV_COLUMNS, AUDIT_EXPORT_MAX_ROWS, type AuditExportQuery } from "@allot/contracts";
import { type CsvCell, csvStream } from "../../lib/csv.js";
import type { TenantContext } from "../../types.js";
import { type AuditKey, type AuditRow, auditEventsQuery, auditKeyOf, resolveAuditFilter } from "./audit-query.js";

/** Rows read per query: the export walks the log in keyset pages instead of one result of up to 100,000 rows. */
export const AUDIT_EXPORT_PAGE_SIZE = 2_000;

const jsonText = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);

/** The actor as the log shows it: a partner's agent with its organization, an app as an app, a token by its name. */
function actorCell(row: AuditRow): string | null {
  if (row.actorApplicationId !== null) return `App: ${row.actorApplicationName ?? row.actorApplicationId}`;
  const person =
    row.actorDisplayName && row.actorPartnerName
      ? `${row.actorDisplayName} (${row.actorPartnerName})`
      : row.actorDisplayName;
  return person && row.actorTokenId !== null ? `${person} [token: ${row.actorTokenName ?? row.actorTokenId}]` : person;
}

function rowCells(row: AuditRow): CsvCell[] {
  return [
    row.createdAt.toISOString(),
    actorCell(row),
    row.actorUserId,
    row.action,
    row.targetType,
    row.targetId,
    // Space-separated: one cell, no quoting, and the ids are readable as they are.
    row.productIds.join(" "),
    row.requestId,
    jsonText(row.before),
    jsonText(row.after),
  ];
}

/** `audit-log-contoso.test-2025-01-31.csv`: the tenant's domain (its id if the domain holds odd characters) and the clock's day in UTC. */
function fileName(tenantId: string, domain: string | undefined, now: Date): string {
  const name = domain && /^[A-Za-z0-9.-]{1,200}$/.test(domain) ? domain : tenantId;
  return `audit-log-${name}-${now.toISOString().slice(0, 10)}.csv`;
}

export interface AuditExport {
  fileName: string;
  /**
   * The CSV text (see lib/csv.ts), header row first, newest event first, at most 100,000 rows. The first page is
   * read before the stream is handed out, so an unreachable database still answers a problem document;
   * later pages are read while the client downloads (back-pressure pauses reading when the client is slow).
   */
  open(): Promise<Readable>;
}

/**
 * The tenant's audit events matching the filters as CSV. The filters are resolved at once (a bad skuId is a 404);
 * nothing is read until `open` (a HEAD request never opens it: Fastify would drain the whole stream).
 */
export async function exportAuditLog(ctx: TenantContext, query: AuditExportQuery): Promise<AuditExport> {
  const { delimiter, ...filter } = query;
  const criteria = await resolveAuditFilter(ctx, filter);
  const tenant = await ctx.db.tenant.findUnique({ where: { id: ctx.tenantId }, select: { domain: true } });
  const read = (after: AuditKey | undefined, take: number) =>
    ctx.db.$queryRaw<AuditRow[]>(auditEventsQuery(criteria, after, take));
  return {
    fileName: fileName(ctx.tenantId, tenant?.domain, ctx.clock.now()),
    async open() {
      const first = await read(undefined, Math.min(AUDIT_EXPORT_PAGE_SIZE, AUDIT_EXPORT_MAX_ROWS));
      return csvStream(AUDIT_CSV_COLUMNS, delimiter, pages(first, read));
    },
  };
}

/** The export's rows page by page, newest first, up to AUDIT_EXPORT_MAX_ROWS. */
async function* pages(
  first: AuditRow[],
  read: (after: AuditKey | undefined, take: number) => Promise<AuditRow[]>,
): AsyncGenerator<CsvCell[][]> {
  let rows = first;
  let written = 0;
  let asked = Math.min(AUDIT_EXPORT_PAGE_SIZE, AUDIT_EXPORT_MAX_ROWS);
  for (;;) {
    yield rows.map(rowCells);
    written += rows.length;
    const last = rows.at(-1);
    // A short page is the last one; the row cap ends the export too.
    if (last === undefined || rows.length < asked || written >= AUDIT_EXPORT_MAX_ROWS) return;
    asked = Math.min(AUDIT_EXPORT_PAGE_SIZE, AUDIT_EXPORT_MAX_ROWS - written);
    rows = await read(auditKeyOf(last), asked);
  }
}
