import type { BulkJob, BulkJobDetails, SubscribedSku } from "@allot/contracts";
import type { Locator, Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { CONTOSO, expect, nav, shot, signIn, signInAs, signInInDutch, switchUser, TenantApi, test } from "./fixtures";

// Only this spec's own users ("LP " names) and these two products are touched.
const POWER_BI_PRO = "POWER_BI_PRO";
const EXCHANGE_PLAN_1 = "EXCHANGESTANDARD";

async function openProduct(page: Page, sku: SubscribedSku, check = false): Promise<void> {
  await nav(page).getByRole("link", { name: "Licenses" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Licenses" })).toBeVisible();
  const link = page.getByRole("link", { name: sku.displayName, exact: true });
  await expect(link).toBeVisible();
  if (check) {
    await expect(page.getByRole("heading", { level: 2, name: "Recent bulk changes" })).toBeVisible();
    await expect(page.getByRole("main").locator(".fui-Spinner")).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await shot(page, "licenses-page", { fullPage: true });
  }
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: sku.displayName })).toBeVisible();
}

/** The product page's holders list, searched down to one spec's users. */
async function searchHolders(page: Page, text: string): Promise<Locator> {
  await page.getByRole("searchbox", { name: "Search users who hold this product" }).fill(text);
  return page.getByRole("grid", { name: "Users who hold it" });
}

