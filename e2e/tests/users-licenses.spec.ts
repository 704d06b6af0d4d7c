import type { UserIds } from "@allot/contracts";
import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, nav, shot, signIn, TenantApi, test } from "./fixtures";

// Only this spec's own users ("UL " names) and these three products are touched.
const SPE_E3 = "SPE_E3";
const EXCHANGE_PLAN_1 = "EXCHANGESTANDARD";
const EXCHANGE_PLAN_2 = "EXCHANGEENTERPRISE";

/** TenantApi plus the calls only this spec makes. */
class AdminApi extends TenantApi {
  userIds(query = "") {
    return this.send<UserIds>("GET", `users/ids${query}`);
  }
}

async function openActiveUsers(page: Page) {
  await signIn(page, "admin@contoso.test");
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Active users" })).toBeVisible();
}

/** Searches the list and selects every user it shows with the header checkbox. */
async function searchAndSelectAll(page: Page, search: string, expected: number) {
  await page.getByRole("searchbox", { name: "Search active users" }).fill(search);
  const grid = page.getByRole("grid", { name: "Active users" });
  await expect(grid.getByRole("row")).toHaveCount(expected + 1);
  await grid.getByRole("checkbox", { name: "Select all users on this list" }).check();
  await expect(page.getByText(`${expected} selected`)).toBeVisible();
}

test("several users given Microsoft 365 E3 with add to existing and one service plan switched off", async ({
  page,
  request,
}) => {
  const admin = new AdminApi(request);
  await admin.signIn("admin@contoso.test", "contoso.test");
  const e3 = await admin.sku(SPE_E3);
  const teams = e3.servicePlans.find((plan) => plan.servicePlanName === "TEAMS1");
  if (!teams) throw new Error("Microsoft 365 E3 has no Teams plan");
  const users = await admin.createUsers("UL E3", 3);

  await openActiveUsers(page);
  await searchAndSelectAll(page, "UL E3", users.length);
  await page.getByRole("button", { name: "Manage product licenses" }).click();

  const panel = page.getByRole("dialog", { name: "Manage product licenses" });
  await expect(panel.getByText("3 users selected")).toBeVisible();
  await expect(panel.getByRole("radio", { name: "Add to existing product license assignments" })).toBeChecked();
  const product = panel.getByRole("checkbox", { name: e3.displayName, exact: true });
  await expect(product).not.toBeChecked();
  await product.check();
  const expand = panel.getByRole("button", { name: `Apps and services of ${e3.displayName}` });
  await expect(expand).toHaveAttribute("aria-expanded", "false");
  await expand.click();
  await expect(expand).toHaveAttribute("aria-expanded", "true");
  await panel.getByRole("checkbox", { name: teams.displayName }).uncheck();
  await shot(page, "ul-panel-e3", { fullPage: true });
  await panel.getByRole("button", { name: "Next: preview" }).click();

  const preview = page.getByRole("dialog", { name: "Manage product licenses for 3 users" });
  await expect(preview.getByText("3 users will change, 0 cannot.").first()).toBeVisible();
  await expect(preview.getByText("Data will be deleted")).toHaveCount(0);
  await preview.getByRole("button", { name: "Apply to 3 users" }).click();
  await expect(preview.getByText("Finished: 3 succeeded, 0 failed.").first()).toBeAttached({ timeout: 30_000 });
  await preview.getByRole("button", { name: "Done" }).click();
  await expect(preview).toBeHidden();

  for (const user of users) {
    const { assignedLicenses } = await admin.licenses(user.id);
    const license = assignedLicenses.find((candidate) => candidate.skuId === e3.skuId);
    expect(license, user.displayName).toBeDefined();
    expect(license?.disabledPlans).toEqual([teams.servicePlanId]);
  }
  // The list names the new license.
  const grid = page.getByRole("grid", { name: "Active users" });
  await expect(grid.getByRole("row", { name: new RegExp(users[0]?.displayName ?? "") })).toContainText(e3.displayName);
});

