import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BulkLicenseReport, LicensedUser, SubscribedSku, User } from "@allot/contracts";
import { USER_TEMPLATE_COLUMNS } from "@allot/contracts";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allotUser } from "./allot-process.js";
import { type RunningApi, startApi } from "./api-setup.js";

/**
 * A spreadsheet's 1,000 new hires through the command line, as an admin would run it: import them from a Dutch
 * Excel file (semicolons, a BOM), give 25 of them Microsoft 365 E3 with one plan off, dry-run taking it away
 * (nothing changes), and export the users to compare with the file.
 */

const HEADERS = USER_TEMPLATE_COLUMNS.map((column) => column.en);
const HIRES = 1_000;
const LICENSED = 25;

interface Hire {
  values: string[];
  userName: string;
}

function hires(): Hire[] {
  return Array.from({ length: HIRES }, (_, index) => {
    const n = String(index + 1).padStart(4, "0");
    const [first, last] = index === 0 ? ["Jürgen", "Müller"] : [`First${n}`, `Last${n}`];
    const userName = `hire${n}@contoso.test`;
    const values = [
      userName,
      first,
      last,
      `${first} ${last}`,
      index % 2 ? "Analyst" : "Engineer",
      index % 3 ? "Sales" : "Finance",
      `B-${n}`,
      `+31 30 ${n}`,
      `+31 6 ${n}`,
      "",
      `alt${n}@example.com`,
      // A separator and a line break inside quoted fields, as Excel writes them.
      index === 1 ? "Kerkstraat 1; 2e verdieping" : index === 2 ? "Line one\nLine two" : `Street ${n}`,
      "Utrecht",
      "Utrecht",
      "3511 AB",
      "NL",
    ];
    return { values, userName };
  });
}

function semicolonCsv(rows: readonly string[][]): string {
  const field = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return `\uFEFF${rows.map((row) => row.map(field).join(";")).join("\r\n")}\r\n`;
}

