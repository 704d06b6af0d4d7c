import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, nav, shot, signInAs, signInInDutch, test } from "./fixtures";

// Power Automate's free trial (seed 004's FAQ), as a maker starts it from Products and pricing: first in Dutch just
// for themself (an individual trial their admins don't see), then in English for the organization (the tenant's
// 10,000 free licenses, one of them theirs). Both show on My licenses with the days left. Serial: the second builds
// on the first (once the maker holds the organization's license, the pricing page offers no sign-up any more).
const PRODUCT = "Microsoft Power Automate Free";
const MAKER = "maker@contoso.test";

function trialCard(page: Page, section: RegExp) {
  return page.getByRole("region", { name: section }).getByRole("region", { name: PRODUCT });
}

test.describe
  .serial("a maker starts the Power Automate trial", () => {
    test("in Dutch, just for themself", async ({ page }) => {
      await page.addInitScript(() => window.localStorage.setItem("allot.language", "nl"));
      await signInInDutch(page, MAKER);
      await expect(nav(page)).toBeVisible();
      await nav(page).getByRole("link", { name: "Producten en prijzen" }).click();
      const card = trialCard(page, /^Licenties voor mensen$/);
      await expect(card.getByText("Gratis", { exact: true })).toBeVisible();
      await card.getByRole("button", { name: "Gratis proefversie starten" }).click();
      const dialog = page.getByRole("alertdialog", { name: `Je gratis proefversie van ${PRODUCT} starten?` });
      await dialog.getByRole("radio", { name: /Alleen voor mij/ }).check();
      await expectNoSeriousA11yViolations(page, { include: '[role="alertdialog"]' });
      await dialog.getByRole("button", { name: "Gratis proefversie starten" }).click();

      await expect(page.getByRole("heading", { level: 1, name: "Mijn licenties" })).toBeVisible();
      const mine = page.getByRole("region", { name: PRODUCT }).filter({ hasText: "Individuele proefversie" });
      await expect(mine.getByText("Proefversie · nog 90 dagen")).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", "nl");
      await expectNoSeriousA11yViolations(page);
      await shot(page, "power-automate-trial-nl-my-licenses");
    });

    test("in English, for the organization", async ({ page }) => {
      await signInAs(page, MAKER);
      await nav(page).getByRole("link", { name: "Products and pricing" }).click();
      const card = trialCard(page, /^Licenses for people$/);
      await expect(card.getByText("Free", { exact: true })).toBeVisible();
      await expect(card.getByRole("button", { name: "Buy now" })).toHaveCount(0);
      await expectNoSeriousA11yViolations(page);
      await card.getByRole("button", { name: "Start free trial" }).click();
      const dialog = page.getByRole("alertdialog", { name: `Start your free trial of ${PRODUCT}?` });
      await expect(dialog.getByRole("radio", { name: /For my organization/ })).toBeChecked();
      await dialog.getByRole("button", { name: "Start free trial" }).click();

      await expect(page.getByRole("heading", { level: 1, name: "My licenses" })).toBeVisible();
      const organization = page.getByRole("region", { name: PRODUCT }).filter({ hasNotText: "Individual trial" });
      await expect(organization.getByText("Trial · 90 days left")).toBeVisible();
      await expect(organization.getByText("Active", { exact: true })).toBeVisible();
      await expect(
        page
          .getByRole("region", { name: PRODUCT })
          .filter({ hasText: "Individual trial" })
          .getByText("Trial · 90 days left"),
      ).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await shot(page, "power-automate-trial-en-my-licenses");

      // Holding it now, the pricing page offers no second sign-up.
      await nav(page).getByRole("link", { name: "Products and pricing" }).click();
      const after = trialCard(page, /^Licenses for people$/);
      await expect(after.getByText("You have this")).toBeVisible();
      await expect(after.getByRole("button", { name: "Start free trial" })).toHaveCount(0);
    });
  });
