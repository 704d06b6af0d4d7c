import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { type Api, CONTOSO, expect, nav, signInAs, TenantApi, test } from "./fixtures";

// Partner Center's "assign or revoke licenses for several users" procedure, in Tailspin Toys (1,200 users): select
// users across pages, check them under Selected users, choose licenses with tri-state checkboxes and service plans,
// preview, confirm, and read the confirmation page. Tailspin's Gupta family has no usage location: Adele Gupta is
// among the first 30 users by name, so a change for them fails for her, with the reason.

const TAILSPIN = "tailspin.test";

interface LicenseDetail {
  skuPartNumber: string;
  servicePlans: Array<{ provisioningStatus: string }>;
}

async function openUsersAndLicenses(page: Page, email: string, domain: string, api: Api) {
  const customer = await api.tenant(email, domain);
  await signInAs(page, email);
  await page.goto(`/t/${customer.id}`);
  await nav(page).getByRole("link", { name: "Users and licenses", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users and licenses" })).toBeVisible();
  return customer;
}

function usersTable(page: Page): Locator {
  return page.getByRole("table", { name: "Users" });
}

/** Clicks a product's tri-state checkbox until it is checked (a partly checked one cycles mixed → checked). */
async function checkFully(box: Locator): Promise<void> {
  const fully = async () =>
    (await box.isChecked()) && !(await box.evaluate((input) => (input as HTMLInputElement).indeterminate));
  for (let click = 0; click < 3 && !(await fully()); click++) await box.click();
  expect(await fully()).toBe(true);
}

async function saveAndConfirm(page: Page, users: number): Promise<void> {
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const preview = page.getByRole("dialog", { name: "Check and confirm the license changes" });
  await expect(preview).toBeVisible();
  const apply = preview.getByRole("button", { name: /^Apply to \d+ users?$/ });
  await expect(apply).toBeEnabled({ timeout: 20_000 });
  await expectNoSeriousA11yViolations(page, { include: "[role='dialog']" });
  await apply.click();
  await expect(page).toHaveURL(/\/users-and-licenses\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "License changes: confirmation" })).toBeVisible();
  await expect(page.getByRole("table", { name: "License changes per user" }).getByRole("row")).toHaveCount(users + 1, {
    timeout: 30_000,
  });
}

