import type { Group } from "@allot/contracts";
import type { Locator, Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { type CreatedUser, expect, nav, shot, signIn, TenantApi, test } from "./fixtures";

const POWER_BI_PRO = "f8a1db68-be16-40ed-86d5-cb42ce701560";
/** The roles that may assign licenses, as the permission matrix names them, in English. */
const ASSIGN_ROLES = "Requires one of these roles: Global Administrator, User Administrator, License Administrator";

/** The control is there but refused: disabled (still focusable) and its tooltip names the roles that may use it. */
async function expectRefused(page: Page, control: Locator): Promise<void> {
  await expect(control).toBeVisible();
  await expect(control).toHaveAttribute("aria-disabled", "true");
  await control.hover();
  await expect(page.getByRole("tooltip")).toHaveText(ASSIGN_ROLES);
  await expect(control).toHaveAccessibleDescription(ASSIGN_ROLES);
  await page.mouse.move(0, 0);
}

/** Creates one user of this spec (prefix "RL ") as a global admin, through the API. */
async function createUser(page: Page): Promise<CreatedUser> {
  const admin = new TenantApi(page.request);
  await admin.signIn("admin@contoso.test", "contoso.test");
  const user = await admin.createPerson("RL Robin");
  // Leave the page's browser session to the person signing in next.
  await page.context().clearCookies();
  return user;
}

test("a billing admin sees licenses but every assign control is refused with the roles it needs", async ({
  page,
  api,
}) => {
  const contoso = await api.tenant("billing@contoso.test", "contoso.test");
  await signIn(page, "billing@contoso.test");
  await expect(nav(page).getByRole("link", { name: "Billing", exact: true })).toBeVisible();

  // Licenses: the overview offers nothing that assigns.
  await nav(page).getByRole("link", { name: "Licenses", exact: true }).click();
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: "Licenses" })).toBeVisible();
  for (const control of await main.getByRole("button", { name: /^(un)?assign licen/i }).all()) {
    await expectRefused(page, control);
  }
  await expectNoSeriousA11yViolations(page);

  // A product page: Assign and Unassign are there, refused, and say who may use them.
  await page.goto(`/t/${contoso.id}/licenses/${POWER_BI_PRO}`);
  await expect(main.getByRole("heading", { level: 1, name: "Power BI Pro" })).toBeVisible();
  await expectRefused(page, main.getByRole("button", { name: "Assign licenses", exact: true }));
  await expectRefused(page, main.getByRole("button", { name: /^Unassign licenses/ }));
  await main.getByRole("button", { name: "Assign licenses", exact: true }).hover();
  await shot(page, "roles-billing-product");
  await page.mouse.move(0, 0);
  await expectNoSeriousA11yViolations(page);

  // Active users: the toolbar's Manage product licenses is refused too.
  await page.goto(`/t/${contoso.id}/users`);
  await expect(main.getByRole("heading", { level: 1 })).toBeVisible();
  await expectRefused(page, main.getByRole("button", { name: "Manage product licenses" }));

  // A group's licenses: Assign licenses is refused.
  const groups = await page.request.get(`/api/tenants/${contoso.id}/groups?limit=1`);
  expect(groups.status()).toBe(200);
  const group = ((await groups.json()) as { items: Group[] }).items[0];
  if (!group) throw new Error("no group seeded in Contoso");
  await page.goto(`/t/${contoso.id}/groups?group=${group.id}`);
  const licenses = page.getByRole("dialog", { name: `Group ${group.displayName}` }).getByRole("region", {
    name: "Licenses",
  });
  await expectRefused(page, licenses.getByRole("button", { name: "Assign licenses", exact: true }));
  await expectNoSeriousA11yViolations(page);
});

test("a license admin has no billing, and can open the assign and manage licenses panels", async ({ page, api }) => {
  const robin = await createUser(page);
  const contoso = await api.tenant("licenses@contoso.test", "contoso.test");
  await signIn(page, "licenses@contoso.test");
  const main = page.getByRole("main");

  // No billing: not in the navigation, and the page itself is not offered.
  await expect(nav(page).getByRole("link", { name: "Licenses", exact: true })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Billing", exact: true })).toHaveCount(0);
  await page.goto(`/t/${contoso.id}/billing`);
  await expect(main.getByRole("heading", { level: 1, name: "Billing" })).toHaveCount(0);

  // A product page: Assign licenses is enabled and opens the assign panel.
  await page.goto(`/t/${contoso.id}/licenses/${POWER_BI_PRO}`);
  await expect(main.getByRole("heading", { level: 1, name: "Power BI Pro" })).toBeVisible();
  const assign = main.getByRole("button", { name: "Assign licenses", exact: true });
  await expect(assign).toBeEnabled();
  await expect(assign).not.toHaveAttribute("aria-disabled", "true");
  await assign.click();
  const panel = page.getByRole("dialog", { name: /Power BI Pro/ });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("button", { name: /buy/i })).toHaveCount(0);
  await expect(panel.getByRole("link", { name: /buy/i })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await shot(page, "roles-licenses-assign");
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();

  // Active users: select this spec's own user and open Manage product licenses (nothing is applied).
  await page.goto(`/t/${contoso.id}/users?q=${encodeURIComponent(robin.displayName)}`);
  await expect(main.getByRole("heading", { level: 1 })).toBeVisible();
  await main.getByRole("checkbox", { name: new RegExp(robin.displayName) }).check();
  const manage = main.getByRole("button", { name: "Manage product licenses" });
  await expect(manage).not.toHaveAttribute("aria-disabled", "true");
  await manage.click();
  const managePanel = page.getByRole("dialog", { name: /Manage product licenses/ });
  await expect(managePanel).toBeVisible();
  // No way to billing for a role without it (soft: the rest of the panel is still checked).
  await expect.soft(managePanel.getByRole("link", { name: /buy/i })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await shot(page, "roles-licenses-manage");
  await page.keyboard.press("Escape");
  await expect(managePanel).toBeHidden();
});