test.describe("licenses: product page", () => {
  test("Power BI Pro assigned from the product page to two users", async ({ page, request }) => {
    test.setTimeout(120_000);
    const api = new TenantApi(request);
    await api.signIn(CONTOSO.admin, CONTOSO.domain);
    const users = await api.createUsers("LP Pbi", 2);
    const before = await api.sku(POWER_BI_PRO);
    const stamp = users[0]?.displayName.split(" ").at(-1) ?? "";

    await signIn(page, CONTOSO.admin);
    await expect(page).toHaveURL(/\/t\//);
    await openProduct(page, before, true);
    await expect(page.getByRole("grid", { name: "Users who hold it" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await shot(page, "product-page", { fullPage: true });

    await page.getByRole("button", { name: "Assign licenses", exact: true }).click();
    const panel = page.getByRole("dialog", { name: `Assign ${before.displayName}` });
    await expect(panel).toBeVisible();
    const picker = panel.getByRole("combobox", { name: "Users" });
    for (const user of users) {
      await picker.click();
      await picker.pressSequentially(user.displayName);
      await page.getByRole("option", { name: new RegExp(user.displayName) }).click();
      await expect(panel.getByRole("listbox", { name: "Chosen users" }).getByText(user.displayName)).toBeVisible();
    }
    await expect(panel.getByText("2 users chosen")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await shot(page, "assign-panel", { fullPage: true });

    await panel.getByRole("button", { name: "Assign", exact: true }).click();
    const preview = page.getByRole("dialog", { name: `Assign ${before.displayName} to 2 users` });
    await expect(preview.getByText("2 users will change, 0 cannot.").first()).toBeVisible();
    const seatRow = preview.getByRole("row", { name: new RegExp(before.displayName) });
    await expect(seatRow).toContainText(`${before.consumedUnits} → ${before.consumedUnits + 2}`);
    await expect(seatRow).toContainText(`${before.available} → ${before.available - 2}`);
    for (const user of users) {
      await expect(preview.getByRole("listitem").filter({ hasText: user.displayName })).toContainText("Will change");
    }
    await expectNoSeriousA11yViolations(page);
    await shot(page, "preview", { fullPage: true });

    await preview.getByRole("button", { name: "Apply to 2 users" }).click();
    await expect(preview.getByText("2 succeeded, 0 failed").first()).toBeVisible({ timeout: 30_000 });
    for (const user of users) {
      await expect(preview.getByRole("listitem").filter({ hasText: user.displayName })).toContainText("Succeeded");
    }
    await shot(page, "results", { fullPage: true });
    await preview.getByRole("button", { name: "Done" }).click();
    await expect(preview).toBeHidden();
    await expect(panel).toBeHidden();

    const grid = await searchHolders(page, `LP Pbi`);
    for (const user of users) await expect(grid.getByText(user.displayName)).toBeVisible();
    const after = await api.sku(POWER_BI_PRO);
    expect(after.available).toBe(before.available - 2);
    await expect(page.getByText(`${after.consumedUnits} of`, { exact: false }).first()).toBeVisible();
    for (const user of users) expect(await api.holds(user.id, before.skuId)).toBe(true);
    expect(stamp).not.toBe("");
  });

  test("Exchange Online (Plan 1) assigned with the keyboard only", async ({ page, request }) => {
    test.setTimeout(120_000);
    const api = new TenantApi(request);
    await api.signIn(CONTOSO.admin, CONTOSO.domain);
    const [user] = await api.createUsers("LP Kbd", 1);
    if (!user) throw new Error("no user created");
    const sku = await api.sku(EXCHANGE_PLAN_1);

    await signInAs(page, CONTOSO.admin);
    await page.goto(`/t/${api.tenantId}/licenses/${sku.skuId}`);
    await expect(page.getByRole("heading", { level: 1, name: sku.displayName })).toBeVisible();

    // From here on only the keyboard.
    await tabTo(page, page.getByRole("button", { name: "Assign licenses", exact: true }));
    await page.keyboard.press("Enter");
    const panel = page.getByRole("dialog", { name: `Assign ${sku.displayName}` });
    await expect(panel).toBeVisible();
    const picker = panel.getByRole("combobox", { name: "Users" });
    await tabTo(page, picker);
    await page.keyboard.type(user.displayName);
    const option = page.getByRole("option", { name: new RegExp(user.displayName) });
    await expect(option).toBeVisible();
    await expect(page.getByRole("option")).toHaveCount(1);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(panel.getByRole("listbox", { name: "Chosen users" }).getByText(user.displayName)).toBeVisible();
    await expect(panel.getByText("1 user chosen")).toBeVisible();

    // Switch the first app off with Space.
    const firstPlan = panel.getByRole("checkbox").first();
    await tabTo(page, firstPlan);
    await page.keyboard.press("Space");
    await expect(firstPlan).not.toBeChecked();

    await tabTo(page, panel.getByRole("button", { name: "Assign", exact: true }));
    await page.keyboard.press("Enter");
    const preview = page.getByRole("dialog", { name: `Assign ${sku.displayName} to 1 user` });
    await expect(preview.getByText("1 user will change, 0 cannot.").first()).toBeVisible();
    const apply = preview.getByRole("button", { name: "Apply to 1 user" });
    await tabTo(page, apply);
    await page.keyboard.press("Enter");
    await expect(preview.getByText("1 succeeded, 0 failed").first()).toBeVisible({ timeout: 30_000 });
    await expect(preview.getByRole("listitem").filter({ hasText: user.displayName })).toContainText("Succeeded");
    await tabTo(page, preview.getByRole("button", { name: "Done" }));
    await page.keyboard.press("Enter");
    await expect(preview).toBeHidden();
    await expect(panel).toBeHidden();

    const licenses = await api.licenses(user.id);
    const assigned = licenses.assignedLicenses.find((license) => license.skuId === sku.skuId);
    expect(assigned, `${user.displayName} holds ${EXCHANGE_PLAN_1}`).toBeDefined();
    expect(assigned?.disabledPlans, "one app switched off").toHaveLength(1);
  });

  test("a license admin may assign; a billing admin sees why not", async ({ page, request }) => {
    const api = new TenantApi(request);
    await api.signIn(CONTOSO.admin, CONTOSO.domain);
    const sku = await api.sku(POWER_BI_PRO);
    const path = `/t/${api.tenantId}/licenses/${sku.skuId}`;

    await signInAs(page, CONTOSO.licenseAdmin);
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: sku.displayName })).toBeVisible();
    const assign = page.getByRole("button", { name: "Assign licenses", exact: true });
    await expect(assign).toBeEnabled();
    await expect(assign).not.toHaveAttribute("aria-disabled", "true");
    await expect(page.getByRole("checkbox", { name: "Select all users shown" })).toBeVisible();

    await switchUser(page, CONTOSO.billingAdmin);
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: sku.displayName })).toBeVisible();
    const gated = page.getByRole("button", { name: "Assign licenses", exact: true });
    await expect(gated).toHaveAttribute("aria-disabled", "true");
    await gated.focus();
    await expect(page.getByRole("tooltip")).toContainText("License Administrator");
    await expect(page.getByRole("tooltip")).toContainText("Global Administrator");
    await expect(page.getByRole("checkbox", { name: "Select all users shown" })).toHaveCount(0);
    await shot(page, "billing-admin-product", { fullPage: true });
  });

  test("the job page opened from its URL shows the finished job's results", async ({ page, request }) => {
    test.setTimeout(90_000);
    const api = new TenantApi(request);
    await api.signIn(CONTOSO.admin, CONTOSO.domain);
    const [fresh, holder] = await api.createUsers("LP Job", 2);
    if (!fresh || !holder) throw new Error("no users created");
    const sku = await api.sku(POWER_BI_PRO);
    await api.assign(holder.id, sku.skuId);
    const job = await api.send<BulkJob>("POST", "licenses/bulkJobs", {
      userIds: [fresh.id, holder.id],
      add: [{ skuId: sku.skuId, disabledPlans: [] }],
      remove: [],
      mode: "add",
    });
    await expect
      .poll(async () => (await api.send<BulkJobDetails>("GET", `licenses/bulkJobs/${job.id}`)).status, {
        timeout: 30_000,
      })
      .toBe("succeeded");

    await signInAs(page, CONTOSO.admin);
    await page.goto(`/t/${api.tenantId}/licenses/jobs/${job.id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Bulk license change" })).toBeVisible();
    const facts = page.getByRole("region", { name: "About this change" });
    await expect(facts).toContainText(`Add ${sku.displayName}`);
    await expect(facts).toContainText("2 users");
    await expect(page.getByText("1 succeeded, 1 failed").first()).toBeVisible();
    await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "2");
    const results = page.getByRole("region", { name: "Results per user" });
    await expect(results.getByRole("listitem").filter({ hasText: fresh.displayName })).toContainText("Succeeded");
    const failed = results.getByRole("listitem").filter({ hasText: holder.displayName });
    await expect(failed).toContainText("Failed");
    await expect(failed).toContainText("already has this license");
    await page.getByRole("switch", { name: /Show only users that fail/ }).check();
    await expect(results.getByRole("listitem")).toHaveCount(1);
    await expectNoSeriousA11yViolations(page);
    await shot(page, "job-page", { fullPage: true });

    // The Licenses page lists it among the recent bulk changes, linking back to this page.
    await page.getByRole("link", { name: "Back to Licenses" }).click();
    const recent = page.getByRole("region", { name: "Recent bulk changes" });
    await expect(recent.getByRole("listitem").first()).toBeVisible();
    await recent
      .getByRole("link", { name: `Add ${sku.displayName}` })
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`/licenses/jobs/${job.id}$`));
  });
});

test.describe("licenses: product page in Dutch", () => {
  test.use({ locale: "nl-NL" });

  test("Power BI Pro ingetrokken bij twee gebruikers, met de waarschuwing over gegevensverlies", async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    await page.addInitScript(() => window.localStorage.setItem("allot.language", "nl"));
    const api = new TenantApi(request);
    await api.signIn(CONTOSO.admin, CONTOSO.domain);
    const users = await api.createUsers("LP Rev", 2);
    const sku = await api.sku(POWER_BI_PRO);
    for (const user of users) await api.assign(user.id, sku.skuId);
    const before = await api.sku(POWER_BI_PRO);

    await signInInDutch(page, CONTOSO.admin);
    await expect(nav(page)).toBeVisible();
    await page.goto(`/t/${api.tenantId}/licenses/${sku.skuId}`);
    await expect(page.getByRole("heading", { level: 1, name: sku.displayName })).toBeVisible();
    await page.getByRole("searchbox", { name: "Gebruikers met dit product zoeken" }).fill("LP Rev");
    const grid = page.getByRole("grid", { name: "Gebruikers met dit product" });
    for (const user of users) await grid.getByRole("checkbox", { name: `${user.displayName} selecteren` }).check();
    await expect(page.getByText("2 geselecteerd")).toBeVisible();

    await page.getByRole("button", { name: "Licenties intrekken (2)" }).click();
    const dialog = page.getByRole("dialog", { name: `${sku.displayName} intrekken bij 2 gebruikers` });
    await expect(dialog.getByText("Gegevens worden verwijderd")).toBeVisible();
    await expect(dialog.getByText("2 gebruikers worden gewijzigd, 0 kunnen niet.").first()).toBeVisible();
    await expect(dialog.getByRole("row", { name: new RegExp(sku.displayName) })).toContainText(
      `${before.available} → ${before.available + 2}`,
    );
    for (const user of users) {
      await expect(dialog.getByRole("listitem").filter({ hasText: user.displayName })).toContainText(
        `Verliest ${sku.displayName}`,
      );
    }
    await expectNoSeriousA11yViolations(page);
    await shot(page, "nl-unassign-preview", { fullPage: true });

    await dialog.getByRole("button", { name: "Toepassen op 2 gebruikers" }).click();
    await expect(dialog.getByText("2 gelukt, 0 mislukt").first()).toBeVisible({ timeout: 30_000 });
    await shot(page, "nl-unassign-results", { fullPage: true });
    await dialog.getByRole("button", { name: "Gereed" }).click();
    await expect(dialog).toBeHidden();

    await expect(page.getByText("Geen gebruiker met dit product komt overeen met de zoekopdracht.")).toBeVisible();
    expect((await api.sku(POWER_BI_PRO)).available).toBe(before.available + 2);
    for (const user of users) expect(await api.holds(user.id, sku.skuId)).toBe(false);
  });
});

/** Presses Tab until `target` has the focus (the keyboard-only path a person would take). */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${target} with Tab`);
}