test("several users' licenses revoked at once", async ({ page, request }) => {
  const admin = new AdminApi(request);
  await admin.signIn("admin@contoso.test", "contoso.test");
  const plan1 = await admin.sku(EXCHANGE_PLAN_1);
  const users = await admin.createUsers("UL Revoke", 3);
  for (const user of users) await admin.assign(user.id, plan1.skuId);

  await openActiveUsers(page);
  await searchAndSelectAll(page, "UL Revoke", users.length);
  await page.getByRole("button", { name: "Manage product licenses" }).click();
  const panel = page.getByRole("dialog", { name: "Manage product licenses" });
  // Every selected user holds Exchange Online (Plan 1) directly: the toggle starts checked.
  await expect(panel.getByRole("checkbox", { name: plan1.displayName, exact: true })).toBeChecked();
  await panel.getByRole("radio", { name: "Remove all product licenses from the selected users" }).check();
  await panel.getByRole("button", { name: "Next: preview" }).click();

  const preview = page.getByRole("dialog", { name: "Manage product licenses for 3 users" });
  await expect(preview.getByText("Data will be deleted")).toBeVisible();
  await expect(preview.getByText("3 users will change, 0 cannot.").first()).toBeVisible();
  await shot(page, "ul-preview-remove-all", { fullPage: true });
  await preview.getByRole("button", { name: "Apply to 3 users" }).click();
  await expect(preview.getByText("Finished: 3 succeeded, 0 failed.").first()).toBeAttached({ timeout: 30_000 });
  await preview.getByRole("button", { name: "Done" }).click();

  for (const user of users) {
    expect((await admin.licenses(user.id)).assignedLicenses, user.displayName).toEqual([]);
  }
});

test("bulk preview shows a CountViolation and then applies the valid part", async ({ page, request }) => {
  const admin = new AdminApi(request);
  await admin.signIn("admin@contoso.test", "contoso.test");
  const plan2 = await admin.sku(EXCHANGE_PLAN_2);
  expect(plan2.available).toBe(5);
  const users = await admin.createUsers("UL Plan2", 7);

  await openActiveUsers(page);
  await searchAndSelectAll(page, "UL Plan2", users.length);
  await page.getByRole("button", { name: "Manage product licenses" }).click();
  const panel = page.getByRole("dialog", { name: "Manage product licenses" });
  await expect(panel.getByText("7 users selected")).toBeVisible();
  await panel.getByRole("checkbox", { name: plan2.displayName, exact: true }).check();
  await panel.getByRole("button", { name: "Next: preview" }).click();

  const preview = page.getByRole("dialog", { name: "Manage product licenses for 7 users" });
  await expect(preview.getByText("5 users will change, 2 cannot.").first()).toBeVisible();
  await expect(preview.getByText(/No seats are left for this license/)).toHaveCount(2);
  const seats = preview.getByRole("row", { name: new RegExp(plan2.displayName.replace(/[()]/g, "\\$&")) });
  await expect(seats).toContainText("5 → 10");
  await expect(seats).toContainText("5 → 0");
  await shot(page, "ul-preview-count-violation", { fullPage: true });
  await expectNoSeriousA11yViolations(page);
  await preview.getByRole("button", { name: "Apply to 5 users" }).click();
  await expect(preview.getByText("Finished: 5 succeeded, 0 failed.").first()).toBeAttached({ timeout: 30_000 });
  await preview.getByRole("button", { name: "Done" }).click();

  let holders = 0;
  for (const user of users) {
    const { assignedLicenses } = await admin.licenses(user.id);
    if (assignedLicenses.some((license) => license.skuId === plan2.skuId)) holders += 1;
  }
  expect(holders).toBe(5);
  expect((await admin.sku(EXCHANGE_PLAN_2)).available).toBe(0);
});

