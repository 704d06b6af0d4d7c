import type { ListAuditQuery } from "@allot/contracts";
import { AppError } from "../../lib/app-error.js";
import { decodeCursor, keysetPage } from "../../lib/cursor.js";
import type { TenantContext } from "../../types.js";
import {
  type AuditKey,
  type AuditRow,
  auditEventFromRow,
  auditEventsQuery,
  auditKeyOf,
  resolveAuditFilter,
} from "./audit-query.js";

/** PostgreSQL has no year 0, which an ISO date-time allows: such a cursor must not reach the database. */
const EARLIEST_KEY = Date.parse("0001-01-01T00:00:00Z");

/** The (createdAt, id) a cursor of an audit list holds; a forged one is a 400, never a database error. */
export function auditCursorKey(cursor: string): AuditKey {
  const [createdAt, id] = decodeCursor(cursor, ["datetime", "uuid"]) as [string, string];
  if (Date.parse(createdAt) < EARLIEST_KEY) {
    throw new AppError("ValidationFailed", "The cursor is not one this API handed out.", {
      errors: [{ path: "querystring.cursor", message: "is not a valid cursor" }],
    });
  }
  return { createdAt, id };
}

/** The tenant's audit events matching the filters, newest first, one keyset page at a time. */
export async function listAuditEvents(ctx: TenantContext, { cursor, limit, ...filter }: ListAuditQuery) {
  const after = cursor ? auditCursorKey(cursor) : undefined;
  const criteria = await resolveAuditFilter(ctx, filter);
  const rows = await ctx.db.$queryRaw<AuditRow[]>(auditEventsQuery(criteria, after, limit + 1));
  const page = keysetPage(rows, limit, (row) => {
    const key = auditKeyOf(row);
    return [key.createdAt, key.id];
  });
  return { items: page.rows.map(auditEventFromRow), nextCursor: page.nextCursor };
}
