import type { Page } from "@playwright/test";
import { expect, nav, signIn, test } from "./fixtures";

const PHONE = { width: 390, height: 844 };

/** The page's scrolling area: the frame keeps its top bar and navigation still and scrolls the main content. */
function scrollTopOfMain(page: Page): Promise<number> {
  return page.locator("main").evaluate((main) => main.scrollTop);
}

async function scrollMainToBottom(page: Page): Promise<number> {
  await page.locator("main").evaluate((main) => {
    main.scrollTop = main.scrollHeight;
  });
  // Scroll positions are recorded on the scroll event; let it fire.
  await page.waitForTimeout(200);
  return scrollTopOfMain(page);
}

for (const [name, viewport] of [
  ["desktop", { width: 1280, height: 720 }],
  ["phone", PHONE],
] as const) {
  test.describe(`scroll position (${name})`, () => {
    test.use({ viewport });

    test("a page followed from a scrolled page opens at its top, and Back returns to where Home was", async ({
      page,
    }) => {
      await signIn(page, "admin@contoso.test");
      await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
      const link = page
        .getByRole("region", { name: "Seats per product" })
        .getByRole("link", { name: "Go to Licenses" });
      await expect(link).toBeVisible();
      const homeTop = await scrollMainToBottom(page);
      expect(homeTop, "Home must be long enough to scroll").toBeGreaterThan(100);

      await link.click();
      const title = page.getByRole("heading", { level: 1, name: "Licenses" });
      await expect(title).toBeInViewport();
      expect(await scrollTopOfMain(page)).toBe(0);

      await page.goBack();
      await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeAttached();
      await expect.poll(() => scrollTopOfMain(page)).toBe(homeTop);
    });
  });
}

test.describe("phone navigation", () => {
  test.use({ viewport: PHONE });

  test("the menu opens over the page, closes after a choice and on Escape, and hands focus back", async ({ page }) => {
    await signIn(page, "admin@contoso.test");
    await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
    const main = page.locator("main");
    const menuButton = page.getByRole("button", { name: "Open navigation" });

    // Closed at first: the page has the whole width.
    await expect(nav(page)).toBeHidden();
    await menuButton.click();
    await expect(nav(page)).toBeVisible();
    // Over the page, not beside it: the page keeps its width and focus is inside the menu.
    expect((await main.boundingBox())?.width).toBeGreaterThanOrEqual(PHONE.width - 1);
    await expect(nav(page).getByRole("link", { name: "Home" })).toBeInViewport();
    await expect.poll(() => nav(page).evaluate((element) => element.contains(document.activeElement))).toBe(true);

    // A choice navigates and closes the menu.
    await nav(page).getByRole("link", { name: "Users" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Active users" })).toBeVisible();
    await expect(nav(page)).toBeHidden();
    expect((await main.boundingBox())?.width).toBeGreaterThanOrEqual(PHONE.width - 1);
    // Reading and tabbing go on from the new page, as after any navigation.
    await expect(main).toBeFocused();

    // Escape closes it too, and focus returns to the menu button.
    await menuButton.click();
    await expect(nav(page)).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(nav(page)).toBeHidden();
    await expect(menuButton).toBeFocused();
  });
});
