import { auditLogFilterSchema } from "@allot/contracts";
import type { AuditQuery } from "./get-audit-log";

/** The filters as the page keeps them (in the address bar): action codes as typed, calendar days as YYYY-MM-DD. */
// A type, not an interface: it is handed to useQueryParams' update, which takes any name → value record.
export type AuditFilterValues = {
  action?: string | undefined;
  /** Whose changes: a partner's agents' (delegated access) or the organization's own; everyone's when left out. */
  by?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight at the start of a YYYY-MM-DD day (plus `days`), or null when it is no real day. */
function localMidnight(day: string, days = 0): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Four-digit years only: the API takes years 0001-9999 in UTC, and a time zone can shift a day across a year.
  if (year < 1000 || year > 9998) return null;
  const result = new Date(year, month - 1, date);
  if (result.getFullYear() !== year || result.getMonth() !== month - 1 || result.getDate() !== date) return null;
  result.setDate(result.getDate() + days);
  return result;
}

export type AuditFilterProblem = "action" | "range" | null;

/**
 * The API query for the filters, in the user's time zone: "from" is the start of its day, "to" the whole of its
 * day (the API's `to` is exclusive, so the next midnight). Invalid input yields a problem instead of a query.
 */
export function toAuditQuery(values: AuditFilterValues): { query: AuditQuery; problem: AuditFilterProblem } {
  const action = values.action?.trim() || undefined;
  const from = values.from ? localMidnight(values.from)?.toISOString() : undefined;
  const to = values.to ? localMidnight(values.to, 1)?.toISOString() : undefined;
  const byPartners: AuditQuery["byPartners"] =
    values.by === "partners" ? "true" : values.by === "organization" ? "false" : undefined;
  const query = { action, from, to, byPartners };
  if (action && !auditLogFilterSchema.safeParse({ action }).success) return { query: {}, problem: "action" };
  if ((values.from && !from) || (values.to && !to) || (from && to && from >= to))
    return { query: {}, problem: "range" };
  return { query, problem: null };
}
