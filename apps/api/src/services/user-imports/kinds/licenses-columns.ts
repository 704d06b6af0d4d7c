import { LICENSE_ASSIGNMENT_COLUMNS } from "@allot/contracts";
import { AppError } from "../../../lib/app-error.js";
import type { CsvFile } from "../../../lib/csv-read.js";
import type { LicenseFileHeaders, LicenseFileRow } from "../../licenses/assignment-plan-rows.js";

/** A header cell, compared without case, spaces at the ends, or a UTF-8 BOM a tool left inside the first cell. */
const normalise = (header: string) =>
  header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase();

const FIELDS = ["userName", "product", "disabledPlans", "assignedBy"] as const satisfies ReadonlyArray<
  keyof LicenseFileHeaders
>;

/**
 * The license assignment CSV's rows, its columns found by their English or Dutch headers in any order. `User Name`
 * and `Product` are required (a file without them is not this kind of file); the others may be left out.
 */
export function licenseFileRows(file: CsvFile): { rows: LicenseFileRow[]; headers: LicenseFileHeaders } {
  const index = new Map<keyof LicenseFileHeaders, number>();
  const headers = {
    userName: "User Name",
    product: "Product",
    disabledPlans: "Disabled plans",
    assignedBy: "Assigned by",
  };
  file.header.forEach((cell, position) => {
    const at = LICENSE_ASSIGNMENT_COLUMNS.findIndex(
      (column) => normalise(column.en) === normalise(cell) || normalise(column.nl) === normalise(cell),
    );
    const field = FIELDS[at];
    if (field === undefined || index.has(field)) return;
    index.set(field, position);
    headers[field] = cell.replace(/^\uFEFF/, "").trim();
  });
  const missing = (["userName", "product"] as const).filter((field) => !index.has(field));
  if (missing.length > 0) {
    throw new AppError(
      "InvalidCsvFile",
      `Line ${file.headerLine}: a license assignment file needs the columns ${LICENSE_ASSIGNMENT_COLUMNS.map((c) => c.en).join(", ")}; "${missing.map((field) => headers[field]).join('", "')}" is missing. Start from the export.`,
      { extensions: { line: file.headerLine } },
    );
  }
  const cell = (fields: string[], field: keyof LicenseFileHeaders) => {
    const position = index.get(field);
    return position === undefined ? "" : (fields[position] ?? "");
  };
  return {
    headers,
    rows: file.records.map((record) => ({
      line: record.line,
      userName: cell(record.fields, "userName"),
      product: cell(record.fields, "product"),
      disabledPlans: cell(record.fields, "disabledPlans"),
      assignedBy: cell(record.fields, "assignedBy"),
    })),
  };
}
