import { expect, PASSWORD, test } from "./fixtures";

test("a wrong password shows an error and keeps the visitor on the sign-in page", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill("service@fabrikam.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("The email address or password is incorrect.");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel("Password")).toBeFocused();
});

test("empty fields are explained before anything is sent", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter an email address, like name@example.com.")).toBeVisible();
  await expect(page.getByText("Enter a value.")).toBeVisible();
});

test("after signing in the visitor lands where they were going", async ({ page, api }) => {
  const contoso = await api.tenant("admin@contoso.test", "contoso.test");
  await page.goto(`/t/${contoso.id}/groups`);
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=/);
  await page.getByLabel("Email address").fill("admin@contoso.test");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Password").press("Enter");
  await expect(page).toHaveURL(new RegExp(`/t/${contoso.id}/groups$`));
  await expect(page.getByRole("heading", { level: 1, name: "Groups" })).toBeVisible();
});

test("repeated wrong passwords lock the account, and the page says so", async ({ page }) => {
  // The API locks an account at the 5th failed sign-in from one address (LOCKOUT_THRESHOLD); this account is used by
  // no other test.
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill("service@contoso.test");
  for (let attempt = 1; attempt <= 4; attempt++) {
    await page.getByLabel("Password").fill(`wrong-password-${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText("The email address or password is incorrect.");
  }
  await page.getByLabel("Password").fill("wrong-password-5");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText(/^Your account is locked after too many failed sign-in attempts\./);
  // The right password does not get past the lock either.
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText(/^Your account is locked after too many failed sign-in attempts\./);
  await expect(page).toHaveURL(/\/sign-in$/);
});