test("an admin agent assigns two products with a plan off to 30 users across two pages, then revokes one from 5", async ({
  page,
  api,
}) => {
  test.setTimeout(180_000);
  const tailspin = await openUsersAndLicenses(page, "agent@partner.test", TAILSPIN, api);

  await test.step("select the first page and five users of the second", async () => {
    await expect(page.getByRole("status").filter({ hasText: "Users 1–25 of 1,200" })).toBeVisible();
    await usersTable(page).getByRole("checkbox", { name: "Select all users on this page" }).check();
    await expect(page.getByRole("status").filter({ hasText: "25 users selected" })).toBeVisible();
    await page.getByRole("navigation", { name: "Pages" }).getByRole("button", { name: "Next page" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Users 26–50 of 1,200" })).toBeVisible();
    await expect(page).toHaveURL(/[?&]page=2\b/);
    const rows = usersTable(page).getByRole("row");
    for (let index = 1; index <= 5; index++) await rows.nth(index).getByRole("checkbox").check();
    await expect(page.getByRole("status").filter({ hasText: "30 users selected" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  await test.step("the selection survives a search, the last page and Selected users", async () => {
    await page.getByRole("searchbox", { name: "Search users" }).fill("gupta");
    await expect(page.getByRole("status").filter({ hasText: /^Users 1–\d+ of \d+$/ })).toBeVisible();
    await expect(page).not.toHaveURL(/[?&]page=/);
    await page.getByRole("searchbox", { name: "Search users" }).fill("");
    await expect(page.getByRole("status").filter({ hasText: "Users 1–25 of 1,200" })).toBeVisible();
    await page.getByRole("navigation", { name: "Pages" }).getByRole("button", { name: "Last page" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Users 1,176–1,200 of 1,200" })).toBeVisible();
    await page.getByRole("tab", { name: "Selected users (30)" }).click();
    const selected = page.getByRole("table", { name: "Selected users (30)" });
    await expect(selected.getByRole("row")).toHaveCount(31);
    await expect(selected).toContainText("Adele Gupta");
    await expectNoSeriousA11yViolations(page);
  });

  await test.step("Manage licenses: E3 with one service plan off, and Power BI Pro", async () => {
    await page.getByRole("button", { name: "Manage licenses" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Manage licenses" })).toBeVisible();
    const chips = page.getByRole("region", { name: "Selected users (30)" });
    // One chip per user, sorted by name, each of which drops its user.
    const chipNames = await chips.getByRole("button").allTextContents();
    expect(chipNames).toHaveLength(30);
    expect(chipNames.slice(0, 2)).toEqual(["Adele Archie", "Adele Berg"]);
    const products = page.getByRole("table", { name: "Products" });
    const e3 = products.getByRole("row").filter({ hasText: "Microsoft 365 E3" });
    await checkFully(e3.getByRole("checkbox", { name: "Microsoft 365 E3 for the selected users" }));
    await e3.getByRole("button", { name: "Show service plans: Microsoft 365 E3" }).click();
    const plans = page.getByRole("group", { name: /Microsoft 365 E3/ });
    const firstPlan = plans.getByRole("checkbox").first();
    await firstPlan.uncheck();
    await expect(firstPlan).not.toBeChecked();
    const pbi = products.getByRole("row").filter({ hasText: "Power BI Pro" });
    await checkFully(pbi.getByRole("checkbox", { name: "Power BI Pro for the selected users" }));
    // Who of the selection holds Power BI Pro already.
    await pbi.getByRole("button", { name: /of 30 selected users hold Power BI Pro: show who/ }).click();
    const holders = page.getByRole("dialog", { name: "Selected users who hold Power BI Pro" });
    await expect(holders).toBeVisible();
    await holders.getByRole("button", { name: "Close" }).last().click();
    await expectNoSeriousA11yViolations(page);
    await saveAndConfirm(page, 30);
  });

  await test.step("the confirmation page: 29 changed, Adele Gupta failed for her usage location", async () => {
    await expect(page.getByRole("status").filter({ hasText: "29 users changed, 1 user failed." })).toBeVisible();
    const results = page.getByRole("table", { name: "License changes per user" });
    const gupta = results.getByRole("row").filter({ hasText: "Adele Gupta" });
    await expect(gupta).toContainText("Failed");
    await expect(gupta).toContainText("Set the user's usage location before assigning licenses.");
    await expect(results.getByRole("row").filter({ hasText: "Adele Archie" })).toContainText("Succeeded");
    // Reachable again from its address, and exported as CSV.
    await page.reload();
    await expect(page.getByRole("status").filter({ hasText: "29 users changed, 1 user failed." })).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("main").getByRole("link", { name: "Export CSV" }).click();
    const csv = await readFile(await (await download).path(), "utf8");
    expect(csv).toContain("Adele Gupta,failed");
    expect(csv).toContain("UsageLocationRequired");
    await page.getByRole("switch", { name: "Show only failures" }).check();
    await expect(results.getByRole("row")).toHaveCount(2);
    await expectNoSeriousA11yViolations(page);
  });

  await test.step("the service plan is off for the users who got E3", async () => {
    const archie = (await api.users(tailspin.id, "Adele Archie")).find((user) => user.displayName === "Adele Archie");
    // The page's own session reads what the engine stored (a GET needs no CSRF token).
    const details = await page.request.get(`/api/tenants/${tailspin.id}/users/${archie?.id}/licenseDetails`);
    const licenses = ((await details.json()) as { value: LicenseDetail[] }).value;
    const e3 = licenses.find((license) => license.skuPartNumber === "SPE_E3");
    expect(e3?.servicePlans.filter((plan) => plan.provisioningStatus === "Disabled")).toHaveLength(1);
    expect(licenses.map((license) => license.skuPartNumber)).toContain("POWER_BI_PRO");
  });

  await test.step("revoke Power BI Pro from five of them", async () => {
    await page.getByRole("link", { name: "Back to users and licenses" }).click();
    await page.getByRole("button", { name: "Clear selection" }).click();
    await page.getByRole("tab", { name: /^All users/ }).click();
    await expect(page.getByRole("status").filter({ hasText: "Users 1–25 of 1,200" })).toBeVisible();
    const rows = usersTable(page).getByRole("row");
    // Rows 1–5 by name: Adele Archie … Adele Dekker, who all hold Power BI Pro now (Gupta is the ninth).
    for (let index = 1; index <= 5; index++) await rows.nth(index).getByRole("checkbox").check();
    await expect(page.getByRole("status").filter({ hasText: "5 users selected" })).toBeVisible();
    await page.getByRole("button", { name: "Manage licenses" }).click();
    const pbi = page.getByRole("table", { name: "Products" }).getByRole("row").filter({ hasText: "Power BI Pro" });
    const box = pbi.getByRole("checkbox", { name: "Power BI Pro for the selected users" });
    await expect(box).toBeChecked();
    await box.click();
    await expect(box).not.toBeChecked();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const preview = page.getByRole("dialog", { name: "Check and confirm the license changes" });
    // Taking a license away deletes the users' data in it: the preview warns first.
    await expect(preview).toContainText("deletes the users' data");
    await preview.getByRole("button", { name: "Apply to 5 users" }).click();
    await expect(page.getByRole("status").filter({ hasText: "5 users changed, 0 users failed." })).toBeVisible({
      timeout: 30_000,
    });
    const results = page.getByRole("table", { name: "License changes per user" });
    await expect(results.getByRole("row").filter({ hasText: "Power BI Pro" })).toHaveCount(5);
  });

  await test.step("in Dutch", async () => {
    await page.evaluate(() => window.localStorage.setItem("allot.language", "nl"));
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Licentiewijzigingen: bevestiging" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("link", { name: "Terug naar gebruikers en licenties" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Gebruikers en licenties" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Pagina's" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});

test("a helpdesk agent assigns, drops a user from the selection, and cannot buy", async ({ page, api }) => {
  await openUsersAndLicenses(page, "helpdesk@partner.test", TAILSPIN, api);
  await page.getByRole("searchbox", { name: "Search users" }).fill("Zara");
  await expect(page).toHaveURL(/[?&]q=Zara\b/);
  const rows = usersTable(page).getByRole("row");
  // The list shows the search's users (the previous page stays while they load).
  await expect(rows.nth(1)).toContainText("Zara");
  await expect(page.getByRole("status").filter({ hasText: /^Users 1–\d+ of \d+$/ })).not.toContainText("1,200");
  await rows.nth(1).getByRole("checkbox").check();
  await rows.nth(2).getByRole("checkbox").check();
  const dropped = (await rows.nth(2).getByRole("cell").nth(1).textContent())?.trim() ?? "";
  const kept = (await rows.nth(1).getByRole("cell").nth(1).textContent())?.trim() ?? "";
  await page.getByRole("tab", { name: "Selected users (2)" }).click();
  await page.getByRole("button", { name: `Remove ${dropped} from the selection` }).click();
  await expect(page.getByRole("tab", { name: "Selected users (1)" })).toBeVisible();

  await page.getByRole("button", { name: "Manage licenses" }).click();
  const products = page.getByRole("table", { name: "Products" });
  // Visio has no free seat, and a helpdesk agent may not buy: the button says why.
  const visio = products.getByRole("row").filter({ hasText: "Visio Plan 2" });
  const buy = visio.getByRole("button", { name: "Buy more" });
  await expect(buy).toHaveAttribute("aria-disabled", "true");
  await buy.focus();
  await expect(page.getByRole("tooltip")).toContainText("Your role can't buy.");
  const exchange = products.getByRole("row").filter({ hasText: "Exchange Online (Plan 1)" });
  const box = exchange.getByRole("checkbox", { name: "Exchange Online (Plan 1) for the selected users" });
  await expect(box).not.toBeChecked();
  await box.click();
  await saveAndConfirm(page, 1);
  await expect(page.getByRole("status").filter({ hasText: "1 user changed, 0 users failed." })).toBeVisible();
  await expect(page.getByRole("table", { name: "License changes per user" })).toContainText(kept);
});

test("a sales agent uses Buy more for a product with no free seats", async ({ page, api, request }) => {
  test.setTimeout(120_000);
  // Other specs buy and give out Visio seats in Contoso: whatever is free now goes to new people, so none is.
  const admin = new TenantApi(request);
  await admin.signIn(CONTOSO.admin, CONTOSO.domain);
  const skus = await admin.send<{ value: Array<{ skuId: string; skuPartNumber: string; available: number }> }>(
    "GET",
    "subscribedSkus",
  );
  const visioSku = skus.value.find((sku) => sku.skuPartNumber === "VISIOCLIENT");
  for (let seat = 0; seat < (visioSku?.available ?? 0); seat++) {
    const person = await admin.createPerson("PUL Visio");
    await admin.send("POST", `users/${person.id}/assignLicense`, {
      addLicenses: [{ skuId: visioSku?.skuId, disabledPlans: [] }],
      removeLicenses: [],
    });
  }
  const contoso = await openUsersAndLicenses(page, "sales@partner.test", "contoso.test", api);
  await usersTable(page).getByRole("row").nth(1).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Manage licenses" }).click();
  const visio = page.getByRole("table", { name: "Products" }).getByRole("row").filter({ hasText: "Visio Plan 2" });
  await visio.getByRole("link", { name: "Buy more" }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${contoso.id}/billing`));
  const dialog = page.getByRole("dialog", { name: "Add licenses to Visio Plan 2" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("spinbutton", { name: "Licenses to add" })).toHaveValue("1");
  await expectNoSeriousA11yViolations(page, { include: "[role='dialog']" });
  // Earlier specs may have bought Visio a second time: then the seat goes to a subscription the buyer chooses.
  const choice = dialog.getByRole("radiogroup", { name: "Subscription" });
  if (await choice.isVisible()) await choice.getByRole("radio").first().check();
  await dialog.getByRole("button", { name: "Add 1 license" }).click();
  await expect(dialog).toBeHidden();

  // Back on Manage licenses (the selection kept) the new seat is free, and goes to the selected user: Visio is full
  // again, for the specs that count on it.
  await page.goto(`/t/${contoso.id}/users-and-licenses/manage`);
  const row = page.getByRole("table", { name: "Products" }).getByRole("row").filter({ hasText: "Visio Plan 2" });
  await expect(row.getByRole("cell").nth(3)).toHaveText("1");
  await row.getByRole("checkbox", { name: "Visio Plan 2 for the selected users" }).click();
  await saveAndConfirm(page, 1);
  await expect(page.getByRole("status").filter({ hasText: "1 user changed, 0 users failed." })).toBeVisible();
});
