import type { SubscribedSku } from "@allot/contracts";
import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, nav, selectTab, shot, signIn, TenantApi, test } from "./fixtures";

/** User details › Licenses and apps. Only this spec's own "UD " users, and only SPE_E3 and POWER_BI_PRO. */
const SPE_E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
const POWER_BI_PRO = "f8a1db68-be16-40ed-86d5-cb42ce701560";

// Each test opens the users list and a details panel more than once and runs axe: give them room on a busy machine.
test.describe.configure({ timeout: 120_000 });

/** TenantApi plus the calls only this spec makes. */
class AdminApi extends TenantApi {
  async createLicensedGroup(displayName: string, userIds: string[], skuId: string): Promise<void> {
    const group = await this.createGroup(displayName, "UD e2e");
    await this.addMembers(group.id, userIds);
    await this.send("POST", `groups/${group.id}/assignLicense`, {
      addLicenses: [{ skuId, disabledPlans: [] }],
      removeLicenses: [],
    });
  }

  async skuWithId(skuId: string): Promise<SubscribedSku> {
    const sku = (await this.subscribedSkus()).find((candidate) => candidate.skuId === skuId);
    if (!sku) throw new Error(`the tenant has no ${skuId}`);
    return sku;
  }
}

/** Opens a user's details from a users list (Active users or Guest users) and its Licenses and apps tab. */
async function openLicensesTab(page: Page, name: string, list: "Active users" | "Guest users") {
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  if (list === "Guest users") await page.getByRole("tab", { name: "Guest users" }).click();
  await page
    .getByRole("searchbox", { name: list === "Guest users" ? "Search guest users" : "Search active users" })
    .fill(name);
  await page
    .getByRole("grid", { name: list })
    .getByRole("button", { name: `Open details of ${name}` })
    .click();
  const panel = page.getByRole("dialog", { name });
  await selectTab(panel.getByRole("tab", { name: "Licenses and apps" }));
  return panel;
}

test("one user's licenses changed in the details panel", async ({ page, request }) => {
  const admin = new AdminApi(request);
  await admin.signIn("admin@contoso.test", "contoso.test");
  const stamp = Date.now();
  const name = `UD Member ${stamp}`;
  const user = await admin.createUser({
    displayName: name,
    email: `ud.member.${stamp}@contoso.test`,
    usageLocation: "NL",
  });
  await admin.assign(user.id, SPE_E3);
  const e3 = await admin.skuWithId(SPE_E3);
  const plan =
    e3.servicePlans.find((candidate) => candidate.servicePlanName === "YAMMER_ENTERPRISE") ?? e3.servicePlans.at(-1);
  if (!plan) throw new Error("SPE_E3 has no service plans");

  await signIn(page, "admin@contoso.test");
  const panel = await openLicensesTab(page, name, "Active users");
  const e3Box = panel.getByRole("checkbox", { name: "Microsoft 365 E3", exact: true });
  const biBox = panel.getByRole("checkbox", { name: "Power BI Pro", exact: true });
  const save = panel.getByRole("button", { name: "Save changes" });
  await expect(e3Box).toBeChecked();
  await expect(biBox).not.toBeChecked();
  await expect(save).toBeDisabled();
  await expectNoSeriousA11yViolations(page);

  // Add Power BI Pro and switch off one app of Microsoft 365 E3, in one save.
  await biBox.check();
  const e3Apps = panel.getByRole("button", { name: /^Apps and services \(.*\), Microsoft 365 E3$/ });
  await e3Apps.click();
  await expect(e3Apps).toHaveAttribute("aria-expanded", "true");
  await panel.getByRole("checkbox", { name: plan.displayName, exact: true }).uncheck();
  await expect(panel.getByText("1 to add, 1 with changed apps")).toBeVisible();
  await shot(page, "ud-1-pending");
  await save.click();
  await expect(page.getByText(`Licenses of ${name} were updated`).last()).toBeVisible();
  await expect(save).toBeDisabled();
  await expect(biBox).toBeChecked();

  const afterAdd = await admin.licenses(user.id);
  expect(afterAdd.assignedLicenses.map((license) => license.skuId).sort()).toEqual([SPE_E3, POWER_BI_PRO].sort());
  expect(afterAdd.assignedLicenses.find((license) => license.skuId === SPE_E3)?.disabledPlans).toEqual([
    plan.servicePlanId,
  ]);
  await expect(panel.getByRole("checkbox", { name: plan.displayName, exact: true })).not.toBeChecked();

  // Remove Power BI Pro: the confirmation names it and says the user's data goes with it.
  await biBox.uncheck();
  await save.click();
  const confirm = page.getByRole("alertdialog", { name: "Remove 1 license?" });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("listitem")).toHaveText(["Power BI Pro"]);
  await expect(confirm).toContainText("will be deleted");
  await shot(page, "ud-2-confirm");
  await expectNoSeriousA11yViolations(page);
  await confirm.getByRole("button", { name: "Remove and save" }).click();
  await expect(confirm).toBeHidden();
  await expect(biBox).not.toBeChecked();
  await expect(save).toBeDisabled();

  const afterRemove = await admin.licenses(user.id);
  expect(afterRemove.assignedLicenses.map((license) => license.skuId)).toEqual([SPE_E3]);
  await shot(page, "ud-3-after");
});

