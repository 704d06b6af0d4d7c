import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { CONTOSO, expect, nav, shot, signInAs, signInInDutch, test } from "./fixtures";

const HEADER = "createdAt,actor,actorUserId,action,targetType,targetId,productIds,requestId,before,after";

async function text(download: Download): Promise<string> {
  return readFile(await download.path(), "utf8");
}

/** The audit log's export split button: the button downloads, its arrow opens the menu of formats. */
function exportControls(page: Page, button: string, menu: string) {
  const main = page.getByRole("main");
  return { link: main.getByRole("link", { name: button }), menu: main.getByRole("button", { name: menu }) };
}

test("the audit log exports comma-separated in English, and semicolons from the menu by keyboard", async ({
  page,
  api,
}) => {
  const contoso = await api.tenant(CONTOSO.admin, CONTOSO.domain);
  await signInAs(page, CONTOSO.admin);
  await page.goto(`/t/${contoso.id}/audit`);
  const { link, menu } = exportControls(page, "Export CSV", "Choose the CSV format");
  await expect(link).toHaveAttribute("href", `/api/tenants/${contoso.id}/auditLog/export?delimiter=comma`);

  const comma = page.waitForEvent("download");
  await link.click();
  expect((await text(await comma)).startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);

  // Keyboard only: focus the arrow, open the menu, walk to the second format and take it.
  await menu.focus();
  await page.keyboard.press("Enter");
  const items = page.getByRole("menuitem");
  await expect(items).toHaveCount(2);
  await expect(items.first()).toHaveAccessibleName(/^Comma-separated \(\.csv\)/);
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(items.nth(1)).toBeFocused();
  const semicolon = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  expect((await text(await semicolon)).startsWith(`\uFEFF${HEADER.replaceAll(",", ";")}\r\n`)).toBe(true);
  await expectNoSeriousA11yViolations(page);
});

test.describe("in Dutch", () => {
  test("the audit log exports with semicolons by default (Excel in Dutch)", async ({ page, api }) => {
    // Runs after the fixture's own script, so this choice wins on every load.
    await page.addInitScript(() => window.localStorage.setItem("allot.language", "nl"));
    const contoso = await api.tenant(CONTOSO.admin, CONTOSO.domain);
    await signInInDutch(page, CONTOSO.admin);
    await expect(nav(page)).toBeVisible();
    await page.goto(`/t/${contoso.id}/audit?action=auth.signedIn`);
    const { link, menu } = exportControls(page, "CSV exporteren", "CSV-indeling kiezen");
    await expect(link).toHaveAttribute(
      "href",
      `/api/tenants/${contoso.id}/auditLog/export?action=auth.signedIn&delimiter=semicolon`,
    );
    const download = page.waitForEvent("download");
    await link.click();
    const csv = await text(await download);
    expect(csv.startsWith(`\uFEFF${HEADER.replaceAll(",", ";")}\r\n`)).toBe(true);
    expect(csv).toContain(";auth.signedIn;");

    await menu.click();
    await expect(page.getByRole("menuitem").first()).toHaveAccessibleName(/^Puntkommagescheiden/);
    await expect(page.getByRole("menuitem", { name: /^Kommagescheiden \(\.csv\)/ })).toBeVisible();
    await shot(page, "audit-export-menu-nl");
    await expectNoSeriousA11yViolations(page);
  });
});
