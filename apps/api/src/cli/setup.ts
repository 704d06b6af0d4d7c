// `pnpm allot-setup`: creates a new portal's first organization and its global admin, and prints the admin's
// one-time password (to be changed at first sign-in). Works on DATABASE_URL's PostgreSQL, or on the embedded one in
// DATA_DIR while the portal is stopped. Refuses when an organization exists.
//
//   pnpm allot-setup --organization "Contoso" --domain contoso.com --admin-name "Megan Bowen" \
//     --admin-email admin@contoso.com [--usage-location NL]
//
// Missing values are asked for when run in a terminal. Exit codes: 0 done, 1 already set up or failed, 2 bad input.

import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { setupRequestSchema } from "@allot/contracts";
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/open-database.js";
import { AppError } from "../lib/app-error.js";
import { setUpFirstOrganization } from "../services/setup/first-run-setup.js";

const FIELDS = [
  ["organization", "organizationName", "Organization name"],
  ["domain", "domain", "Domain (e.g. contoso.com)"],
  ["admin-name", "adminDisplayName", "Global admin's name"],
  ["admin-email", "adminEmail", "Global admin's email"],
  ["usage-location", "usageLocation", "Global admin's country (two letters, optional)"],
] as const;

function fail(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: Object.fromEntries(FIELDS.map(([flag]) => [flag, { type: "string" as const }])),
      strict: true,
    });
  } catch (error) {
    return fail(2, `${(error as Error).message}\nUsage: pnpm allot-setup ${FIELDS.map(([f]) => `--${f} …`).join(" ")}`);
  }
})();

const answers: Record<string, string | null> = {};
const prompt = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : null;
for (const [flag, field, question] of FIELDS) {
  let value = values[flag];
  if (value === undefined && prompt) value = (await prompt.question(`${question}: `)).trim();
  answers[field] = value === undefined || (field === "usageLocation" && value === "") ? null : value;
}
prompt?.close();
const missing = FIELDS.filter(([, field]) => field !== "usageLocation" && answers[field] === null);
if (missing.length > 0) fail(2, `Missing: ${missing.map(([flag]) => `--${flag}`).join(", ")}`);

const parsed = setupRequestSchema.safeParse(answers);
if (!parsed.success) {
  const byField = new Map<string, string>(FIELDS.map(([flag, field]) => [field, `--${flag}`]));
  fail(
    2,
    parsed.error.issues
      .map((issue) => `${byField.get(String(issue.path[0])) ?? issue.path.join(".")} ${issue.message}`)
      .join("\n"),
  );
}

const database = await openDatabase(loadConfig());
try {
  const result = await setUpFirstOrganization(database.db, parsed.data, "cli:allot-setup");
  process.stdout.write(
    [
      "",
      `Created ${parsed.data.organizationName} (${parsed.data.domain}) and its global admin.`,
      `  Sign in as:          ${result.adminEmail}`,
      `  One-time password:   ${result.oneTimePassword}`,
      "The portal asks for a new password at the first sign-in; this one works only until then.",
      "",
    ].join("\n"),
  );
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
