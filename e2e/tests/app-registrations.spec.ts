import type { APIRequestContext, Page } from "@playwright/test";
import { expectKeyboardDialog, expectNoSeriousA11yViolations } from "./axe";
import { CONTOSO, expect, nav, shot, signInAs, signInInDutch, tallShot, test } from "./fixtures";

const SCOPE = "api://allot/.default";

/** The confirmation shown (and announced) once an operation went through. */
function toast(page: Page, text: string | RegExp) {
  return page.locator(".fui-Toast").filter({ hasText: text });
}

/** Asks the token endpoint for an app's access token, as a script would (form-encoded client credentials). */
function requestToken(request: APIRequestContext, clientId: string, clientSecret: string) {
  return request.post("/oauth2/v2.0/token", {
    form: { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret, scope: SCOPE },
  });
}

async function openSettings(page: Page): Promise<void> {
  await nav(page).getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "App registrations" })).toBeVisible();
}

// Settings › App registrations: Contoso's global admin registers an app for a script, gives it a client secret
// (shown once), and the script gets a token with it; disabled, the app gets none; then it is deleted.
test("a global admin registers an app, adds a secret a script signs in with, disables and deletes it", async ({
  page,
  api,
  playwright,
  baseURL,
}) => {
  // Three dialogs walked through by keyboard and several axe runs: slow on a loaded CI machine.
  test.setTimeout(180_000);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const contoso = await api.tenant(CONTOSO.admin, CONTOSO.domain);
  // The script's own HTTP client: no session cookie, no CSRF token.
  const script = await playwright.request.newContext({ baseURL });
  const name = `E2E Payroll sync ${Date.now()}`;

  await signInAs(page, CONTOSO.admin);
  await openSettings(page);

  await test.step("the section shows what a script needs: token endpoint, scope and tenant id", async () => {
    await expect(page.getByRole("textbox", { name: "Token endpoint" })).toHaveValue(`${baseURL}/oauth2/v2.0/token`);
    await expect(page.getByRole("textbox", { name: "Scope" })).toHaveValue(SCOPE);
    await expect(page.getByRole("textbox", { name: "Directory (tenant) ID" })).toHaveValue(contoso.id);
    await page.getByRole("button", { name: "Copy the scope" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(SCOPE);
    await expectNoSeriousA11yViolations(page);
  });

  const register = page.getByRole("button", { name: "Register an app" });
  const registerDialog = page.getByRole("dialog", { name: "Register an app" });
  await test.step("Register an app: keyboard, axe, validation, two permissions", async () => {
    await register.click();
    await expectKeyboardDialog(page, registerDialog, register);
    await register.click();
    await registerDialog.getByRole("button", { name: "Register" }).click();
    await expect(registerDialog.getByText("Enter a value.")).toBeVisible();
    await expect(registerDialog.getByRole("textbox", { name: /^Name/ })).toHaveAttribute("aria-invalid", "true");
    await registerDialog.getByRole("textbox", { name: /^Name/ }).fill(name);
    const userRead = registerDialog.getByRole("checkbox", { name: "User.Read.All" });
    await expect(userRead).toHaveAccessibleDescription("Read users, groups and their licenses.");
    await userRead.check();
    await registerDialog.getByRole("checkbox", { name: "LicenseAssignment.ReadWrite.All" }).check();
    await shot(page, "app-registrations-register");
    await registerDialog.getByRole("button", { name: "Register" }).click();
    await expect(registerDialog).toBeHidden();
    await expect(toast(page, `${name} registered.`)).toBeVisible();
  });

  // The new app's details open by themselves.
  const pane = page.getByRole("dialog", { name });
  const appId = await test.step("the app's details open, with its client id and permissions", async () => {
    await expect(pane).toBeVisible();
    const id = await pane.getByRole("textbox", { name: "Application (client) ID" }).inputValue();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await expect(pane.getByRole("checkbox", { name: "User.Read.All" })).toBeChecked();
    await expect(pane.getByRole("checkbox", { name: "LicenseAssignment.ReadWrite.All" })).toBeChecked();
    await expect(pane.getByRole("checkbox", { name: "User.ReadWrite.All" })).not.toBeChecked();
    await expect(pane.getByRole("switch", { name: "App enabled" })).toBeChecked();
    await expect(pane.getByText("No client secrets yet")).toBeVisible();
    await expectNoSeriousA11yViolations(page, { include: "[role='dialog']" });
    return id;
  });

  const secretText = await test.step("New client secret: shown once, copied, with a warning", async () => {
    const add = pane.getByRole("button", { name: "New client secret" });
    const dialog = page.getByRole("dialog", { name: "Add a client secret" });
    await add.click();
    await expect(dialog.getByRole("radio", { name: "In 180 days (recommended)" })).toBeChecked();
    await expectKeyboardDialog(page, dialog, add);
    await add.click();
    await dialog.getByRole("textbox", { name: /^Description/ }).fill("E2E runner");
    await dialog.getByRole("button", { name: "Add", exact: true }).click();
    const shown = page.getByRole("dialog", { name: "Client secret added" });
    await expect(shown.getByText("Copy the secret value now")).toBeVisible();
    await expect(shown.getByText(/shown only this once/)).toBeVisible();
    const field = shown.getByRole("textbox", { name: "Secret value" });
    await expect(field).toHaveAttribute("readonly", "");
    const text = await field.inputValue();
    expect(text.length).toBeGreaterThan(20);
    await shown.getByRole("button", { name: "Copy the secret value" }).click();
    await expect(shown.getByText("Copied to the clipboard")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await shot(page, "app-registrations-secret-shown-once");
    await expectNoSeriousA11yViolations(page, { include: "[role='dialog']" });
    await shown.getByRole("button", { name: "Done" }).click();
    await expect(shown).toBeHidden();
    const secrets = pane.getByRole("table", { name: `Client secrets of ${name}` });
    const row = secrets.getByRole("row").filter({ hasText: "E2E runner" });
    await expect(row).toContainText(`${text.slice(0, 3)}…`);
    await expect(row).toContainText("Never");
    return text;
  });

  await test.step("a script exchanges the secret for an access token", async () => {
    const response = await requestToken(script, appId, secretText);
    expect(response.status(), await response.text()).toBe(200);
    const body = (await response.json()) as { token_type: string; access_token: string; expires_in: number };
    expect(body.token_type).toBe("Bearer");
    expect(body.access_token.split(".")).toHaveLength(3);
    expect(body.expires_in).toBeGreaterThan(0);
    // The token reads the organization's users through the Graph-compatible API (User.Read.All).
    const users = await script.get("/graph/v1.0/users?$top=5&$select=displayName,userPrincipalName", {
      headers: { authorization: `Bearer ${body.access_token}` },
    });
    expect(users.status(), await users.text()).toBe(200);
    const page1 = (await users.json()) as { value: Array<{ userPrincipalName: string }>; "@odata.nextLink"?: string };
    expect(page1.value).toHaveLength(5);
    expect(page1.value.every((user) => user.userPrincipalName.includes("@"))).toBe(true);
    expect(page1["@odata.nextLink"]).toContain("$skiptoken=");
    await tallShot(page, "app-registrations-details");
  });

  await test.step("disabled in the UI, the app gets no token", async () => {
    await pane.getByRole("switch", { name: "App enabled" }).click();
    await expect(toast(page, `${name} disabled.`)).toBeVisible();
    await expect(pane.getByRole("switch", { name: "App enabled" })).not.toBeChecked();
    const response = await requestToken(script, appId, secretText);
    expect(response.status()).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe("invalid_client");
  });

  await test.step("the list shows the app disabled, its client id and permissions", async () => {
    await pane.getByRole("button", { name: "Close" }).click();
    await expect(pane).toBeHidden();
    const row = page.getByRole("table", { name: "Registered apps" }).getByRole("row").filter({ hasText: name });
    await expect(row).toContainText(appId);
    await expect(row).toContainText("Disabled");
    const permissions = row.getByRole("list", { name: `API permissions of ${name}` });
    await expect(permissions.getByRole("listitem")).toHaveText(["User.Read.All", "LicenseAssignment.ReadWrite.All"]);
    // Each permission explains itself on demand.
    await permissions.getByRole("button", { name: "User.Read.All explanation" }).click();
    await expect(page.getByRole("note")).toHaveText("Read users, groups and their licenses.");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("note")).toHaveCount(0);
    await row.getByRole("button", { name: `Copy the client ID of ${name}` }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(appId);
    await tallShot(page, "app-registrations-list");
    await expectNoSeriousA11yViolations(page);
    await row.getByRole("button", { name: `Open details of ${name}` }).click();
    await expect(pane).toBeVisible();
  });

  await test.step("deleted after a warning that scripts using it stop at once", async () => {
    const remove = pane.getByRole("button", { name: "Delete app" });
    await remove.click();
    const question = page.getByRole("alertdialog", { name: `Delete ${name}?` });
    await expect(question).toContainText("Scripts that use it stop working at once");
    await expectKeyboardDialog(page, question, remove);
    await remove.click();
    await question.getByRole("button", { name: "Delete app" }).click();
    await expect(question).toBeHidden();
    await expect(pane).toBeHidden();
    await expect(toast(page, `${name} deleted.`)).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
    expect((await requestToken(script, appId, secretText)).status()).toBe(401);
  });
  await script.dispose();
});

test("a license admin sees no app registrations, and the API refuses them the list", async ({ page, api, request }) => {
  const contoso = await api.tenant(CONTOSO.licenseAdmin, CONTOSO.domain);
  expect((await request.get(`/api/tenants/${contoso.id}/applications`)).status()).toBe(403);
  await signInAs(page, CONTOSO.licenseAdmin);
  await nav(page).getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Display language" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "App registrations" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Register an app" })).toHaveCount(0);
});

