import { expectNoSeriousA11yViolations } from "./axe";
import { expect, nav, signInAs, test } from "./fixtures";

test("the partner's global admin adds a staff member, gives them helpdesk agent for Fabrikam, and sees it in Activity", async ({
  page,
}) => {
  // Unique per run: the database outlives a run.
  const stamp = Date.now().toString(36);
  const name = `Noor ${stamp}`;
  const email = `noor-${stamp}@partner.test`;
  await signInAs(page, "admin@partner.test");
  await nav(page).getByRole("link", { name: "Partner staff", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partner staff" })).toBeVisible();

  await test.step("Add staff: a temporary password is shown once", async () => {
    await page.getByRole("button", { name: "Add staff" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a staff member" });
    await dialog.getByRole("textbox", { name: "Display name" }).fill(name);
    await dialog.getByRole("textbox", { name: "Email" }).fill(email);
    await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' });
    await dialog.getByRole("button", { name: "Add", exact: true }).click();
    const added = page.getByRole("dialog", { name: "Staff member added" });
    await expect(added.getByRole("textbox", { name: "Temporary password" })).not.toHaveValue("");
    await added.getByRole("button", { name: "Done" }).click();
  });

  const table = page.getByRole("table", { name: "Partner staff" });
  const row = table.getByRole("row").filter({ hasText: email });
  await test.step("Customer access: helpdesk agent for Fabrikam", async () => {
    await page.getByRole("searchbox", { name: "Search staff" }).fill(stamp);
    await expect(row).toContainText("No customers");
    await row.getByRole("button", { name: `Customer access of ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Customer access of ${name}` });
    await dialog.getByRole("combobox", { name: "Customer" }).selectOption({ label: "Fabrikam" });
    await dialog.getByRole("checkbox", { name: "Helpdesk agent" }).check();
    await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' });
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText("Fabrikam: Helpdesk agent");
    await expectNoSeriousA11yViolations(page);
  });

  await test.step("Activity shows who gave whom which roles where", async () => {
    await nav(page).getByRole("link", { name: "Activity", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
    const grant = page
      .getByRole("table", { name: "Activity" })
      .getByRole("row")
      .filter({ hasText: name })
      .filter({ hasText: "Now: Helpdesk agent in Fabrikam" });
    await expect(grant).toBeVisible();
    await expect(grant).toContainText("Partner staff customer access changed");
    await expectNoSeriousA11yViolations(page);
  });

  await test.step("both pages in Dutch", async () => {
    await page.evaluate(() => window.localStorage.setItem("allot.language", "nl"));
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Activiteit" })).toBeVisible();
    await expect(
      page
        .getByRole("table", { name: "Activiteit" })
        .getByRole("row")
        .filter({ hasText: "Nu: Helpdeskagent bij Fabrikam" }),
    ).not.toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await nav(page).getByRole("link", { name: "Partnermedewerkers", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Partnermedewerkers" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Partnermedewerkers" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
