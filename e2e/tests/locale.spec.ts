import type { Page } from "@playwright/test";
import { type Api, CONTOSO, expect, signIn, test } from "./fixtures";

/** Opens the audit log in the language chosen in the portal (not the browser's). */
async function openAuditLog(page: Page, api: Api, language: "en" | "nl", heading: string) {
  const contoso = await api.tenant(CONTOSO.admin, CONTOSO.domain);
  await signIn(page, CONTOSO.admin);
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
  await page.evaluate((chosen) => window.localStorage.setItem("allot.language", chosen), language);
  await page.goto(`/t/${contoso.id}/audit`);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

test.describe("an American browser with Dutch chosen in the portal", () => {
  test.use({ locale: "en-US", timezoneId: "Europe/Amsterdam" });

  test("date fields read and show dd-mm-jjjj, and dates in the list are Dutch", async ({ page, api }) => {
    await openAuditLog(page, api, "nl", "Auditlogboek");
    const from = page.getByRole("textbox", { name: "Van" });
    await expect(from).toHaveAttribute("placeholder", "dd-mm-jjjj");
    await from.fill("1-2-2025");
    await from.press("Enter");
    await expect(page).toHaveURL(/[?&]from=2025-02-01(&|$)/);
    await expect(from).toHaveValue("01-02-2025");

    // Not a day: said in Dutch, and the list is not filtered by it.
    const to = page.getByRole("textbox", { name: "Tot en met" });
    await to.fill("31-02-2025");
    await to.press("Tab");
    await expect(page.getByText("Voer een datum in als dd-mm-jjjj.")).toBeVisible();
    await expect(page).not.toHaveURL(/[?&]to=/);

    // Dates in the list are written the Dutch way whatever the browser's locale.
    await page.getByRole("button", { name: "Filters wissen" }).click();
    const firstDate = page.getByRole("table", { name: "Auditlogboek" }).locator("tbody tr td").first();
    const year = String(new Date().getFullYear());
    await expect(firstDate).toContainText(year);
    const text = (await firstDate.textContent()) ?? "";
    expect(text).toMatch(/^\d{1,2} [a-z]{3,4}\.? \d{4}/);
  });
});

test.describe("a Dutch browser with English chosen in the portal", () => {
  test.use({ locale: "nl-NL", timezoneId: "Europe/Amsterdam" });

  test("date fields read and show dd/mm/yyyy", async ({ page, api }) => {
    await openAuditLog(page, api, "en", "Audit log");
    const from = page.getByRole("textbox", { name: "From" });
    await expect(from).toHaveAttribute("placeholder", "dd/mm/yyyy");
    await from.fill("01/02/2025");
    await from.press("Enter");
    await expect(page).toHaveURL(/[?&]from=2025-02-01(&|$)/);
    await expect(from).toHaveValue("01/02/2025");
  });
});
