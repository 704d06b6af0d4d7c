/** How a command prints what it found: a table for people, JSON or CSV for machines. */
export type OutputFormat = "table" | "json" | "csv";

export interface Column<T> {
  header: string;
  value: (row: T) => unknown;
}

export function formatOf(options: { json?: boolean; csv?: boolean }): OutputFormat {
  return options.json ? "json" : options.csv ? "csv" : "table";
}

/** A cell as text: lists joined, nothing for null, yes/no for booleans. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(cellText).join(", ");
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** One CSV field (RFC 4180): quoted when it holds the separator, a quote or a line break. */
export function csvField(text: string, delimiter = ","): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function renderCsv<T>(rows: readonly T[], columns: readonly Column<T>[], delimiter = ","): string {
  const lines = [columns.map((column) => csvField(column.header, delimiter)).join(delimiter)];
  for (const row of rows) {
    lines.push(columns.map((column) => csvField(cellText(column.value(row)), delimiter)).join(delimiter));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** Characters a terminal draws in two columns (CJK, emoji) count twice, so columns stay aligned. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width +=
      /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u.test(
        char,
      )
        ? 2
        : 1;
  return width;
}

/** A plain-text table: a header, a rule, and one line per row; line breaks inside cells become spaces. */
export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((row) => columns.map((column) => cellText(column.value(row)).replace(/\s*[\r\n]+\s*/g, " ")));
  const widths = columns.map((column, index) =>
    Math.max(displayWidth(column.header), ...cells.map((line) => displayWidth(line[index] ?? ""))),
  );
  const pad = (text: string, index: number) => text + " ".repeat((widths[index] ?? 0) - displayWidth(text));
  const line = (texts: readonly string[]) => texts.map(pad).join("  ").trimEnd();
  const out = [line(columns.map((column) => column.header)), line(widths.map((width) => "-".repeat(width)))];
  for (const texts of cells) out.push(line(texts));
  return `${out.join("\n")}\n`;
}

/** Prints rows in the chosen format; JSON prints `json` (the API's own objects) when given, else the rows. */
export function printRows<T>(
  format: OutputFormat,
  rows: readonly T[],
  columns: readonly Column<T>[],
  write: (text: string) => void = (text) => process.stdout.write(text),
  json: unknown = rows,
): void {
  if (format === "json") write(`${JSON.stringify(json, null, 2)}\n`);
  else if (format === "csv") write(renderCsv(rows, columns));
  else if (rows.length === 0) write("(none)\n");
  else write(renderTable(rows, columns));
}

/** One object as a two-column table of its fields (or JSON / CSV of one row). */
export function printRecord(format: OutputFormat, record: Record<string, unknown>, json: unknown = record): void {
  const columns: Column<[string, unknown]>[] = [
    { header: "Field", value: ([name]) => name },
    { header: "Value", value: ([, value]) => value },
  ];
  if (format === "csv") {
    const keys = Object.keys(record);
    printRows(
      "csv",
      [record],
      keys.map((key) => ({ header: key, value: (row: Record<string, unknown>) => row[key] })),
    );
    return;
  }
  printRows(format, Object.entries(record), columns, undefined, json);
}