test("select all users that match, across pages of the virtualized list", async ({ page, request }) => {
  const admin = new AdminApi(request);
  await admin.signIn("admin@contoso.test", "contoso.test");
  const all = await admin.userIds();

  await openActiveUsers(page);
  const grid = page.getByRole("grid", { name: "Active users" });
  const status = page.getByRole("status").filter({ hasText: /users? shown/ });
  await expect(status).toHaveText("50 users shown, more available");
  // Only the rows in view exist in the page, each with its place in the whole list.
  expect(await grid.getByRole("row").count()).toBeLessThan(50);
  await expect(grid.getByRole("row").nth(1)).toHaveAttribute("aria-rowindex", "2");

  // Keyboard: arrows move from row to row.
  await grid.getByRole("row").nth(1).focus();
  await page.keyboard.press("ArrowDown");
  await expect(grid.getByRole("row").nth(2)).toBeFocused();

  // Scrolling to the end of what is loaded fetches the next page.
  await grid.evaluate((element) => {
    const scroller = element.parentElement as HTMLElement;
    scroller.scrollTop = scroller.scrollHeight;
  });
  await expect(status).toHaveText("100 users shown, more available");
  await grid.evaluate((element) => {
    (element.parentElement as HTMLElement).scrollTop = 0;
  });

  await grid.getByRole("checkbox", { name: "Select all users on this list" }).check();
  await expect(page.getByText("All 100 loaded users are selected.")).toBeVisible();
  await shot(page, "ul-select-all-loaded", { fullPage: true });
  await page.getByRole("button", { name: "Select all users that match" }).click();
  await expect(page.getByText(`All ${all.ids.length} users that match are selected.`)).toBeVisible();
  await expect(page.getByText(`${all.ids.length} selected`, { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Manage product licenses" })).toBeEnabled();

  // The panel counts every matching user, loaded or not.
  await page.getByRole("button", { name: "Manage product licenses" }).click();
  const panel = page.getByRole("dialog", { name: "Manage product licenses" });
  await expect(panel.getByText(`${all.ids.length} users selected`)).toBeVisible();
  await expect(panel.getByRole("checkbox", { name: "Microsoft 365 E3", exact: true })).toBeVisible();
  await panel.getByRole("button", { name: "Cancel" }).click();
  await expect(panel).toBeHidden();

  await page.getByRole("button", { name: "Clear selection" }).first().click();
  await expect(page.getByText(/\d+ selected$/)).toHaveCount(0);
});

test("users pages, the panel and the preview pass an accessibility check", async ({ page, request }) => {
  test.setTimeout(120_000);
  const admin = new AdminApi(request);
  await admin.signIn("admin@contoso.test", "contoso.test");
  const users = await admin.createUsers("UL Axe", 2);
  const plan1 = await admin.sku(EXCHANGE_PLAN_1);
  await admin.assign(users[0]?.id ?? "", plan1.skuId);

  await openActiveUsers(page);
  await expect(page.getByRole("grid", { name: "Active users" }).getByRole("row").nth(1)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await shot(page, "ul-active-users", { fullPage: true });

  await page.getByRole("tab", { name: "Guest users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Guest users" })).toBeVisible();
  const guests = page.getByRole("grid", { name: "Guest users" });
  await expect(guests.getByRole("row").nth(1)).toBeVisible();
  const guestIds = await admin.userIds("?type=guest");
  await expect(guests.getByRole("row")).toHaveCount(guestIds.ids.length + 1);
  await expect(guests.getByText("Guest", { exact: true })).toHaveCount(guestIds.ids.length);
  await expectNoSeriousA11yViolations(page);
  await shot(page, "ul-guest-users", { fullPage: true });

  await page.getByRole("tab", { name: "Active users" }).click();
  await searchAndSelectAll(page, "UL Axe", 2);
  const opener = page.getByRole("button", { name: "Manage product licenses" });
  await opener.click();
  const panel = page.getByRole("dialog", { name: "Manage product licenses" });
  // One of the two holds Exchange Online (Plan 1): mixed; clicking cycles checked → unchecked → mixed.
  const product = panel.getByRole("checkbox", { name: plan1.displayName, exact: true });
  await expect(product).toBeChecked({ indeterminate: true });
  await product.click();
  await expect(product).toBeChecked();
  await product.click();
  await expect(product).not.toBeChecked();
  await product.click();
  await expect(product).toBeChecked({ indeterminate: true });
  await product.click();
  await expect(product).toBeChecked();
  await panel.getByRole("button", { name: `Apps and services of ${plan1.displayName}` }).click();
  await expectNoSeriousA11yViolations(page);
  await shot(page, "ul-panel-mixed", { fullPage: true });

  // Replace starts from nothing: the users end up with exactly what is checked.
  await panel.getByRole("button", { name: `Apps and services of ${plan1.displayName}` }).click();
  await panel.getByRole("radio", { name: "Replace existing product license assignments" }).check();
  await expect(product).not.toBeChecked();
  await product.check();
  await panel.getByRole("button", { name: "Next: preview" }).click();
  const preview = page.getByRole("dialog", { name: "Manage product licenses for 2 users" });
  await expect(preview.getByText("2 users will change, 0 cannot.").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await preview.getByRole("button", { name: "Cancel" }).click();
  await expect(preview).toBeHidden();
  // The panel under a cancelled preview is still a dialog people (and screen readers) can use, its choices kept.
  await expect(panel).toBeVisible();
  await expect(product).toBeChecked();
  await expectNoSeriousA11yViolations(page);
  await panel.getByRole("button", { name: "Cancel" }).click();
  await expect(panel).toBeHidden();
  await expect(opener).toBeFocused();
});
