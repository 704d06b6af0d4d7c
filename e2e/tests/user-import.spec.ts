import { readFile } from "node:fs/promises";
import type { UserPage } from "@allot/contracts";
import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { CONTOSO, expect, shot, signInAs, TenantApi, test } from "./fixtures";

const HEADER =
  "User Name,First Name,Last Name,Display Name,Job Title,Department,Office Number,Office Phone,Mobile Phone,Fax,Alternate email address,Address,City,State or Province,ZIP or Postal Code,Country or Region";

/** One template row: the sign-in name, first and last name, job title and country; the other columns empty. */
function row(upn: string, first: string, last: string, country: string): string {
  return [upn, first, last, "", "Analyst", "Finance", "", "", "", "", "", "", "Utrecht", "", "", country].join(",");
}

/** The step's own heading ("Step 2 of 4: Set user options"), which takes focus when the step changes. */
function stepHeading(page: Page, name: RegExp) {
  return page.getByRole("heading", { level: 2, name });
}

// Users › Add multiple users, as Microsoft 365 has it: a file with two bad rows (an email that is none, a country
// nobody knows) is verified, both problems are listed with line and column, the valid rows go on with a license for
// every new user, the preview counts and moves seats, applying shows progress, and the results page shows each row's
// outcome and the one-time passwords once. axe on every step.
test("Add multiple users: verify a file with two bad rows, apply the rest with a license, results and passwords", async ({
  page,
  request,
}) => {
  // Five axe runs and a background job: about 50 s alone on 2 cores, 90 s when the machine is loaded.
  test.setTimeout(150_000);
  const admin = new TenantApi(request);
  await admin.signIn(CONTOSO.admin, CONTOSO.domain);
  const pbi = await admin.sku("POWER_BI_PRO");
  expect(pbi.available, "Contoso has two free Power BI Pro seats").toBeGreaterThanOrEqual(2);
  const stamp = Date.now();
  const upn = (n: number) => `bulk-${n}-${stamp}@${CONTOSO.domain}`;
  const csv = [
    HEADER,
    row(upn(1), "Anna", `Bulk ${stamp}`, "NL"),
    row(upn(2), "Bram", `Bulk ${stamp}`, "Netherlands"),
    row("not-an-email", "Cees", `Bulk ${stamp}`, "NL"),
    row(upn(4), "Dirk", `Bulk ${stamp}`, "Atlantis"),
  ].join("\r\n");

  await signInAs(page, CONTOSO.admin);
  await page.goto(`/t/${admin.tenantId}/users`);
  await page.getByRole("button", { name: "Add multiple users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add multiple users" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Steps" }).locator('[aria-current="step"]')).toHaveText(
    /Upload and verify/,
  );

  await test.step("Upload and verify: both bad rows are listed with their line and column", async () => {
    await expect(page.getByRole("link", { name: "Download template" })).toHaveAttribute(
      "href",
      /users\/importTemplate\?/,
    );
    await page.locator('input[type="file"]').setInputFiles({
      name: "new-staff.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await expect(page.getByText("new-staff.csv", { exact: false })).toBeVisible();
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByText("2 of 4 rows have problems.", { exact: false })).toBeVisible();
    const problems = page.getByRole("table", { name: "Problems in the file, by line and column" });
    await expect(problems.getByRole("row")).toHaveCount(3);
    await expect(
      problems.getByRole("row").filter({ hasText: '"not-an-email" is not an email address.' }),
    ).toContainText(/4\s*User Name/);
    await expect(problems.getByRole("row").filter({ hasText: '"Atlantis"' })).toContainText(/5\s*Country or Region/);
    await expect(page.getByRole("link", { name: "Download log" })).toHaveAttribute("href", /problems\/export/);
    await shot(page, "user-import-verify");
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Continue with the 2 valid rows" }).click();
  });

  await test.step("Set user options: usage location and Power BI Pro for every new user", async () => {
    await expect(stepHeading(page, /Step 2 of 4: Set user options/)).toBeFocused();
    await page.getByLabel("Usage location").selectOption({ label: "Netherlands" });
    await page.getByRole("checkbox", { name: pbi.displayName }).check();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Next" }).click();
  });

  await test.step("Preview: two to create, two refused, two Power BI Pro seats taken", async () => {
    await expect(stepHeading(page, /Step 3 of 4: Preview/)).toBeFocused();
    const counts = page.locator("dl");
    await expect(counts.locator("div").filter({ hasText: "To be created" }).locator("dd")).toHaveText("2");
    await expect(counts.locator("div").filter({ hasText: "Refused" }).locator("dd")).toHaveText("2");
    const seats = page.getByRole("table", { name: "Seats per product" });
    await expect(seats.getByRole("row").filter({ hasText: pbi.displayName })).toContainText(
      `${pbi.available} → ${pbi.available - 2}`,
    );
    const rows = page.getByRole("table", { name: "Rows of the file" });
    await expect(rows.getByRole("row")).toHaveCount(5);
    await page.getByLabel("Show rows").selectOption({ label: "Refuse" });
    await expect(rows.getByRole("row")).toHaveCount(3);
    await expect(rows).toContainText("Country or Region:");
    await shot(page, "user-import-preview");
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Apply 2 rows" }).click();
  });

  await test.step("Apply: progress, then the results page with each row's outcome", async () => {
    await expect(page).toHaveURL(new RegExp(`/t/${admin.tenantId}/users/import/[0-9a-f-]{36}$`));
    await expect(page.getByRole("progressbar")).toBeVisible();
    await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("status").filter({ hasText: "Import finished: 2 succeeded" })).toBeAttached();
    const outcomes = page.getByRole("table", { name: "Rows of the file" });
    await page.getByLabel("Show rows").selectOption({ label: "Succeeded" });
    await expect(outcomes.getByRole("row")).toHaveCount(3);
    await expect(outcomes).toContainText(upn(1));
    await expect(outcomes).toContainText(upn(2));
    await expect(page.getByRole("link", { name: "Download results" })).toHaveAttribute("href", /results\/export/);
    await expectNoSeriousA11yViolations(page);
  });

  await test.step("One-time passwords: shown once, downloaded, then no longer kept", async () => {
    await page.getByRole("button", { name: "Show passwords" }).click();
    const passwords = page.getByRole("table", { name: "One-time passwords" });
    await expect(passwords.getByRole("row")).toHaveCount(3);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download passwords" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("passwords.csv");
    const file = await readFile(await download.path(), "utf8");
    expect(file).toContain(upn(1));
    expect(file).toContain(upn(2));
    await shot(page, "user-import-results");
    await expectNoSeriousA11yViolations(page);
    await page.reload();
    await expect(page.getByText("are no longer kept", { exact: false })).toBeVisible();
  });

  // The new users hold the license chosen for all of them, in the usage location chosen.
  const found = await admin.send<UserPage>("GET", `users?search=${encodeURIComponent(upn(1))}`);
  const created = found.items[0];
  expect(created?.usageLocation).toBe("NL");
  expect(await admin.holds(created?.id ?? "", pbi.skuId)).toBe(true);

  await test.step("Export users: the list as filtered, in the template's columns, with the license", async () => {
    await page.goto(`/t/${admin.tenantId}/users?q=${encodeURIComponent(`Bulk ${stamp}`)}`);
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export users" }).click();
    const file = await readFile(await (await downloading).path(), "utf8");
    const lines = file
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]?.startsWith(`${HEADER},Usage location,`)).toBe(true);
    expect(lines).toHaveLength(3);
    expect(file).toContain(upn(1));
    expect(file).toContain("POWER_BI_PRO");
    expect(file).not.toContain("not-an-email");
  });
});

