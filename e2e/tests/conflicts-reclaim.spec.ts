import type { LicenseConflictReport, LicensedUser, ReclaimPage } from "@allot/contracts";
import type { APIRequestContext, Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, signIn, tallShot, test } from "./fixtures";

/** The demo sign-in accounts other specs sign in with: never the users this spec takes licenses from. */
const isDemoAccount = (email: string) => /^(admin|billing|users|licenses|helpdesk|service|maker)@/.test(email);

async function conflicts(request: APIRequestContext, tenantId: string): Promise<LicenseConflictReport[]> {
  const response = await request.get(`/api/tenants/${tenantId}/licenseConflicts`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { value: LicenseConflictReport[] }).value;
}

async function directLicenses(request: APIRequestContext, tenantId: string, userId: string): Promise<string[]> {
  const response = await request.get(`/api/tenants/${tenantId}/users/${userId}/licenses`);
  expect(response.status()).toBe(200);
  const user = (await response.json()) as LicensedUser;
  return user.licenseAssignmentStates.filter((state) => state.assignedByGroup === null).map((state) => state.skuId);
}

/** Apply the previewed change in the bulk dialog and close it once the job has finished. */
async function applyAndFinish(page: Page, dialogName: RegExp | string, users: number) {
  const dialog = page.getByRole("dialog", { name: dialogName });
  await expect(dialog.getByText(`${users} users will change, 0 cannot.`).first()).toBeVisible();
  await dialog.getByRole("button", { name: `Apply to ${users} users` }).click();
  await expect(dialog.getByText(`Finished: ${users} succeeded, 0 failed.`).first()).toBeAttached({ timeout: 30_000 });
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
}

test("a conflict fixed from the conflicts page", async ({ page, api, request }) => {
  const fabrikam = await api.tenant("admin@fabrikam.test", "fabrikam.test");
  const before = await conflicts(request, fabrikam.id);
  const powerBi = before.find((conflict) => conflict.skuPartNumber === "POWER_BI_PRO");
  if (!powerBi) throw new Error("Fabrikam's Power BI Pro conflict is not seeded");
  expect(powerBi.shortfall).toBe(2);
  const [first, second] = powerBi.users.filter((user) => user.direct && !isDemoAccount(user.email));
  if (!first || !second) throw new Error("Fabrikam's Power BI Pro needs two direct holders");

  await signIn(page, "admin@fabrikam.test");
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
  await page.goto(`/t/${fabrikam.id}`);
  const bannerLink = page.getByRole("link", { name: "Fix license conflicts" });
  await expect(bannerLink).toBeVisible();
  await tallShot(page, "home-banner");
  await expectNoSeriousA11yViolations(page);
  await bannerLink.click();

  await expect(page.getByRole("heading", { level: 1, name: "License conflicts" })).toBeVisible();
  await expect(
    page.getByText(
      `12 users hold ${powerBi.displayName} but only 10 seats can be used: remove 2 assignments, buy 2 seats or delete 2 users.`,
    ),
  ).toBeVisible();
  const holders = page.getByRole("table", { name: `People who hold ${powerBi.displayName}` });
  await holders.getByRole("checkbox", { name: `Select ${first.displayName}`, exact: true }).check();
  await holders.getByRole("checkbox", { name: `Select ${second.displayName}`, exact: true }).check();
  await expect(page.getByText("2 selected: removing them resolves the conflict.")).toBeVisible();
  await tallShot(page, "conflicts-selected");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Remove selected assignments" }).click();
  const dialogName = `Remove ${powerBi.displayName} from 2 users`;
  const dialog = page.getByRole("dialog", { name: dialogName });
  await expect(dialog.getByText("Data will be deleted")).toBeVisible();
  await expect(dialog.getByText(`Loses ${powerBi.displayName}`).first()).toBeVisible();
  await tallShot(page, "conflicts-preview");
  await applyAndFinish(page, dialogName, 2);

  await expect(page.getByRole("heading", { name: "No license conflicts" })).toBeVisible();
  // The button that opened the dialog went with the conflict: focus stays on the page, not lost to the document.
  await expect
    .poll(() => page.evaluate(() => document.querySelector("main")?.contains(document.activeElement) ?? false))
    .toBe(true);
  await tallShot(page, "conflicts-empty");
  await expectNoSeriousA11yViolations(page);
  expect(await conflicts(request, fabrikam.id)).toEqual([]);
  expect(await directLicenses(request, fabrikam.id, first.id)).not.toContain(powerBi.skuId);

  await page.goto(`/t/${fabrikam.id}`);
  await expect(page.getByRole("region", { name: "License conflicts" }).getByText("No license conflicts")).toBeVisible();
  await expect(page.getByRole("link", { name: "Fix license conflicts" })).toHaveCount(0);
});

