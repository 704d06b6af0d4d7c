import { expectNoSeriousA11yViolations } from "./axe";
import { expect, shot, signIn, TenantApi, test } from "./fixtures";

const POWER_BI_PRO = "f8a1db68-be16-40ed-86d5-cb42ce701560";

/** TenantApi plus the calls only this spec makes; only this spec's own users and group are touched. */
class AdminApi extends TenantApi {
  setUsageLocation(userId: string, usageLocation: string) {
    return this.send("PATCH", `users/${userId}`, { usageLocation });
  }
}

test("a group gets Power BI Pro, a member without location is in error, and reprocessing fixes it", async ({
  page,
  request,
}) => {
  // Four axe runs over a drawer and two dialogs, each waiting for Fluent's animations: over a minute on 2 cores.
  test.setTimeout(150_000);
  const admin = new AdminApi(request);
  await admin.signIn("admin@contoso.test", "contoso.test");
  const stamp = Date.now();
  const groupName = `GL Group ${stamp}`;
  const anna = await admin.createUser({
    displayName: `GL Anna ${stamp}`,
    email: `gl-anna-${stamp}@contoso.test`,
    usageLocation: "NL",
  });
  const bram = await admin.createUser({
    displayName: `GL Bram ${stamp}`,
    email: `gl-bram-${stamp}@contoso.test`,
    usageLocation: "NL",
  });
  const cas = await admin.createUser({
    displayName: `GL Cas ${stamp}`,
    email: `gl-cas-${stamp}@contoso.test`,
    usageLocation: null,
  });
  const group = await admin.createGroup(groupName, "Group licensing e2e");
  await admin.addMembers(group.id, [anna.id, bram.id, cas.id]);

  await signIn(page, "admin@contoso.test");
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
  await page.goto(`/t/${admin.tenantId}/groups?group=${group.id}`);
  const panel = page.getByRole("dialog", { name: `Group ${groupName}` });
  const licenses = panel.getByRole("region", { name: "Licenses" });
  await expect(licenses.getByText("No licenses are assigned to this group.")).toBeVisible();

  // Assign Power BI Pro to the group in the UI, with the keyboard.
  const assign = licenses.getByRole("button", { name: "Assign licenses" });
  await assign.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: `Assign licenses to ${groupName}` });
  const product = dialog.getByRole("checkbox", { name: "Power BI Pro" });
  await expect(product).not.toBeChecked();
  await product.focus();
  await page.keyboard.press("Space");
  await expect(product).toBeChecked();
  await page.keyboard.press("Tab");
  const plansToggle = dialog.getByRole("button", { name: /Apps and services of Power BI Pro/ });
  await expect(plansToggle).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(plansToggle).toHaveAttribute("aria-expanded", "true");
  await expect(dialog.getByRole("group", { name: /Apps and services of Power BI Pro: 1 of 1 on/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await shot(page, "group-licenses-dialog");
  await dialog.getByRole("button", { name: "Save" }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  // Focus goes back to the button that opened the dialog.
  await expect(assign).toBeFocused();

  const products = licenses.getByRole("table", { name: "Licenses of the group" });
  await expect(products.getByRole("cell", { name: "Power BI Pro", exact: true })).toBeVisible();

  // The members with a location got it; the one without is listed in error with the reason.
  expect(await admin.skusOf(anna.id)).toContain(POWER_BI_PRO);
  expect(await admin.skusOf(bram.id)).toContain(POWER_BI_PRO);
  expect(await admin.skusOf(cas.id)).not.toContain(POWER_BI_PRO);
  const errors = licenses.getByRole("table", { name: "Members in error" });
  const casRow = errors.getByRole("row", { name: new RegExp(`GL Cas ${stamp}`) });
  await expect(casRow).toContainText("Power BI Pro");
  await expect(casRow).toContainText("Set the user's usage location before assigning licenses.");
  await expect(errors.getByRole("row")).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);
  await shot(page, "group-licenses-error", { fullPage: true });

  // Fix the cause, then reprocess in the UI.
  await admin.setUsageLocation(cas.id, "NL");
  await licenses.getByRole("button", { name: "Reprocess" }).click();
  await expect(licenses.getByRole("status")).toContainText("Reprocessed: every member now has the group's licenses.");
  await expect(errors).toBeHidden();
  await expect(licenses.getByText("The group's licenses are in effect for all 3 members.")).toBeVisible();
  expect(await admin.skusOf(cas.id)).toContain(POWER_BI_PRO);
  await shot(page, "group-licenses-reprocessed");

  // Removing the product asks first and warns about the members' data; afterwards the members lose it.
  await licenses.getByRole("button", { name: "Remove Power BI Pro from the group" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Remove this license from the group?" });
  await expect(confirm).toContainText("Data will be deleted");
  await expectNoSeriousA11yViolations(page);
  await confirm.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(licenses.getByText("No licenses are assigned to this group.")).toBeVisible();
  expect(await admin.skusOf(anna.id)).not.toContain(POWER_BI_PRO);
  expect(await admin.skusOf(cas.id)).not.toContain(POWER_BI_PRO);
});