// Licenses › Import assignments: the license assignment CSV, edited and imported back. One user gains Power BI Pro,
// another's row is emptied (no direct licenses): the preview counts both, shows the one data-loss warning and waits
// for its confirmation; applying changes exactly those two.
test("Import assignments: an edited license file assigns one license and removes another", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const admin = new TenantApi(request);
  await admin.signIn(CONTOSO.admin, CONTOSO.domain);
  const pbi = await admin.sku("POWER_BI_PRO");
  const [gains, loses] = await admin.createUsers("LI Import", 2);
  if (!gains || !loses) throw new Error("two users were made");
  await admin.assign(loses.id, pbi.skuId);
  const csv = [
    "User Name,Product,Disabled plans,Assigned by",
    `${gains.email},POWER_BI_PRO,,Direct`,
    `${loses.email},,,`,
  ].join("\r\n");

  await signInAs(page, CONTOSO.admin);
  await page.goto(`/t/${admin.tenantId}/licenses`);
  await expect(page.getByRole("link", { name: "Export assignments" })).toBeVisible();
  await page.getByRole("button", { name: "Import assignments" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import license assignments" })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles({
    name: "assignments.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("All 2 rows are valid.")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();

  await expect(stepHeading(page, /Preview/)).toBeFocused();
  const counts = page.locator("dl");
  await expect(counts.locator("div").filter({ hasText: "Licenses to assign" }).locator("dd")).toHaveText("1");
  await expect(counts.locator("div").filter({ hasText: "Licenses to remove" }).locator("dd")).toHaveText("1");
  await expect(page.getByText("Data will be deleted")).toBeVisible();
  const apply = page.getByRole("button", { name: /^Apply/ });
  await expect(apply).toBeDisabled();
  await page.getByRole("checkbox", { name: "I have read the warning and want these licenses removed" }).check();
  await expectNoSeriousA11yViolations(page);
  await apply.click();

  await expect(page).toHaveURL(new RegExp(`/t/${admin.tenantId}/licenses/import/[0-9a-f-]{36}$`));
  await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 30_000 });
  expect(await admin.holds(gains.id, pbi.skuId)).toBe(true);
  expect(await admin.holds(loses.id, pbi.skuId)).toBe(false);
});
