import { expect, nav, signIn, test } from "./fixtures";

test("a license admin sees users but cannot add or delete them", async ({ page }) => {
  await signIn(page, "licenses@contoso.test");
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Users", exact: true })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: /^Requests(, \d+ pending)?$/ })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Billing", exact: true })).toHaveCount(0);
  await expect(nav(page).getByRole("link", { name: "Audit log", exact: true })).toHaveCount(0);

  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  const grid = page.getByRole("grid", { name: "Active users" });
  await expect(grid.getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByRole("button", { name: "Add a user" })).toHaveCount(0);
  // A license admin selects users to manage their licenses, but gets no command to delete them.
  await grid
    .getByRole("checkbox", { name: /^Select / })
    .nth(1)
    .check();
  await expect(page.getByText("1 selected", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Manage product licenses" })).toBeEnabled();
  await expect(page.getByRole("button", { name: /^Delete/ })).toHaveCount(0);

  await grid
    .getByRole("button", { name: /^Open details of / })
    .first()
    .click();
  const panel = page.getByRole("dialog");
  await expect(panel.getByRole("heading", { name: "Profile" })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Delete user" })).toHaveCount(0);
  await expect(panel.getByRole("button", { name: "Edit profile" })).toHaveCount(0);
  await expect(panel.getByRole("button", { name: "Reset password" })).toHaveCount(0);
});

test("a member without an admin role sees neither users nor groups", async ({ page, api }) => {
  const contoso = await api.tenant("maker@contoso.test", "contoso.test");
  await signIn(page, "maker@contoso.test");
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Home", exact: true })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Settings", exact: true })).toBeVisible();
  for (const hidden of ["Users", "Groups", "Licenses", "Billing", "Requests", "Audit log"]) {
    await expect(nav(page).getByRole("link", { name: hidden, exact: true })).toHaveCount(0);
  }
  await page.goto(`/t/${contoso.id}/users`);
  await expect(page.getByRole("heading", { level: 1, name: "You don't have access to this page" })).toBeVisible();
});
