import type { CsvDelimiter } from "@allot/contracts";
import { buildUrl, tenantPath } from "../api-client";

type ExportFilter = Record<string, string | number | boolean | null | undefined>;

/**
 * Where the CSV of a tenant's list downloads from (`/tenants/:id/<list>/export`), with the list's filters and the
 * separator. A plain link: the session cookie goes along (same origin, GET needs no CSRF token) and the server names
 * the file.
 */
export function csvExportUrl(tenantId: string, list: string, delimiter: CsvDelimiter, filter: ExportFilter = {}) {
  return buildUrl(tenantPath(tenantId, list, "export"), { ...filter, delimiter });
}
