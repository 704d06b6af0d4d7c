import type { Locator, Page } from "@playwright/test";
import { expect, nav, selectTab, signIn, TenantApi, test } from "./fixtures";

const PHONE = { width: 390, height: 844 };

/** The page's scrolling area: the frame keeps its top bar and navigation still and scrolls the main content. */
function scrollTopOfMain(page: Page): Promise<number> {
  return page.locator("main").evaluate((main) => main.scrollTop);
}

/** How far `main` can scroll now: a page that is still filling in (or has lost a banner) is shorter. */
function maxScrollOfMain(page: Page): Promise<number> {
  return page.locator("main").evaluate((main) => main.scrollHeight - main.clientHeight);
}

/**
 * Records where `main` stands until the page is left. That, not where the test last scrolled it, is what Back owes:
 * if Home gets shorter while it is shown (a list refetched, a notice gone), the browser itself moves the position up.
 */
async function trackPositionUntilLeft(page: Page): Promise<() => Promise<number>> {
  await page.locator("main").evaluate((main) => {
    const page = window as unknown as { positionWhenLeft?: number };
    const path = window.location.pathname;
    let left = false;
    page.positionWhenLeft = main.scrollTop;
    main.addEventListener("scroll", () => {
      left ||= window.location.pathname !== path;
      if (!left) page.positionWhenLeft = main.scrollTop;
    });
  });
  return () => page.evaluate(() => (window as unknown as { positionWhenLeft: number }).positionWhenLeft);
}

async function scrollMainToBottom(page: Page): Promise<number> {
  // Let the page finish filling in first: its height holds still for a moment.
  await expect
    .poll(async () => {
      const before = await maxScrollOfMain(page);
      await page.waitForTimeout(300);
      return (await maxScrollOfMain(page)) === before;
    })
    .toBe(true);
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
      const positionWhenLeft = await trackPositionUntilLeft(page);

      await link.click();
      const title = page.getByRole("heading", { level: 1, name: "Licenses" });
      await expect(title).toBeInViewport();
      expect(await scrollTopOfMain(page)).toBe(0);
      const owed = await positionWhenLeft();
      expect(owed, "Home was left scrolled").toBeGreaterThan(100);

      await page.goBack();
      await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeAttached();
      // Where Home was left; if Home is shorter now than then, as far down as it goes.
      await expect
        .poll(async () => (await scrollTopOfMain(page)) - Math.min(owed, await maxScrollOfMain(page)))
        .toBe(0);
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

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The boxes of the last cell of every row of the grid (its header included) that is on screen. */
async function lastColumnBoxes(grid: Locator): Promise<Box[]> {
  return grid.evaluate((element) =>
    Array.from(element.querySelectorAll("[role=row]"))
      .map((row) =>
        Array.from(row.querySelectorAll("[role=gridcell], [role=columnheader], [role=rowheader]"))
          .at(-1)
          ?.getBoundingClientRect(),
      )
      .filter((box): box is DOMRect => box !== undefined && box.bottom > 0 && box.top < window.innerHeight)
      .map((box) => ({ x: box.x, y: box.y, width: box.width, height: box.height })),
  );
}

for (const [name, viewport] of [
  ["desktop", { width: 1280, height: 720 }],
  ["phone", PHONE],
] as const) {
  test.describe(`toasts (${name})`, () => {
    test.use({ viewport });

    test("a confirmation covers neither a panel's buttons nor the last column of a list", async ({ page, request }) => {
      const admin = new TenantApi(request);
      await admin.signIn("admin@contoso.test", "contoso.test");
      const user = await admin.createPerson("SH Toast");

      await signIn(page, "admin@contoso.test");
      await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
      // The whole list behind the panel, so that its rows reach the bottom of the screen.
      await page.goto(`/t/${admin.tenantId}/users?user=${user.id}`);
      const panel = page.getByRole("dialog", { name: user.displayName });
      await selectTab(panel.getByRole("tab", { name: "Licenses and apps" }));
      await panel.getByRole("checkbox", { name: "Power BI Pro", exact: true }).check();
      const save = panel.getByRole("button", { name: "Save changes" });
      await save.click();

      const toast = page.locator(".fui-Toast").filter({ hasText: `Licenses of ${user.displayName} were updated` });
      await expect(toast).toBeVisible();
      const toastBox = await toast.boundingBox();
      if (!toastBox) throw new Error("the confirmation has no box");
      // The panel's footer: Save stays there (disabled until the next change).
      const saveBox = await save.boundingBox();
      if (!saveBox) throw new Error("Save has no box");
      expect(overlaps(toastBox, saveBox), "the confirmation covers Save changes").toBe(false);
      await expect(save).toBeInViewport();

      await page.keyboard.press("Escape");
      await expect(panel).toBeHidden();
      await expect(toast).toBeVisible();
      const grid = page.getByRole("grid", { name: "Active users" });
      const cells = await lastColumnBoxes(grid);
      expect(cells.length).toBeGreaterThan(3);
      const shownToast = await toast.boundingBox();
      if (!shownToast) throw new Error("the confirmation has no box");
      for (const cell of cells) expect(overlaps(shownToast, cell), JSON.stringify(cell)).toBe(false);
    });
  });
}

test("Dutch names each place once, as Microsoft's Dutch admin center does", async ({ page, api }) => {
  const contoso = await api.tenant("admin@contoso.test", "contoso.test");
  await signIn(page, "admin@contoso.test");
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
  await page.evaluate(() => window.localStorage.setItem("allot.language", "nl"));
  await page.goto(`/t/${contoso.id}`);
  // Home is "Start" in the menu.
  await expect(nav(page).getByRole("link", { name: "Start", exact: true })).toHaveAttribute("aria-current", "page");

  // The way to reclaim licenses has one name: on Home, on its own page and on Licenses.
  await page.getByRole("link", { name: "Ongebruikte licenties terugvorderen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Licenties terugvorderen" })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(/terugwinnen|getoond/i);
  await nav(page).getByRole("link", { name: "Licenties", exact: true }).click();
  await expect(page.getByRole("main").getByRole("button", { name: "Licenties terugvorderen" })).toBeVisible();
});
