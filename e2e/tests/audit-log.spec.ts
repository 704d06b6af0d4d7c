import type { BulkJob, BulkJobDetails } from "@allot/contracts";
import { expectNoSeriousA11yViolations } from "./axe";
import { CONTOSO, expect, signIn, TenantApi, test } from "./fixtures";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

test("the audit log names people and items, speaks Dutch, and filters by picking activities from a list", async ({
  page,
  request,
}) => {
  const admin = new TenantApi(request);
  await admin.signIn(CONTOSO.admin, CONTOSO.domain);
  const [gone, licensed] = await admin.createUsers("SH Audit", 2);
  if (!gone || !licensed) throw new Error("no users created");
  expect((await admin.raw("DELETE", `users/${gone.id}`)).status()).toBe(204);
  const sku = await admin.sku("POWER_BI_PRO");
  const job = await admin.send<BulkJob>("POST", "licenses/bulkJobs", {
    userIds: [licensed.id],
    add: [{ skuId: sku.skuId, disabledPlans: [] }],
    remove: [],
    mode: "add",
  });
  await expect
    .poll(async () => (await admin.send<BulkJobDetails>("GET", `licenses/bulkJobs/${job.id}`)).status, {
      timeout: 30_000,
    })
    .toBe("succeeded");

  await signIn(page, CONTOSO.admin);
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
  await page.evaluate(() => window.localStorage.setItem("allot.language", "nl"));
  await page.goto(`/t/${admin.tenantId}/audit`);
  await expect(page.getByRole("heading", { level: 1, name: "Auditlogboek" })).toBeVisible();
  const table = page.getByRole("table", { name: "Auditlogboek" });

  // The deleted user is named, in the row that says in Dutch what happened to them; no id shows anywhere.
  const deletion = table
    .getByRole("row")
    .filter({ hasText: "Gebruiker verwijderd" })
    .filter({ hasText: gone.displayName });
  await expect(deletion).toHaveCount(1);
  await expect(deletion).toContainText("Megan Bowen");
  // The bulk change is named by its kind in Dutch, not by its code.
  const bulk = table.getByRole("row").filter({ hasText: "Bulklicentiewijziging gestart" });
  await expect(bulk.first()).toBeVisible();
  await expect(table).not.toContainText("licenseJob");
  await expect(table).not.toContainText("licenses.bulkJobCreated");
  await expect(table).not.toContainText(UUID);

  // The activity is picked from a list, by its Dutch name; the address keeps the code.
  const activity = page.getByRole("combobox", { name: "Activiteit" });
  await activity.click();
  // A list where several can be ticked (Fluent names its options menu item checkboxes).
  await page.getByRole("menuitemcheckbox", { name: "Gebruiker verwijderd" }).click();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/[?&]action=user\.deleted(&|$)/);
  await expect(table.getByRole("row").filter({ hasText: gone.displayName })).toHaveCount(1);
  const actions = await table.locator("tbody tr td:nth-child(3)").allTextContents();
  expect(actions.length).toBeGreaterThan(0);
  for (const action of actions) expect(action).toContain("Gebruiker verwijderd");
  await expect(activity).toHaveText(/Gebruiker verwijderd/);
  await expectNoSeriousA11yViolations(page);
});
