import { readFile } from "node:fs/promises";
import { PARTNER_OVERVIEW_CSV_COLUMNS } from "@allot/contracts";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, nav, signInAs, test } from "./fixtures";

const HEADER = PARTNER_OVERVIEW_CSV_COLUMNS.join(",");

test("the partner's global admin sees every customer, searches, and exports the products overview", async ({
  page,
}) => {
  await signInAs(page, "admin@partner.test");
  // Home stays the partner's own; the navigation leads to its customers.
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
  await nav(page).getByRole("link", { name: "Customers", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Customers", exact: true })).toHaveAttribute("aria-current", "page");

  const table = page.getByRole("table", { name: "Customers" });
  const contoso = table.getByRole("row").filter({ hasText: "contoso.test" });
  const fabrikam = table.getByRole("row").filter({ hasText: "fabrikam.test" });
  await expect(contoso).toContainText("Active");
  await expect(contoso).toContainText(/\d+ of \d+/);
  await expect(fabrikam).toContainText(/\d+ of \d+/);
  // Fabrikam is short of Power BI Pro seats: a conflict, seen as a badge and heard in words.
  await expect(fabrikam).toContainText(/[1-9]\d* products? in conflict/);
  await expect(page.getByRole("status").filter({ hasText: "3 customers shown" })).toBeVisible();

  await test.step("a search narrows the list and stays in the address", async () => {
    await page.getByRole("searchbox", { name: "Search customers" }).fill("fab");
    await expect(page).toHaveURL(/[?&]q=fab\b/);
    await expect(fabrikam).toBeVisible();
    await expect(contoso).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: "1 customer shown" })).toBeVisible();
    await page.getByRole("searchbox", { name: "Search customers" }).fill("");
    await expect(contoso).toBeVisible();
  });

  await test.step("the products across customers download as CSV", async () => {
    await expect(page.getByRole("heading", { level: 2, name: "Products across customers" })).toBeVisible();
    const products = page.getByRole("table", { name: "Products across customers" });
    await expect(products.getByRole("row").filter({ hasText: "Power BI Pro" })).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("main").getByRole("link", { name: "Export CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^partner-overview-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await file.path(), "utf8");
    expect(csv.replace(/^\uFEFF/, "").startsWith(`${HEADER}\r\n`)).toBe(true);
    expect(csv).toContain("Power BI Pro");
  });

  await test.step("the page passes axe in English and Dutch", async () => {
    await expectNoSeriousA11yViolations(page);
    await page.evaluate(() => window.localStorage.setItem("allot.language", "nl"));
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Klanten" })).toBeVisible();
    await expect(nav(page).getByRole("link", { name: "Klanten", exact: true })).toBeVisible();
    const dutch = page.getByRole("table", { name: "Klanten" });
    await expect(dutch.getByRole("row").filter({ hasText: "fabrikam.test" })).toContainText(/\d+ van \d+/);
    await expect(page.getByRole("table", { name: "Producten van alle klanten" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "CSV exporteren" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});

test("a helpdesk agent sees all three customers with their role and opens Fabrikam's admin center", async ({
  page,
  api,
}) => {
  const fabrikam = await api.tenant("helpdesk@partner.test", "fabrikam.test");
  await signInAs(page, "helpdesk@partner.test");
  await nav(page).getByRole("link", { name: "Customers", exact: true }).click();
  const table = page.getByRole("table", { name: "Customers" });
  for (const domain of ["contoso.test", "fabrikam.test", "tailspin.test"]) {
    await expect(table.getByRole("row").filter({ hasText: domain })).toContainText("Helpdesk agent");
  }
  await table.getByRole("link", { name: "Fabrikam", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${fabrikam.id}$`));
  await expect(page.getByRole("button", { name: /^Switch organization/ })).toHaveAccessibleName(/Fabrikam Delegated$/);
  // In a customer the partner center is not offered.
  await expect(nav(page).getByRole("link", { name: "Customers", exact: true })).toHaveCount(0);
});

test("a sales agent sees only the customer they hold a role in", async ({ page }) => {
  await signInAs(page, "sales@partner.test");
  await nav(page).getByRole("link", { name: "Customers", exact: true }).click();
  const table = page.getByRole("table", { name: "Customers" });
  await expect(table.getByRole("row").filter({ hasText: "contoso.test" })).toContainText("Sales agent");
  await expect(table.getByRole("row").filter({ hasText: "fabrikam.test" })).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "1 customer shown" })).toBeVisible();
  // Straight from the list into the customer's users and licenses.
  await table.getByRole("link", { name: "Users and licenses of Contoso" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users and licenses" })).toBeVisible();
});
