import type { Page } from "@playwright/test";
import { expectKeyboardDialog, expectNoSeriousA11yViolations } from "./axe";
import { CONTOSO, expect, nav, selectTab, shot, signInAs, tallShot, test } from "./fixtures";

/** The confirmation shown (and announced) once an operation went through. */
function toast(page: Page, text: string | RegExp) {
  return page.locator(".fui-Toast").filter({ hasText: text });
}

// My account › Personal access tokens: a license admin makes a token that reads the directory, a script uses it
// (no session, no CSRF header) to list users but not to add one, and once revoked in the UI it no longer works.
test("a license admin creates a directory.read token, a script uses it, and revoking it ends it", async ({
  page,
  api,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const contoso = await api.tenant(CONTOSO.licenseAdmin, CONTOSO.domain);
  const script = await playwright.request.newContext({ baseURL });
  const name = `E2E directory reader ${Date.now()}`;

  await signInAs(page, CONTOSO.licenseAdmin);
  await test.step("reached from the account menu and from My account's pages", async () => {
    await page.getByRole("button", { name: /^Account manager for / }).click();
    await page.getByRole("menuitem", { name: "Personal access tokens" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Personal access tokens" })).toBeVisible();
    await nav(page).getByRole("link", { name: "My account", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "My licenses" })).toBeVisible();
    const pages = page.getByRole("navigation", { name: "My account" });
    await selectTab(pages.getByRole("tab", { name: "Personal access tokens" }));
    await expect(page.getByRole("heading", { level: 1, name: "Personal access tokens" })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/t/${contoso.id}/account/tokens$`));
    await expect(page.getByRole("textbox", { name: "API of this organization" })).toHaveValue(
      `${baseURL}/api/tenants/${contoso.id}`,
    );
    await expectNoSeriousA11yViolations(page);
  });

  const newToken = page.getByRole("button", { name: "New token" }).first();
  const dialog = page.getByRole("dialog", { name: "New personal access token" });
  await test.step("only rights the license admin holds are offered", async () => {
    await newToken.click();
    const rights = dialog.getByRole("group", { name: "Rights" });
    await expect(rights.getByRole("checkbox", { name: "Read users, groups and licenses" })).toBeVisible();
    await expect(rights.getByRole("checkbox", { name: "Assign and remove licenses" })).toBeVisible();
    await expect(rights.getByRole("checkbox", { name: "Add, edit and delete users" })).toHaveCount(0);
    await expect(rights.getByRole("checkbox", { name: "Register apps" })).toHaveCount(0);
    await expect(rights.getByRole("checkbox")).toHaveCount(5);
    await expect(dialog.getByRole("radio", { name: "In 30 days" })).toBeChecked();
    await expectKeyboardDialog(page, dialog, newToken);
  });

  const token = await test.step("the token is made with directory.read and shown once", async () => {
    await newToken.click();
    await dialog.getByRole("textbox", { name: /^Name/ }).fill(name);
    await dialog.getByRole("button", { name: "Create token" }).click();
    await expect(dialog.getByText("Choose at least one right.")).toBeVisible();
    const read = dialog.getByRole("checkbox", { name: "Read users, groups and licenses" });
    await expect(read).toHaveAccessibleDescription("directory.read");
    await read.check();
    await shot(page, "personal-tokens-new");
    await dialog.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByRole("dialog", { name: "Token created" });
    await expect(shown.getByText("Copy your token now")).toBeVisible();
    const text = await shown.getByRole("textbox", { name: "Personal access token" }).inputValue();
    expect(text).toMatch(/^allot_pat_/);
    await expect(shown.getByRole("button", { name: "Copy the token" })).toBeVisible();
    await shot(page, "personal-tokens-shown-once");
    await expectNoSeriousA11yViolations(page, { include: "[role='dialog']" });
    await shown.getByRole("button", { name: "Done" }).click();
    await expect(shown).toBeHidden();
    return text;
  });

  const row = page.getByRole("table", { name: "Your personal access tokens" }).getByRole("row").filter({
    hasText: name,
  });
  await test.step("the list shows the token's rights, never its text", async () => {
    await expect(row).toContainText("Read users, groups and licenses");
    await expect(row).toContainText(`Starts with ${token.slice(0, 14)}…`);
    await expect(row).toContainText("Never");
    await expect(row).not.toContainText(token);
  });

  const bearer = { Authorization: `Bearer ${token}` };
  await test.step("a script lists users with it, without a CSRF header, and cannot add one", async () => {
    const list = await script.get(`/api/tenants/${contoso.id}/users`, { headers: bearer });
    expect(list.status(), await list.text()).toBe(200);
    const add = await script.post(`/api/tenants/${contoso.id}/users`, {
      headers: bearer,
      data: { displayName: "Not allowed", email: `pat-${Date.now()}@${CONTOSO.domain}`, usageLocation: "NL" },
    });
    expect(add.status(), await add.text()).toBe(403);
  });

  await test.step("revoked after a confirmation, the token no longer works", async () => {
    await page.reload();
    await expect(row).not.toContainText("Never");
    await tallShot(page, "personal-tokens-list");
    await expectNoSeriousA11yViolations(page);
    const revoke = row.getByRole("button", { name: `Revoke the token ${name}` });
    await revoke.click();
    const question = page.getByRole("alertdialog", { name: `Revoke the token ${name}?` });
    await expect(question).toContainText("Scripts that use it stop working at once");
    await expectKeyboardDialog(page, question, revoke);
    await revoke.click();
    await question.getByRole("button", { name: "Revoke token" }).click();
    await expect(question).toBeHidden();
    await expect(toast(page, `Token ${name} revoked.`)).toBeVisible();
    await expect(row).toHaveCount(0);
    const after = await script.get(`/api/tenants/${contoso.id}/users`, { headers: bearer });
    expect(after.status()).toBe(401);
  });
  await script.dispose();
});