test("reclaim the licenses of users who have not signed in for 90 days", async ({ page, api, request }) => {
  const contoso = await api.tenant("admin@contoso.test", "contoso.test");
  const response = await request.get(`/api/tenants/${contoso.id}/licenses/reclaimCandidates?inactiveDays=90&limit=100`);
  expect(response.status()).toBe(200);
  const candidates = (await response.json()) as ReclaimPage;
  expect(candidates.totalUsers).toBeGreaterThan(2);
  // Two holders of Microsoft 365 E3 only (150 seats, plenty free): reclaiming them frees seats no other spec counts
  // on exactly, while Exchange Online (Plan 2)'s 5 free seats, which another spec relies on, stay as they are.
  const picked = candidates.items
    .filter((user) => !isDemoAccount(user.email))
    .filter((user) => user.licenses.every((license) => license.skuPartNumber === "SPE_E3"))
    .slice(-2);
  const [first, second] = picked;
  if (!first || !second) throw new Error("Contoso needs two reclaim candidates");
  const money = new Intl.NumberFormat("en-GB", { style: "currency", currency: candidates.currency });

  await signIn(page, "admin@contoso.test");
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
  await page.goto(`/t/${contoso.id}/licenses/reclaim`);
  await expect(page.getByRole("heading", { level: 1, name: "Reclaim licenses" })).toBeVisible();
  await expect(page.getByRole("spinbutton", { name: "Not signed in for at least (days)" })).toHaveValue("90");
  const totals = page.getByRole("region", { name: "Totals" });
  await expect(totals.getByText(money.format(candidates.totalMonthlyCostCents / 100))).toBeVisible();
  await expect(totals.getByText(String(candidates.totalUsers), { exact: true })).toBeVisible();

  const table = page.getByRole("table", { name: "Users who have not signed in for 90 days" });
  await table.getByRole("checkbox", { name: `Select ${first.displayName}`, exact: true }).check();
  // The second one with the keyboard: the checkboxes are reachable and operable without a mouse.
  const secondBox = table.getByRole("checkbox", { name: `Select ${second.displayName}`, exact: true });
  await secondBox.focus();
  await page.keyboard.press("Space");
  await expect(secondBox).toBeChecked();
  const freed = money.format((first.monthlyCostCents + second.monthlyCostCents) / 100);
  await expect(page.getByText(`2 users selected: reclaiming frees ${freed} a month.`)).toBeVisible();
  await tallShot(page, "reclaim-selected");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Reclaim licenses" }).click();
  const dialogName = `Remove every direct license of 2 users (frees ${freed} a month)`;
  const dialog = page.getByRole("dialog", { name: dialogName });
  await expect(dialog.getByText("Data will be deleted")).toBeVisible();
  await expect(dialog.getByText(/^Loses /).first()).toBeVisible();
  await tallShot(page, "reclaim-preview");
  await expectNoSeriousA11yViolations(page, { include: "[role='dialog']" });
  await applyAndFinish(page, dialogName, 2);

  for (const user of picked) {
    expect(await directLicenses(request, contoso.id, user.id)).toEqual([]);
    await expect(table.getByRole("checkbox", { name: `Select ${user.displayName}`, exact: true })).toHaveCount(0);
  }
  await tallShot(page, "reclaim-after");

  // A number of days the API does not take is explained next to the field, and the list stays as it was.
  const days = page.getByRole("spinbutton", { name: "Not signed in for at least (days)" });
  await days.fill("0");
  await days.press("Enter");
  await expect(page.getByText("Enter a whole number of days from 1 to 3650.")).toBeVisible();
  await expect(table).toBeVisible();
});

test("a billing admin sees reclaim candidates but cannot reclaim", async ({ page, api }) => {
  const contoso = await api.tenant("billing@contoso.test", "contoso.test");
  await signIn(page, "billing@contoso.test");
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
  await page.goto(`/t/${contoso.id}/licenses/reclaim`);
  const table = page.getByRole("table", { name: "Users who have not signed in for 90 days" });
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  await expect(table.getByRole("checkbox")).toHaveCount(0);
  const reclaim = page.getByRole("button", { name: "Reclaim licenses" });
  await expect(reclaim).toBeDisabled();
  await reclaim.focus();
  await expect(page.getByRole("tooltip")).toContainText("Requires one of these roles: Global Administrator");
  await tallShot(page, "reclaim-billing");
});
