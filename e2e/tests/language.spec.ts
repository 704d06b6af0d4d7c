import { expect, test } from "@playwright/test";

// The portal speaks Dutch by default to a browser that prefers Dutch, and English otherwise.
test.describe("default language", () => {
  test.use({ locale: "nl-NL" });

  test("a browser preferring Dutch gets the Dutch sign-in page", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Aanmelden" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  });
});

test("a browser preferring English gets the English sign-in page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
