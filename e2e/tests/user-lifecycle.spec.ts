import { expect, nav, signIn, test } from "./fixtures";

test("an admin adds a user, deletes it and restores it", async ({ page }) => {
  const name = `E2E Person ${Date.now()}`;
  const email = `e2e.${Date.now()}@contoso.test`;
  await signIn(page, "admin@contoso.test");
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();

  await page.getByRole("button", { name: "Add a user" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a user" });
  await dialog.getByRole("button", { name: "Add user" }).click();
  await expect(dialog.getByText("Enter a value.")).toBeVisible();
  await dialog.getByLabel("Display name").fill(name);
  await dialog.getByLabel("Username (email address)").fill(email);
  await dialog.getByLabel("Usage location").selectOption("NL");
  await dialog.getByRole("button", { name: "Add user" }).click();
  const created = page.getByRole("dialog", { name: "User added" });
  await expect(created.getByLabel("Temporary password")).not.toHaveValue("");
  await created.getByRole("button", { name: "Done" }).click();

  await page.getByRole("searchbox", { name: "Search active users" }).fill(name);
  const grid = page.getByRole("grid", { name: "Active users" });
  await expect(grid.getByRole("button", { name: `Open details of ${name}` })).toBeVisible();
  await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  await expect(page.getByText("1 selected")).toBeVisible();
  await page.getByRole("button", { name: "Delete 1 user" }).click();
  const confirm = page.getByRole("alertdialog", { name: `Delete ${name}?` });
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(grid.getByRole("button", { name: `Open details of ${name}` })).toHaveCount(0);

  await page.getByRole("tab", { name: "Deleted users" }).click();
  const deleted = page.getByRole("grid", { name: "Deleted users" });
  await deleted.getByRole("button", { name: `Restore ${name}` }).click();
  await expect(deleted.getByRole("button", { name: `Open details of ${name}` })).toHaveCount(0);
  await page.getByRole("tab", { name: "Active users" }).click();
  await expect(grid.getByRole("button", { name: `Open details of ${name}` })).toBeVisible();
});
