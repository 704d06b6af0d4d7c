import type { Group } from "@allot/contracts";
import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, nav, shot, signIn, signInInDutch, test } from "./fixtures";

/** Power BI Pro's skuId: its product page is one of the pages checked. */
const POWER_BI_PRO = "f8a1db68-be16-40ed-86d5-cb42ce701560";

interface Visit {
  name: string;
  path: (tenantId: string, groupId: string) => string;
  /** Wait for more than the page heading (a drawer's content). */
  ready?: (page: Page) => Promise<void>;
}

const PAGES: Visit[] = [
  { name: "home", path: (t) => `/t/${t}` },
  { name: "active-users", path: (t) => `/t/${t}/users` },
  { name: "guest-users", path: (t) => `/t/${t}/users?view=guests` },
  { name: "deleted-users", path: (t) => `/t/${t}/users?view=deleted` },
  { name: "groups", path: (t) => `/t/${t}/groups` },
  {
    name: "group-drawer",
    path: (t, g) => `/t/${t}/groups?group=${g}`,
    ready: async (page) => {
      const drawer = page.getByRole("dialog");
      await expect(drawer.getByRole("heading", { level: 2 })).toBeVisible();
      await expect(drawer.locator(".fui-Spinner")).toHaveCount(0, { timeout: 15_000 });
    },
  },
  { name: "licenses", path: (t) => `/t/${t}/licenses` },
  { name: "product", path: (t) => `/t/${t}/licenses/${POWER_BI_PRO}` },
  { name: "conflicts", path: (t) => `/t/${t}/licenses/conflicts` },
  { name: "reclaim", path: (t) => `/t/${t}/licenses/reclaim` },
  { name: "billing", path: (t) => `/t/${t}/billing` },
  { name: "billing-orders", path: (t) => `/t/${t}/billing?tab=orders` },
  { name: "billing-invoices", path: (t) => `/t/${t}/billing?tab=invoices` },
  { name: "billing-self-service", path: (t) => `/t/${t}/billing?tab=selfService` },
  { name: "requests", path: (t) => `/t/${t}/requests` },
  { name: "pricing", path: (t) => `/t/${t}/pricing` },
  { name: "my-licenses", path: (t) => `/t/${t}/account/licenses` },
  { name: "audit", path: (t) => `/t/${t}/audit` },
  { name: "settings", path: (t) => `/t/${t}/settings` },
];

/**
 * The page has its heading and has finished loading what it shows first (no spinner left in the main area).
 * Found by element, not by role: once a modal drawer opens, the page behind it is aria-hidden and has no roles.
 */
async function settle(page: Page): Promise<void> {
  const main = page.locator("main");
  await expect(main.locator("h1")).toBeVisible({ timeout: 20_000 });
  await expect(main.locator(".fui-Spinner")).toHaveCount(0, { timeout: 15_000 });
}

for (const language of ["en", "nl"] as const) {
  test(`every page passes axe (serious and critical) in ${language === "en" ? "English" : "Dutch"}`, async ({
    page,
    api,
    request,
  }) => {
    test.setTimeout(240_000);
    if (language === "nl") {
      // Runs after the fixture's own script, so this choice wins on every load.
      await page.addInitScript(() => window.localStorage.setItem("allot.language", "nl"));
    }

    await test.step("sign-in page", async () => {
      await page.goto("/sign-in");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", language);
      await expectNoSeriousA11yViolations(page, { soft: true });
      await shot(page, `a11y-${language}-sign-in`);
    });

    const contoso = await api.tenant("admin@contoso.test", "contoso.test");
    // A seeded group that hands out licenses, so the drawer shows its Licenses section filled in.
    const groups = await request.get(`/api/tenants/${contoso.id}/groups?limit=50`);
    expect(groups.status()).toBe(200);
    const items = ((await groups.json()) as { items: Group[] }).items;
    const groupId = (items.find((group) => group.displayName === "Power BI users") ?? items[0])?.id;
    if (!groupId) throw new Error("no group seeded in Contoso");

    if (language === "nl") {
      await signInInDutch(page, "admin@contoso.test");
    } else {
      await signIn(page, "admin@contoso.test");
    }
    await expect(nav(page)).toBeVisible();

    for (const visit of PAGES) {
      await test.step(visit.name, async () => {
        await page.goto(visit.path(contoso.id, groupId));
        await settle(page);
        if (visit.ready) await visit.ready(page);
        await expect(page.locator("html")).toHaveAttribute("lang", language);
        await expectNoSeriousA11yViolations(page, { soft: true });
        await shot(page, `a11y-${language}-${visit.name}`, { fullPage: true });
      });
    }
  });
}

/** How far the page and its main area extend past their visible width (0 when nothing scrolls sideways). */
function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const main = document.querySelector("main");
    return {
      page: root.scrollWidth - root.clientWidth,
      main: main ? main.scrollWidth - main.clientWidth : 0,
    };
  });
}

// WCAG 1.4.10 Reflow: at 320 CSS pixels wide (a phone, or 1280 pixels zoomed to 400 %) nothing but a data table may
// need scrolling sideways, and tables scroll inside their own frame. Dutch, whose words run longest.
test("every page reflows at 320 pixels wide, in Dutch", async ({ page, api, request }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => window.localStorage.setItem("allot.language", "nl"));
  const contoso = await api.tenant("admin@contoso.test", "contoso.test");
  const groups = await request.get(`/api/tenants/${contoso.id}/groups?limit=1`);
  const groupId = ((await groups.json()) as { items: Group[] }).items[0]?.id ?? "";

  await signInInDutch(page, "admin@contoso.test");
  await expect(nav(page)).toBeVisible();
  await page.setViewportSize({ width: 320, height: 720 });
  for (const visit of PAGES) {
    await test.step(visit.name, async () => {
      await page.goto(visit.path(contoso.id, groupId));
      await settle(page);
      if (visit.ready) await visit.ready(page);
      expect.soft(await sidewaysOverflow(page), visit.name).toEqual({ page: 0, main: 0 });
    });
  }
  await shot(page, "reflow-nl-320", { fullPage: true });
});
