import { expect, nav, signIn, test } from "./fixtures";

test("a partner helpdesk agent switches between Contoso and Fabrikam", async ({ page, api }) => {
  const contoso = await api.tenant("helpdesk@partner.test", "contoso.test");
  const fabrikam = await api.tenant("helpdesk@partner.test", "fabrikam.test");
  await signIn(page, "helpdesk@partner.test");
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();

  const switcher = page.getByRole("button", { name: /^Switch organization/ });
  await switcher.click();
  await expect(page.getByRole("menuitemradio", { name: /Fabrikam/ })).toBeVisible();
  await page.getByRole("menuitemradio", { name: /Contoso/ }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${contoso.id}$`));
  await expect(page.getByText("Contoso (contoso.test)")).toBeVisible();
  await expect(switcher).toHaveAccessibleName(/Contoso Delegated$/);

  // Helpdesk agents read the directory and reset passwords; they add and delete nobody.
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  const grid = page.getByRole("grid", { name: "Active users" });
  await expect(grid.getByText(/@contoso\.test$/).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Add a user" })).toHaveCount(0);

  // Switching keeps the page when the roles in the other tenant allow it.
  await switcher.click();
  await page.getByRole("menuitemradio", { name: /Fabrikam/ }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${fabrikam.id}/users$`));
  await expect(switcher).toHaveAccessibleName(/Fabrikam Delegated$/);
  await expect(grid.getByText(/@fabrikam\.test$/).first()).toBeVisible();
  await expect(grid.getByText(/@contoso\.test$/)).toHaveCount(0);

  await switcher.click();
  await page.getByRole("menuitemradio", { name: /Contoso/ }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${contoso.id}/users$`));
  await expect(grid.getByText(/@contoso\.test$/).first()).toBeVisible();
});
