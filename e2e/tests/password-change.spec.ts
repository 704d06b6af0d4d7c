import { expectNoSeriousA11yViolations } from "./axe";
import { CONTOSO, expect, nav, PASSWORD, signIn, signInAs, switchUser, TenantApi, test } from "./fixtures";

/**
 * A one-time password must be changed before anything else: an admin resets a password with "Require this user to
 * change their password when they first sign in" (on by default, as in Microsoft 365), the user signs in with it,
 * every page sends them to choose a new one, and after that the portal opens. The same page changes anyone's own
 * password from the account menu.
 */

test("after an admin's reset the user must choose a new password before the portal opens", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const admin = new TenantApi(request);
  await admin.signIn(CONTOSO.admin, CONTOSO.domain);
  const person = await admin.createPerson("PW Reset", { password: PASSWORD });

  await signInAs(page, CONTOSO.admin);
  await page.goto(`/t/${admin.tenantId}/users`);
  await page.getByRole("searchbox", { name: "Search active users" }).fill(person.displayName);
  await page.getByRole("button", { name: `Open details of ${person.displayName}` }).click();
  const panel = page.getByRole("dialog", { name: person.displayName });
  await panel.getByRole("button", { name: "Reset password" }).click();
  const reset = page.getByRole("dialog", { name: `Reset password for ${person.displayName}` });
  const requireChange = reset.getByRole("checkbox", {
    name: "Require this user to change their password when they first sign in",
  });
  await expect(requireChange).toBeChecked();
  await reset.getByRole("button", { name: "Reset password" }).click();
  const done = page.getByRole("dialog", { name: "Password reset" });
  const temporary = await done.getByRole("textbox", { name: "Temporary password" }).inputValue();
  expect(temporary).toMatch(/^\S{12,}$/);
  await done.getByRole("button", { name: "Done" }).click();

  // The user signs in with it and, asking for Licenses, lands on the change-password page instead.
  await page.context().clearCookies();
  await page.goto(`/t/${admin.tenantId}/account/licenses`);
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=/);
  await page.getByLabel("Email address").fill(person.email);
  await page.getByLabel("Password").fill(temporary);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account\/password\?redirectTo=/);
  await expect(page.getByRole("heading", { level: 1, name: "Change your password" })).toBeVisible();
  await expect(page.getByText("You signed in with a one-time password.")).toBeVisible();
  await expect(nav(page)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // Any other page sends them back here.
  await page.goto(`/t/${admin.tenantId}/users`);
  await expect(page).toHaveURL(/\/account\/password/);

  const form = page.getByRole("main");
  await form.getByRole("textbox", { name: "Current password", exact: true }).fill(temporary);
  await form.getByRole("textbox", { name: "New password", exact: true }).fill("My-own-password-1");
  await form.getByRole("textbox", { name: "Confirm new password", exact: true }).fill("My-own-password-2");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("The two new passwords are not the same.")).toBeVisible();

  await form.getByRole("textbox", { name: "Current password", exact: true }).fill("not-the-temporary-one");
  await form.getByRole("textbox", { name: "Confirm new password", exact: true }).fill("My-own-password-1");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("This is not your current password.")).toBeVisible();
  await expect(form.getByRole("textbox", { name: "Current password", exact: true })).toBeFocused();

  await form.getByRole("textbox", { name: "Current password", exact: true }).fill(temporary);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(nav(page)).toBeVisible();

  // The temporary password is gone; the new one works.
  await page.context().clearCookies();
  await signIn(page, person.email, temporary);
  await expect(page.getByRole("alert")).toHaveText("The email address or password is incorrect.");
  await signIn(page, person.email, "My-own-password-1");
  await expect(nav(page)).toBeVisible();
});

test("anyone changes their own password from the account menu, in Dutch too", async ({ page, request }) => {
  const admin = new TenantApi(request);
  await admin.signIn(CONTOSO.admin, CONTOSO.domain);
  const person = await admin.createPerson("PW Own", { password: PASSWORD });

  await switchUser(page, person.email);
  await page.getByRole("button", { name: /^Account manager for / }).click();
  await page.getByRole("menuitem", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change your password" })).toBeVisible();
  await page.getByLabel("Language").selectOption("nl");
  const form = page.getByRole("main");
  await expect(form.getByRole("heading", { level: 1, name: "Wijzig je wachtwoord" })).toBeVisible();
  await form.getByRole("textbox", { name: "Huidig wachtwoord", exact: true }).fill(PASSWORD);
  await form.getByRole("textbox", { name: "Nieuw wachtwoord", exact: true }).fill(PASSWORD);
  await form.getByRole("textbox", { name: "Nieuw wachtwoord bevestigen", exact: true }).fill(PASSWORD);
  await form.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await expect(form.getByText("Kies een ander wachtwoord dan het huidige.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await form.getByRole("textbox", { name: "Nieuw wachtwoord", exact: true }).fill("Eigen-wachtwoord-1");
  await form.getByRole("textbox", { name: "Nieuw wachtwoord bevestigen", exact: true }).fill("Eigen-wachtwoord-1");
  await form.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await expect(nav(page)).toBeVisible();
  // The new password works; the portal stays in Dutch on this device.
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("E-mailadres").fill(person.email);
  await page.getByLabel("Wachtwoord").fill("Eigen-wachtwoord-1");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(nav(page)).toBeVisible();
});
