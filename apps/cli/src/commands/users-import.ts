import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import type { UserImport, UserImportProblem, UserImportRow } from "@allot/contracts";
import type { Command } from "commander";
import { RowsFailedError, UsageError } from "../exit-codes.js";
import { type CommonOptions, collectValues, start, withCommon } from "../options.js";
import { printRows, renderCsv } from "../output.js";
import { findProduct, planIds, products } from "../products.js";
import { progressBar, sleep } from "../progress.js";
import { requirePerson, type Session } from "../session.js";

interface ImportOptions extends CommonOptions {
  dryRun?: boolean;
  usageLocation?: string;
  blockSignIn?: boolean;
  sku?: string;
  disablePlan?: string[];
  passwordsFile?: string;
}

const problemColumns = [
  { header: "Line", value: (p: UserImportProblem) => p.line },
  { header: "Column", value: (p: UserImportProblem) => p.column },
  { header: "Code", value: (p: UserImportProblem) => p.code },
  { header: "Problem", value: (p: UserImportProblem) => p.message },
];

const rowColumns = [
  { header: "Line", value: (r: UserImportRow) => r.line },
  { header: "User Name", value: (r: UserImportRow) => r.userPrincipalName },
  { header: "Action", value: (r: UserImportRow) => r.action },
  { header: "Outcome", value: (r: UserImportRow) => r.outcome },
  {
    header: "Code",
    value: (r: UserImportRow) => r.error?.code ?? r.problems.map((p) => p.code),
  },
  {
    header: "Reason",
    value: (r: UserImportRow) =>
      r.error?.message ?? r.problems.map((p) => `${p.column ? `${p.column}: ` : ""}${p.message}`),
  },
];

/** Problems go to stderr in table form (stdout stays for the machine-readable result). */
function printProblems(imported: UserImport): void {
  if (imported.problems.length === 0) return;
  const write = (text: string) => process.stderr.write(text);
  write(`${imported.problemRowCount} of ${imported.rowCount} rows have problems and will be refused:\n`);
  printRows("table", imported.problems, problemColumns, write);
}

async function waitForApply(session: Session, imported: UserImport): Promise<UserImport> {
  const bar = progressBar("Importing");
  let current = imported;
  while (current.status === "applying" || current.status === "previewed") {
    bar.update(current.progress?.done ?? 0, current.progress?.total ?? current.rowCount);
    await sleep(500);
    current = await session.client.userImports.get(session.tenantId, current.id);
  }
  bar.update(current.progress?.total ?? current.rowCount, current.progress?.total ?? current.rowCount);
  bar.done();
  return current;
}

export function registerUsersImport(users: Command): void {
  withCommon(
    users
      .command("import")
      .description(
        'Add or update users from an "Add multiple users" CSV (Microsoft\'s template, English or Dutch headers; ' +
          "UTF-8 or Windows-1252; comma or semicolon): verify, preview, apply",
      )
      .argument("<file>", "the CSV file"),
  )
    .option("--dry-run", "verify and preview only: show what would be created, updated and refused")
    .option("--usage-location <country>", "usage location of new users (ISO code, e.g. NL)")
    .option("--block-sign-in", "create the new users with sign-in blocked")
    .option("--sku <product>", "a license for every new user (e.g. POWER_BI_PRO)")
    .option("--disable-plan <plan>", "with --sku: a service plan to switch off (repeatable)", collectValues, [])
    .option("--passwords-file <path>", "where the new users' one-time passwords are written (mode 0600)")
    .action(async (file: string, options: ImportOptions) => {
      const { session, format } = await start(options);
      requirePerson(session, "allot users import");
      if (options.disablePlan?.length && !options.sku) throw new UsageError("--disable-plan needs --sku.");
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
      }
      const licenses = [];
      if (options.sku) {
        const product = findProduct(await products(session), options.sku);
        licenses.push({ skuId: product.skuId, disabledPlans: planIds(product, options.disablePlan ?? []) });
      }
      const uploaded = await session.client.userImports.upload(session.tenantId, new Uint8Array(bytes), {
        kind: "users",
        fileName: basename(file),
      });
      printProblems(uploaded);
      const previewed = await session.client.userImports.preview(session.tenantId, uploaded.id, {
        accountEnabled: !options.blockSignIn,
        usageLocation: options.usageLocation?.toUpperCase() ?? null,
        licenses,
      });
      const counts: Record<string, number> = previewed.preview?.counts ?? {};
      const summary = Object.entries(counts)
        .filter(([, count]) => count > 0)
        .map(([action, count]) => `${action} ${count}`)
        .join(", ");
      process.stderr.write(`Import ${previewed.id}: ${previewed.rowCount} rows (${summary || "nothing to do"}).\n`);
      for (const seats of previewed.preview?.seats ?? []) {
        process.stderr.write(
          `  ${seats.skuPartNumber}: available ${seats.availableBefore} → ${seats.availableAfter}\n`,
        );
      }
      if (options.dryRun) {
        const rows = await session.client.userImports.allRows(session.tenantId, previewed.id);
        printRows(format, rows, rowColumns, undefined, { import: previewed, rows });
        if (previewed.problemRowCount > 0) {
          throw new RowsFailedError(`Dry run: ${previewed.problemRowCount} row(s) would be refused; nothing changed.`);
        }
        return;
      }
      const applying = await session.client.userImports.apply(session.tenantId, previewed.id);
      const done = await waitForApply(session, applying);
      if (done.passwordsAvailable) {
        const passwords = await session.client.userImports.passwords(session.tenantId, done.id);
        const path = options.passwordsFile ?? `allot-passwords-${done.id}.csv`;
        const columns = [
          { header: "User Name", value: (p: (typeof passwords.items)[number]) => p.userPrincipalName },
          { header: "Display Name", value: (p: (typeof passwords.items)[number]) => p.displayName },
          { header: "Password", value: (p: (typeof passwords.items)[number]) => p.password },
        ];
        writeFileSync(path, renderCsv(passwords.items, columns), { mode: 0o600 });
        process.stderr.write(`One-time passwords of ${passwords.items.length} new user(s): ${path} (shown once).\n`);
      }
      const failed = await session.client.userImports.allRows(session.tenantId, done.id, { outcome: "failed" });
      const refused = await session.client.userImports.allRows(session.tenantId, done.id, { action: "refuse" });
      const outcomes: Record<string, number> = done.outcomes ?? {};
      process.stderr.write(
        `Done: ${outcomes.succeeded ?? 0} succeeded, ${outcomes.failed ?? 0} failed, ${outcomes.skipped ?? 0} skipped.\n`,
      );
      const bad = [...refused, ...failed.filter((row) => row.action !== "refuse")].sort((a, b) => a.line - b.line);
      printRows(format, bad, rowColumns, undefined, { import: done, failedRows: bad });
      if (done.status === "failed" || bad.length > 0) {
        throw new RowsFailedError(`${bad.length} row(s) were not imported.`);
      }
    });
}
