import { expect, nav, signIn, test } from "./fixtures";

test("a global admin finds a user, opens the details, switches language and signs out", async ({ page, api }) => {
  // Pick a seeded user with a plain name, and a second one the search must hide.
  const contoso = await api.tenant("admin@contoso.test", "contoso.test");
  const users = (await api.users(contoso.id)).filter((user) => /^[A-Za-z]+ [A-Za-z]+$/.test(user.displayName));
  const target = users[7];
  if (!target) throw new Error("the seed has too few users");
  const matching = await api.users(contoso.id, target.displayName);
  const other = users.find((user) => !matching.some((match) => match.id === user.id));
  if (!other) throw new Error("every user matches the search");

  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, "admin@contoso.test");
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();

  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Active users" })).toBeVisible();
  const grid = page.getByRole("grid", { name: "Active users" });
  await expect(grid.getByRole("button", { name: `Open details of ${other.displayName}` })).toBeVisible();

  await page.getByRole("searchbox", { name: "Search active users" }).fill(target.displayName);
  await expect(grid.getByRole("button", { name: `Open details of ${target.displayName}` })).toBeVisible();
  await expect(grid.getByRole("button", { name: `Open details of ${other.displayName}` })).toHaveCount(0);
  await expect(grid.getByRole("row")).toHaveCount(matching.length + 1); // + the header row
  await expect(page.getByRole("status").filter({ hasText: /users? shown/ })).toHaveText(
    `${matching.length} ${matching.length === 1 ? "user" : "users"} shown`,
  );

  await grid.getByRole("button", { name: `Open details of ${target.displayName}` }).click();
  const panel = page.getByRole("dialog", { name: target.displayName });
  await expect(panel).toBeVisible();
  await expect(panel.getByText(target.email).first()).toBeVisible();
  await expect(panel.getByRole("heading", { name: "Profile" })).toBeVisible();
  await expect(panel.getByRole("heading", { name: "Groups" })).toBeVisible();

  // Reset the password: the dialog hands out a temporary one to copy, then Done closes it.
  await panel.getByRole("button", { name: "Reset password" }).click();
  const reset = page.getByRole("dialog", { name: `Reset password for ${target.displayName}` });
  await expect(reset.getByRole("radio", { name: "Automatically create a password" })).toBeChecked();
  await reset.getByRole("button", { name: "Reset password" }).click();
  const resetDone = page.getByRole("dialog", { name: "Password reset" });
  await expect(resetDone.getByRole("textbox", { name: "Temporary password" })).toHaveValue(/\S{8,}/);
  await resetDone.getByRole("button", { name: "Done" }).click();
  await expect(resetDone).toBeHidden();
  await expect(panel).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();

  // Dutch, and back.
  await page.getByRole("button", { name: /^Language: English/ }).click();
  await page.getByRole("menuitemradio", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Actieve gebruikers" })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Gebruikers", exact: true })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Actieve gebruikers zoeken" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await page.getByRole("button", { name: /^Taal: Nederlands/ }).click();
  await page.getByRole("menuitemradio", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Active users" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByRole("button", { name: /^Account manager for / }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page.getByText("You have been signed out.")).toBeVisible();

  // The session is really gone: the app sends the visitor back to sign in.
  await page.goto(`/t/${contoso.id}/users`);
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=/);
});
