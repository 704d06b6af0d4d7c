import type { User, UserPage } from "@allot/contracts";
import type { Locator, Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { CONTOSO, expect, nav, selectTab, signIn, TenantApi, test } from "./fixtures";

// Only this spec's own "LF " users are changed; the products are read, and seats used only by those users.
const SPE_E3 = "SPE_E3";
const POWER_BI_PRO = "POWER_BI_PRO";

test.describe.configure({ timeout: 120_000 });

/** The one data-loss text every remove path shows (one license of one user), in English and Dutch. */
const DATA_LOSS_EN =
  "Removing this license deletes the user's data in its apps and services, such as their mailbox and all its messages. The data can't be recovered (except documents stored in SharePoint Online), not even by assigning the license again.";

async function openActiveUsers(page: Page): Promise<void> {
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Active users" })).toBeVisible();
}

/** Opens a user's details from Active users and its Licenses and apps tab. */
async function openLicensesTab(page: Page, name: string): Promise<Locator> {
  await openActiveUsers(page);
  await page.getByRole("searchbox", { name: "Search active users" }).fill(name);
  await page
    .getByRole("grid", { name: "Active users" })
    .getByRole("button", { name: `Open details of ${name}` })
    .click();
  const panel = page.getByRole("dialog", { name });
  await selectTab(panel.getByRole("tab", { name: "Licenses and apps" }));
  return panel;
}

/** Searches Active users and opens Manage product licenses for every user the search shows. */
async function manageLicensesOf(page: Page, search: string, expected: number): Promise<Locator> {
  await openActiveUsers(page);
  await page.getByRole("searchbox", { name: "Search active users" }).fill(search);
  const grid = page.getByRole("grid", { name: "Active users" });
  await expect(grid.getByRole("row")).toHaveCount(expected + 1);
  await grid.getByRole("checkbox", { name: "Select all users on this list" }).check();
  await page.getByRole("button", { name: "Manage product licenses" }).click();
  const panel = page.getByRole("dialog", { name: "Manage product licenses" });
  await expect(panel.getByRole("heading", { name: "Licenses", exact: true })).toBeVisible();
  return panel;
}

test("the assign panel opens on its first field, and the preview names the apps switched off", async ({
  page,
  request,
}) => {
  const api = new TenantApi(request);
  await api.signIn(CONTOSO.admin, CONTOSO.domain);
  const e3 = await api.sku(SPE_E3);
  const app = e3.servicePlans.find((plan) => plan.servicePlanName === "YAMMER_ENTERPRISE");
  if (!app) throw new Error("Microsoft 365 E3 has no YAMMER_ENTERPRISE plan");
  const [user] = await api.createUsers("LF Apps", 1);
  if (!user) throw new Error("no user");

  await signIn(page, CONTOSO.admin);
  await nav(page).getByRole("link", { name: "Licenses" }).click();
  await page.getByRole("link", { name: e3.displayName, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: e3.displayName })).toBeVisible();
  await page.getByRole("button", { name: "Assign licenses", exact: true }).click();
  const panel = page.getByRole("dialog", { name: `Assign ${e3.displayName}` });
  const picker = panel.getByRole("combobox", { name: "Users" });
  await expect(picker).toBeFocused();

  await picker.pressSequentially(user.displayName);
  await page.getByRole("option", { name: new RegExp(user.displayName) }).click();
  await panel.getByRole("checkbox", { name: app.displayName, exact: true }).uncheck();
  await panel.getByRole("button", { name: "Assign", exact: true }).click();
  const preview = page.getByRole("dialog", { name: `Assign ${e3.displayName} to 1 user` });
  await expect(preview.getByText("1 user will change, 0 cannot.").first()).toBeVisible();
  await expect(preview.getByText(`Apps switched off in ${e3.displayName}: ${app.displayName}`)).toBeVisible();
});

test("Manage product licenses lists products by name, unchecked ones in normal text", async ({ page, request }) => {
  const api = new TenantApi(request);
  await api.signIn(CONTOSO.admin, CONTOSO.domain);
  const bi = await api.sku(POWER_BI_PRO);
  const [user] = await api.createUsers("LF Order", 1);
  if (!user) throw new Error("no user");
  await api.assign(user.id, bi.skuId);

  await signIn(page, CONTOSO.admin);
  const panel = await manageLicensesOf(page, user.displayName, 1);
  const products = panel.getByRole("region", { name: "Licenses", exact: true }).getByRole("checkbox");
  await expect(panel.getByRole("checkbox", { name: bi.displayName, exact: true })).toBeChecked();
  const names = await products.evaluateAll((boxes) =>
    boxes.map((box) => (box.closest(".fui-Checkbox")?.textContent ?? "").trim()),
  );
  expect(names.length).toBeGreaterThan(3);
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));

  // An unchecked product's name has the colour of a checked one's: normal text, not the grey of a disabled control.
  const colour = (name: string) =>
    panel
      .getByRole("checkbox", { name, exact: true })
      .evaluate((box) => getComputedStyle(box.closest(".fui-Checkbox")?.querySelector("label") ?? box).color);
  const unchecked = names.find((name) => name !== bi.displayName) ?? "";
  await expect(panel.getByRole("checkbox", { name: unchecked, exact: true })).not.toBeChecked();
  expect(await colour(unchecked)).toBe(await colour(bi.displayName));
});