/** The export guards cells a spreadsheet would run as a formula (`+31 …`) with a leading apostrophe, as Excel does. */
const unguarded = (cell: string) => cell.replace(/^'(?=[=+\-@\t\r])/, "");

let api: RunningApi;
const admin = allotUser();
const people = hires();
const file = join(admin.configHome, "new-hires.csv");
const licensedFile = join(admin.configHome, "e3.csv");

beforeAll(async () => {
  api = await startApi("allot-cli-import");
  writeFileSync(file, semicolonCsv([HEADERS, ...people.map((hire) => hire.values)]));
  writeFileSync(
    licensedFile,
    `User Name\n${people
      .slice(0, LICENSED)
      .map((hire) => hire.userName)
      .join("\n")}\n`,
  );
  const login = await admin.run(["login", "--url", api.url, "--token", api.personalToken]);
  expect(login.code, login.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  admin.cleanUp();
  await api?.stop();
});

async function e3(): Promise<SubscribedSku> {
  const listed = await admin.run(["licenses", "list", "--json"]);
  expect(listed.code, listed.stderr).toBe(0);
  const sku = (JSON.parse(listed.stdout) as SubscribedSku[]).find((s) => s.skuPartNumber === "SPE_E3");
  if (!sku) throw new Error("no SPE_E3");
  return sku;
}

describe("1,000 users from a semicolon CSV with a BOM", () => {
  it("a dry run previews 1,000 creations and creates nobody", async () => {
    const dry = await admin.run(["users", "import", file, "--usage-location", "NL", "--dry-run", "--json"]);
    expect(dry.code, dry.stderr).toBe(0);
    const answer = JSON.parse(dry.stdout) as {
      import: { rowCount: number; preview: { counts: Record<string, number> } };
    };
    expect(answer.import.rowCount).toBe(HIRES);
    expect(answer.import.preview.counts.create).toBe(HIRES);
    const listed = await admin.run(["users", "list", "--search", "hire0", "--json"]);
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });

  it("imports them all, with their one-time passwords in a file only the admin can read", async () => {
    const passwords = join(admin.configHome, "passwords.csv");
    const run = await admin.run(["users", "import", file, "--usage-location", "NL", "--passwords-file", passwords]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`Done: ${HIRES} succeeded, 0 failed`);
    expect(statSync(passwords).mode & 0o777).toBe(0o600);
    const rows = parse(readFileSync(passwords, "utf8"), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(HIRES);
    const listed = await admin.run(["users", "list", "--search", "@contoso.test", "--json"]);
    const names = new Set((JSON.parse(listed.stdout) as User[]).map((user) => user.email));
    for (const hire of people) expect(names.has(hire.userName), hire.userName).toBe(true);
  });

  it("assigns Microsoft 365 E3 to 25 of them with Yammer off", async () => {
    const before = await e3();
    const run = await admin.run([
      "licenses",
      "assign",
      "--sku",
      "SPE_E3",
      "--users",
      licensedFile,
      "--disable-plan",
      "YAMMER_ENTERPRISE",
    ]);
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stderr).toContain(`${LICENSED} of ${LICENSED} user(s) done`);
    expect((await e3()).consumedUnits).toBe(before.consumedUnits + LICENSED);
    const yammer = before.servicePlans.find((plan) => plan.servicePlanName === "YAMMER_ENTERPRISE");
    const get = await admin.run(["users", "get", people[0]?.userName ?? "", "--json"]);
    const user = await api.get<LicensedUser>(
      `/api/tenants/${api.tenantId}/users/${JSON.parse(get.stdout).id}/licenses`,
    );
    expect(user.assignedLicenses).toContainEqual({ skuId: before.skuId, disabledPlans: [yammer?.servicePlanId] });
  });

  it("a dry-run removal reports what would happen and changes nothing", async () => {
    const before = await e3();
    const run = await admin.run([
      "licenses",
      "remove",
      "--sku",
      "SPE_E3",
      "--users",
      licensedFile,
      "--dry-run",
      "--json",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as BulkLicenseReport;
    // `applied`: the changes would be committed (a dry run commits nothing either way).
    expect(report).toMatchObject({ dryRun: true, applied: true, summary: { users: LICENSED, succeeded: LICENSED } });
    expect(report.seats[0]?.after.consumedUnits).toBe(before.consumedUnits - LICENSED);
    expect((await e3()).consumedUnits).toBe(before.consumedUnits);
  });

  it("exports them as they were imported, with their licenses", async () => {
    const run = await admin.run(["users", "export", "--search", "hire", "--delimiter", "semicolon"]);
    expect(run.code, run.stderr).toBe(0);
    const rows = parse(run.stdout.replace(/^\uFEFF/, ""), { columns: true, delimiter: ";" }) as Array<
      Record<string, string>
    >;
    const byName = new Map(rows.map((row) => [row["User Name"], row]));
    expect(byName.size).toBe(HIRES);
    for (const [index, hire] of people.entries()) {
      const row = byName.get(hire.userName);
      expect(
        HEADERS.map((header) => unguarded(row?.[header] ?? "")),
        hire.userName,
      ).toEqual(hire.values);
      if (index < LICENSED) expect(row?.Licenses).toContain("SPE_E3");
      else expect(row?.Licenses).toBe("");
    }
  });

  it("a file with bad rows: the good ones are imported, each bad one named by line, column and code (exit 1)", async () => {
    const bad = join(admin.configHome, "bad.csv");
    const row = (userName: string, country: string) => {
      const values = [...(people[3]?.values ?? [])];
      values[0] = userName;
      values[15] = country;
      return values;
    };
    writeFileSync(
      bad,
      semicolonCsv([
        HEADERS,
        row("good1@contoso.test", "NL"),
        row("not-an-email", "NL"),
        row("good2@contoso.test", "XX"),
      ]),
    );
    const run = await admin.run(["users", "import", bad, "--usage-location", "NL"]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/3\s+User Name\s+InvalidEmail/);
    expect(run.stderr).toMatch(/4\s+Country or Region\s+UnknownCountry/);
    expect(run.stderr).toContain("Done: 1 succeeded");
  });
});