test.describe("in Dutch", () => {
  test("App registrations speaks Dutch, its register dialog too", async ({ page, api }) => {
    // Runs after the fixture's own script, so this choice wins on every load.
    await page.addInitScript(() => window.localStorage.setItem("allot.language", "nl"));
    const contoso = await api.tenant(CONTOSO.admin, CONTOSO.domain);
    await signInInDutch(page, CONTOSO.admin);
    await expect(nav(page)).toBeVisible();
    await page.goto(`/t/${contoso.id}/settings`);
    await expect(page.getByRole("heading", { level: 2, name: "App-registraties" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: "Een script verbinden" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Tokeneindpunt" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Bereik" })).toHaveValue(SCOPE);
    await expect(page.getByRole("textbox", { name: "Map-id (tenant)" })).toHaveValue(contoso.id);
    await expectNoSeriousA11yViolations(page);

    const register = page.getByRole("button", { name: "Een app registreren" }).first();
    await register.click();
    const dialog = page.getByRole("dialog", { name: "Een app registreren" });
    await expect(dialog.getByRole("textbox", { name: /^Naam/ })).toBeVisible();
    await expect(dialog.getByRole("group", { name: "API-machtigingen" })).toBeVisible();
    await expect(dialog.getByRole("checkbox", { name: "Organization.Read.All" })).toHaveAccessibleDescription(
      "De abonnementen van de organisatie en hun licenties lezen.",
    );
    await dialog.getByRole("button", { name: "Registreren" }).click();
    await expect(dialog.getByText("Vul een waarde in.")).toBeVisible();
    await shot(page, "app-registrations-register-nl");
    await expectKeyboardDialog(page, dialog, register);
  });
});
