import type { CsvDelimiter } from "@allot/contracts";
import { buildUrl, tenantPath } from "@/lib/api-client";

/**
 * Plain links for the files of an import (the session cookie goes along, the server names the file): the template,
 * the problems found in an upload, the results once applied.
 */
export function templateUrl(
  tenantId: string,
  choice: { samples: boolean; language: "en" | "nl"; delimiter: CsvDelimiter },
): string {
  return buildUrl(tenantPath(tenantId, "users", "importTemplate"), choice);
}

export function problemsExportUrl(tenantId: string, importId: string, delimiter: CsvDelimiter): string {
  return buildUrl(tenantPath(tenantId, "userImports", importId, "problems", "export"), { delimiter });
}

export function resultsExportUrl(tenantId: string, importId: string, delimiter: CsvDelimiter): string {
  return buildUrl(tenantPath(tenantId, "userImports", importId, "results", "export"), { delimiter });
}
