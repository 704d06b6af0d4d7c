import { COUNTRY_CODES, USER_TEMPLATE_COLUMNS, type UserTemplateField } from "@allot/contracts";
import { AppError } from "../../../lib/app-error.js";

/** A header cell, compared without case, spaces at the ends, or a UTF-8 BOM a tool left inside the first cell. */
const normalise = (header: string) =>
  header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase();

const BY_HEADER = new Map<string, (typeof USER_TEMPLATE_COLUMNS)[number]>(
  USER_TEMPLATE_COLUMNS.flatMap((column) => [
    [normalise(column.en), column],
    [normalise(column.nl), column],
  ]),
);

export interface TemplateColumn {
  /** Index of the column in the file. */
  index: number;
  field: UserTemplateField;
  /** The header as the file writes it (problems name the column so). */
  header: string;
}

/**
 * The template's columns a file's header names, in English or Dutch, in any order. Columns the template does not
 * know are ignored (Microsoft's template is often extended with notes); a file without `User Name` cannot be an
 * "Add multiple users" file.
 */
export function templateColumns(header: readonly string[], headerLine: number): TemplateColumn[] {
  const columns: TemplateColumn[] = [];
  const seen = new Set<UserTemplateField>();
  header.forEach((cell, index) => {
    const column = BY_HEADER.get(normalise(cell));
    if (!column || seen.has(column.field)) return;
    seen.add(column.field);
    columns.push({ index, field: column.field, header: cell.trim() });
  });
  if (!seen.has("userPrincipalName")) {
    throw new AppError(
      "InvalidCsvFile",
      `Line ${headerLine}: the header has no "User Name" (or "Gebruikersnaam") column. Start from the template.`,
      { extensions: { line: headerLine } },
    );
  }
  return columns;
}

/** Country names in English and Dutch (Intl's names, without case and accents) → ISO 3166-1 alpha-2 code. */
const fold = (name: string) =>
  name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .trim()
    .toLowerCase();

let countryNames: Map<string, string> | undefined;

function names(): Map<string, string> {
  if (countryNames) return countryNames;
  const map = new Map<string, string>();
  for (const language of ["en", "nl"]) {
    const display = new Intl.DisplayNames([language], { type: "region", fallback: "none" });
    for (const code of COUNTRY_CODES) {
      const name = display.of(code);
      if (name) map.set(fold(name), code);
    }
  }
  // Names people write that Intl spells otherwise.
  for (const [name, code] of [
    ["holland", "NL"],
    ["the netherlands", "NL"],
    ["usa", "US"],
    ["united states of america", "US"],
    ["uk", "GB"],
    ["great britain", "GB"],
    ["england", "GB"],
  ] as const) {
    map.set(name, code);
  }
  countryNames = map;
  return map;
}

/** The ISO code of a country written as its code or its English or Dutch name; null when unknown. */
export function countryCode(value: string): string | null {
  const code = value.trim().toUpperCase();
  if (code.length === 2 && COUNTRY_CODES.has(code)) return code;
  return names().get(fold(value)) ?? null;
}