test("a guest licensed by a global admin and refused for a user admin", async ({ page, request }) => {
  const admin = new AdminApi(request);
  await admin.signIn("admin@contoso.test", "contoso.test");
  const stamp = Date.now();
  const name = `UD Guest ${stamp}`;
  const guest = await admin.createUser({
    displayName: name,
    email: `ud.guest.${stamp}@contoso.test`,
    usageLocation: "NL",
    userType: "guest",
  });

  // A user admin may assign licenses, but not to guests: told so, and nothing can be changed.
  await signIn(page, "users@contoso.test");
  let panel = await openLicensesTab(page, name, "Guest users");
  await expect(panel.getByText("Only a global admin can assign licenses to guest users")).toBeVisible();
  await expect(panel.getByRole("checkbox", { name: "Power BI Pro", exact: true })).toBeDisabled();
  await expect(panel.getByRole("checkbox", { name: "Microsoft 365 E3", exact: true })).toBeDisabled();
  await expect(panel.getByRole("button", { name: "Save changes" })).toBeDisabled();
  await shot(page, "ud-4-guest-user-admin");
  await expectNoSeriousA11yViolations(page);

  // A global admin licenses the guest from the same tab.
  await page.context().clearCookies();
  await signIn(page, "admin@contoso.test");
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
  panel = await openLicensesTab(page, name, "Guest users");
  await expect(panel.getByText("Only a global admin can assign licenses to guest users")).toHaveCount(0);
  await panel.getByRole("checkbox", { name: "Power BI Pro", exact: true }).check();
  await panel.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(`Licenses of ${name} were updated`).last()).toBeVisible();
  await shot(page, "ud-5-guest-global-admin");

  const licensed = await admin.licenses(guest.id);
  expect(licensed.assignedLicenses.map((license) => license.skuId)).toEqual([POWER_BI_PRO]);
});

test("an inherited license is locked, and a user without usage location gets no new licenses", async ({
  page,
  request,
}) => {
  const admin = new AdminApi(request);
  await admin.signIn("admin@contoso.test", "contoso.test");
  const stamp = Date.now();
  const inheritor = `UD Inherit ${stamp}`;
  const homeless = `UD Nowhere ${stamp}`;
  const groupName = `UD Group ${stamp}`;
  const a = await admin.createUser({
    displayName: inheritor,
    email: `ud.inherit.${stamp}@contoso.test`,
    usageLocation: "NL",
  });
  const b = await admin.createUser({
    displayName: homeless,
    email: `ud.nowhere.${stamp}@contoso.test`,
    usageLocation: null,
  });
  await admin.createLicensedGroup(groupName, [a.id, b.id], POWER_BI_PRO);

  await signIn(page, "admin@contoso.test");
  let panel = await openLicensesTab(page, inheritor, "Active users");
  const bi = panel.getByRole("checkbox", { name: "Power BI Pro", exact: true });
  await expect(bi).toBeChecked();
  await expect(bi).toBeDisabled();
  await expect(bi).toHaveAccessibleDescription(new RegExp(`Inherited from ${groupName}`));
  await shot(page, "ud-6-inherited");
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();

  // No usage location: told to set it, nothing new can be added, and the group's license shows why it failed.
  panel = await openLicensesTab(page, homeless, "Active users");
  await expect(panel.getByText("Usage location required")).toBeVisible();
  await expect(panel.getByRole("checkbox", { name: "Microsoft 365 E3", exact: true })).toBeDisabled();
  await expect(panel.getByRole("checkbox", { name: "Power BI Pro", exact: true })).toHaveAccessibleDescription(
    /Set the user's usage location before assigning licenses/,
  );
  await shot(page, "ud-7-no-location");
  await expectNoSeriousA11yViolations(page);
  // The location is set right there, and new licenses can then be chosen.
  await panel.getByRole("combobox", { name: `Usage location of ${homeless}` }).selectOption("NL");
  await panel.getByRole("button", { name: "Set usage location" }).click();
  await expect(panel.getByText("Usage location required")).toHaveCount(0);
  await expect(panel.getByRole("checkbox", { name: "Microsoft 365 E3", exact: true })).toBeEnabled();

  // The same tab in Dutch.
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await page.evaluate(() => window.localStorage.setItem("allot.language", "nl"));
  await page.reload();
  await nav(page).getByRole("link", { name: "Gebruikers", exact: true }).click();
  await page.getByRole("searchbox", { name: "Actieve gebruikers zoeken" }).fill(inheritor);
  await page.getByRole("button", { name: `Details van ${inheritor} openen` }).click();
  panel = page.getByRole("dialog", { name: inheritor });
  await selectTab(panel.getByRole("tab", { name: "Licenties en apps" }));
  await expect(panel.getByRole("checkbox", { name: "Power BI Pro", exact: true })).toHaveAccessibleDescription(
    new RegExp(`Overgenomen van ${groupName}`),
  );
  await expect(panel.getByRole("button", { name: "Wijzigingen opslaan" })).toBeDisabled();
  await shot(page, "ud-8-dutch");
});