test("a missing usage location is set in the preview, which then runs again", async ({ page, request }) => {
  const api = new TenantApi(request);
  await api.signIn(CONTOSO.admin, CONTOSO.domain);
  const bi = await api.sku(POWER_BI_PRO);
  const stamp = Date.now();
  const placed = await api.createUser({
    displayName: `LF Placed ${stamp}`,
    email: `lf-placed-${stamp}@${CONTOSO.domain}`,
    usageLocation: "NL",
  });
  const homelessName = `LF Homeless ${stamp}`;
  const homeless = await api.createUser({
    displayName: homelessName,
    email: `lf-homeless-${stamp}@${CONTOSO.domain}`,
    usageLocation: null,
  });
  expect(placed.id).toBeTruthy();

  await signIn(page, CONTOSO.admin);
  const panel = await manageLicensesOf(page, `${stamp}`, 2);
  await panel.getByRole("checkbox", { name: bi.displayName, exact: true }).check();
  await panel.getByRole("button", { name: "Next: preview" }).click();
  const preview = page.getByRole("dialog", { name: "Manage product licenses for 2 users" });
  await expect(preview.getByText("1 user will change, 1 cannot.").first()).toBeVisible();
  const row = preview.getByRole("listitem").filter({ hasText: homelessName });
  await expect(row).toContainText("Cannot change");
  await expect(row.getByRole("combobox", { name: `Usage location of ${homelessName}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await row.getByRole("combobox", { name: `Usage location of ${homelessName}` }).selectOption("NL");
  await row.getByRole("button", { name: "Set usage location" }).click();
  await expect(preview.getByText("2 users will change, 0 cannot.").first()).toBeVisible();
  await expect(preview.getByRole("listitem").filter({ hasText: homelessName })).toContainText("Will change");
  expect((await api.send<User>("GET", `users/${homeless.id}`)).usageLocation).toBe("NL");
});

test("a missing usage location is set on the user's licenses tab; a license admin is told who can", async ({
  page,
  request,
}) => {
  const api = new TenantApi(request);
  await api.signIn(CONTOSO.admin, CONTOSO.domain);
  const stamp = Date.now();
  const name = `LF Tab ${stamp}`;
  const user = await api.createUser({
    displayName: name,
    email: `lf-tab-${stamp}@${CONTOSO.domain}`,
    usageLocation: null,
  });

  // A license admin may assign licenses but not edit users: the tab says so instead of offering the field.
  await signIn(page, CONTOSO.licenseAdmin);
  let panel = await openLicensesTab(page, name);
  await expect(panel.getByText("Usage location required")).toBeVisible();
  await expect(panel.getByText("Only a global admin or a user admin can set a usage location.")).toBeVisible();
  await expect(panel.getByRole("combobox", { name: `Usage location of ${name}` })).toHaveCount(0);
  await page.context().clearCookies();

  await signIn(page, CONTOSO.admin);
  panel = await openLicensesTab(page, name);
  const e3Box = panel.getByRole("checkbox", { name: "Microsoft 365 E3", exact: true });
  await expect(e3Box).toBeDisabled();
  await panel.getByRole("combobox", { name: `Usage location of ${name}` }).selectOption("NL");
  await panel.getByRole("button", { name: "Set usage location" }).click();
  // Still on the licenses tab, and new licenses can now be chosen.
  await expect(panel.getByRole("tab", { name: "Licenses and apps" })).toHaveAttribute("aria-selected", "true");
  await expect(panel.getByText("Usage location required")).toHaveCount(0);
  await expect(e3Box).toBeEnabled();
  // Focus moves on to the licenses (the field it was in is gone), so the keyboard carries on from there.
  await expect(panel.locator('input[type="checkbox"]:focus')).toHaveCount(1);
  expect((await api.send<User>("GET", `users/${user.id}`)).usageLocation).toBe("NL");
});

test("removing a license warns in one wording, from a user's tab and from a product page", async ({
  page,
  request,
}) => {
  const api = new TenantApi(request);
  await api.signIn(CONTOSO.admin, CONTOSO.domain);
  const bi = await api.sku(POWER_BI_PRO);
  const [first, second] = await api.createUsers("LF Loss", 2);
  if (!first || !second) throw new Error("no users");
  await api.assign(first.id, bi.skuId);
  await api.assign(second.id, bi.skuId);

  // One user's licenses tab: unchecking a license and saving asks first.
  await signIn(page, CONTOSO.admin);
  const panel = await openLicensesTab(page, first.displayName);
  await panel.getByRole("checkbox", { name: bi.displayName, exact: true }).uncheck();
  await panel.getByRole("button", { name: "Save changes" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Remove 1 license?" });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByText(`This license will be removed from ${first.displayName}:`)).toBeVisible();
  await expect(confirm.getByText(DATA_LOSS_EN)).toBeVisible();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();

  // The product page: unassigning one holder shows the very same words.
  await nav(page).getByRole("link", { name: "Licenses" }).click();
  await page.getByRole("link", { name: bi.displayName, exact: true }).click();
  await page.getByRole("searchbox", { name: "Search users who hold this product" }).fill(second.displayName);
  await page.getByRole("checkbox", { name: `Select ${second.displayName}` }).check();
  await page.getByRole("button", { name: /^Unassign licenses/ }).click();
  const preview = page.getByRole("dialog", { name: `Unassign ${bi.displayName} from 1 user` });
  await expect(preview.getByText("Data will be deleted")).toBeVisible();
  await expect(preview.getByText(DATA_LOSS_EN)).toBeVisible();

  // The same text in Dutch.
  await page.keyboard.press("Escape");
  await expect(preview).toBeHidden();
  await page.evaluate(() => window.localStorage.setItem("allot.language", "nl"));
  await page.reload();
  await page.getByRole("searchbox", { name: "Gebruikers met dit product zoeken" }).fill(second.displayName);
  await page.getByRole("checkbox", { name: `${second.displayName} selecteren` }).check();
  await page.getByRole("button", { name: /^Licenties intrekken/ }).click();
  const dutch = page.getByRole("dialog", { name: `${bi.displayName} intrekken bij 1 gebruiker` });
  await expect(dutch.getByText("Gegevens worden verwijderd")).toBeVisible();
  await expect(
    dutch.getByText(
      "Als u deze licentie verwijdert, worden de gegevens van de gebruiker in de apps en services ervan verwijderd, zoals het postvak met alle berichten. U kunt de gegevens niet meer herstellen (met uitzondering van de documenten die zijn opgeslagen in SharePoint Online), ook niet door de licentie opnieuw toe te wijzen.",
    ),
  ).toBeVisible();
});

test("a user is added with licenses in one step, previewed first", async ({ page, request }) => {
  const api = new TenantApi(request);
  await api.signIn(CONTOSO.admin, CONTOSO.domain);
  const bi = await api.sku(POWER_BI_PRO);
  const stamp = Date.now();
  const name = `LF Added ${stamp}`;
  const email = `lf-added-${stamp}@${CONTOSO.domain}`;
  const found = async () => (await api.send<UserPage>("GET", `users?search=${encodeURIComponent(name)}`)).items;

  await signIn(page, CONTOSO.admin);
  await openActiveUsers(page);
  await page.getByRole("button", { name: "Add a user" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a user" });
  await dialog.getByLabel("Display name").fill(name);
  await dialog.getByLabel("Username (email address)").fill(email);
  const licenses = dialog.getByRole("group", { name: "Product licenses" });
  await licenses.getByRole("checkbox", { name: bi.displayName, exact: true }).check();
  await expectNoSeriousA11yViolations(page);

  // Without a usage location the preview says why, and nothing is created.
  await dialog.getByRole("button", { name: "Add user" }).click();
  let review = page.getByRole("dialog", { name: "Review the new user" });
  await expect(review.getByText("The user can't be added with these licenses.", { exact: false })).toBeVisible();
  await expect(review.getByRole("listitem").filter({ hasText: name })).toContainText(
    "Set the user's usage location before assigning licenses.",
  );
  await expect(review.getByRole("button", { name: "Add user and assign licenses" })).toBeDisabled();
  await expectNoSeriousA11yViolations(page);
  expect(await found()).toEqual([]);
  await review.getByRole("button", { name: "Back" }).click();

  await page.getByRole("dialog", { name: "Add a user" }).getByLabel("Usage location").selectOption("NL");
  await page.getByRole("dialog", { name: "Add a user" }).getByRole("button", { name: "Add user" }).click();
  review = page.getByRole("dialog", { name: "Review the new user" });
  await expect(review.getByText("The user can be added with these licenses.")).toBeVisible();
  const seatRow = review.getByRole("row", { name: new RegExp(bi.displayName) });
  await expect(seatRow).toContainText(`${bi.consumedUnits} → ${bi.consumedUnits + 1}`);
  await expect(review.getByRole("listitem").filter({ hasText: name })).toContainText(`Gets ${bi.displayName}`);
  await review.getByRole("button", { name: "Add user and assign licenses" }).click();
  await expect(page.getByRole("dialog", { name: "User added" })).toBeVisible();

  const [created] = await found();
  if (!created) throw new Error("the user was not created");
  expect(await api.holds(created.id, bi.skuId)).toBe(true);
});
