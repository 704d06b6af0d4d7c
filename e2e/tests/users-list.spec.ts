import type { HolderCounts, SubscribedSku, User } from "@allot/contracts";
import type { Page } from "@playwright/test";
import { CONTOSO, expect, nav, signIn, signInAs, TenantApi, test } from "./fixtures";

// Only this spec's own users ("UF " names) are touched; products only gain holders among them.
const SPE_E3 = "SPE_E3";
const EXCHANGE_PLAN_1 = "EXCHANGESTANDARD";

async function openActiveUsers(page: Page) {
  await signIn(page, CONTOSO.admin);
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Active users" })).toBeVisible();
}

const searchBox = (page: Page) => page.getByRole("searchbox", { name: "Search active users" });
const grid = (page: Page) => page.getByRole("grid", { name: "Active users" });

/** A product with at least `seats` free seats, so a spec's assignment cannot fail for want of one. */
async function withSeats(api: TenantApi, partNumber: string, seats: number): Promise<SubscribedSku> {
  const sku = await api.sku(partNumber);
  expect(sku.available, `${partNumber} needs ${seats} free seats`).toBeGreaterThanOrEqual(seats);
  return sku;
}

test("Active users names each user's products and filters by product, licensed or unlicensed", async ({
  page,
  request,
}) => {
  const api = new TenantApi(request);
  await api.signIn(CONTOSO.admin, CONTOSO.domain);
  const e3 = await withSeats(api, SPE_E3, 1);
  const exchange = await withSeats(api, EXCHANGE_PLAN_1, 1);
  const [licensed, unlicensed] = await api.createUsers("UF Who", 2);
  if (!licensed || !unlicensed) throw new Error("two users expected");
  await api.assign(licensed.id, e3.skuId);
  await api.assign(licensed.id, exchange.skuId);

  await openActiveUsers(page);
  await searchBox(page).fill("UF Who");
  await expect(grid(page).getByRole("row")).toHaveCount(3);
  // Who has what, by product name (not "2 licenses"), with the whole list in a tooltip when it is cut short.
  const licensedRow = grid(page).getByRole("row", { name: new RegExp(licensed.displayName) });
  const names = licensedRow.getByText(`${exchange.displayName}, ${e3.displayName}`, { exact: true });
  await expect(names).toBeVisible();
  await names.hover();
  await expect(page.getByRole("tooltip")).toHaveText(`${exchange.displayName}, ${e3.displayName}`);
  await expect(grid(page).getByRole("row", { name: new RegExp(unlicensed.displayName) })).toContainText("Unlicensed");

  // The Licenses filter: by product, and the users without any; the address keeps it.
  const filter = page.getByRole("combobox", { name: "Licenses" });
  await filter.selectOption({ label: e3.displayName });
  await expect(page).toHaveURL(new RegExp(`sku=${e3.skuId}`));
  await expect(grid(page).getByRole("row")).toHaveCount(2);
  await expect(grid(page).getByRole("row", { name: new RegExp(licensed.displayName) })).toBeVisible();
  await filter.selectOption({ label: "Unlicensed users" });
  await expect(grid(page).getByRole("row")).toHaveCount(2);
  await expect(grid(page).getByRole("row", { name: new RegExp(unlicensed.displayName) })).toBeVisible();
  await filter.selectOption({ label: exchange.displayName });
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Licenses" })).toHaveValue(`sku:${exchange.skuId}`);
  await expect(searchBox(page)).toHaveValue("UF Who");
  await expect(grid(page).getByRole("row")).toHaveCount(2);
  await expect(grid(page).getByRole("row", { name: new RegExp(licensed.displayName) })).toBeVisible();
  // Its chip says so, and removing the chip removes the filter.
  const chips = page.getByRole("list", { name: "Active filters" });
  await chips.getByRole("button", { name: `Remove filter Licenses: ${exchange.displayName}` }).click();
  await expect(page.getByRole("combobox", { name: "Licenses" })).toHaveValue("");
  await expect(grid(page).getByRole("row")).toHaveCount(3);
});

test("the search box, the chips and the list follow the address: Users in the menu ends a search, retyping it searches again", async ({
  page,
  request,
}) => {
  const api = new TenantApi(request);
  await api.signIn(CONTOSO.admin, CONTOSO.domain);
  await api.createUsers("UF Sync", 2);

  await openActiveUsers(page);
  await searchBox(page).fill("UF Sync");
  await expect(grid(page).getByRole("row")).toHaveCount(3);
  await expect(page).toHaveURL(/q=UF(\+|%20)Sync/);
  const chips = page.getByRole("list", { name: "Active filters" });
  await expect(chips.getByRole("button", { name: "Remove filter Search: UF Sync" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Clear filters" })).toBeVisible();

  // Users in the menu: everyone, and nothing left of the search anywhere.
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  await expect(page).not.toHaveURL(/q=/);
  await expect(searchBox(page)).toHaveValue("");
  await expect(chips).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Clear filters" })).toHaveCount(0);
  await expect(grid(page).getByRole("row")).not.toHaveCount(3);

  // The same word again searches again.
  await searchBox(page).fill("UF Sync");
  await expect(grid(page).getByRole("row")).toHaveCount(3);
  await expect(page).toHaveURL(/q=UF(\+|%20)Sync/);

  // Clear filters empties the box as well as the list's filters.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(searchBox(page)).toHaveValue("");
  await expect(page).not.toHaveURL(/q=/);
  await expect(grid(page).getByRole("row")).not.toHaveCount(3);
});

test("a selection is kept when the search changes, counted with the rows not shown, and bulk changes act on all of it", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const api = new TenantApi(request);
  await api.signIn(CONTOSO.admin, CONTOSO.domain);
  const exchange = await withSeats(api, EXCHANGE_PLAN_1, 2);
  const [first] = await api.createUsers("UF Keep A", 1);
  const [second] = await api.createUsers("UF Keep B", 1);
  if (!first || !second) throw new Error("two users expected");

  await openActiveUsers(page);
  await searchBox(page).fill("UF Keep A");
  await expect(grid(page).getByRole("row")).toHaveCount(2);
  await grid(page)
    .getByRole("checkbox", { name: `Select ${first.displayName}` })
    .check();
  await expect(page.getByText("1 selected", { exact: true })).toBeVisible();

  // Another search: the ticked user is still selected, and the count says it is not in view.
  await searchBox(page).fill("UF Keep B");
  await expect(grid(page).getByRole("row", { name: new RegExp(second.displayName) })).toBeVisible();
  await expect(grid(page).getByRole("row")).toHaveCount(2);
  await expect(page.getByText("1 selected (1 not shown)", { exact: true })).toBeVisible();
  await grid(page)
    .getByRole("checkbox", { name: `Select ${second.displayName}` })
    .check();
  await expect(page.getByText("2 selected (1 not shown)", { exact: true })).toBeVisible();
  // The header checkbox only toggles the rows in view: the hidden one stays selected.
  const all = grid(page).getByRole("checkbox", { name: "Select all users on this list" });
  await all.uncheck();
  await expect(page.getByText("1 selected (1 not shown)", { exact: true })).toBeVisible();
  await all.check();
  await expect(page.getByText("2 selected (1 not shown)", { exact: true })).toBeVisible();

  // Manage product licenses acts on both, the hidden one included, and says so.
  await page.getByRole("button", { name: "Manage product licenses" }).click();
  const panel = page.getByRole("dialog", { name: "Manage product licenses" });
  await expect(panel.getByText("2 users selected")).toBeVisible();
  await panel.getByRole("checkbox", { name: exchange.displayName, exact: true }).check();
  await panel.getByRole("button", { name: "Next: preview" }).click();
  const preview = page.getByRole("dialog", { name: "Manage product licenses for 2 users" });
  await preview.getByRole("button", { name: "Apply to 2 users" }).click();
  await expect(preview.getByText("Finished: 2 succeeded, 0 failed.").first()).toBeAttached({ timeout: 30_000 });
  await preview.getByRole("button", { name: "Done" }).click();
  expect(await api.holds(first.id, exchange.skuId)).toBe(true);
  expect(await api.holds(second.id, exchange.skuId)).toBe(true);

  // Clear selection empties it, hidden rows included.
  await page.getByRole("button", { name: "Clear selection" }).first().click();
  await expect(page.getByText(/selected/)).toHaveCount(0);
  await searchBox(page).fill("UF Keep A");
  await expect(grid(page).getByRole("checkbox", { name: `Select ${first.displayName}` })).not.toBeChecked();
});

test("a product's holders list shows the total, direct or through a group, and since when; the picker marks who holds it", async ({
  page,
  request,
}) => {
  const api = new TenantApi(request);
  await api.signIn(CONTOSO.admin, CONTOSO.domain);
  const exchange = await withSeats(api, EXCHANGE_PLAN_1, 2);
  const [direct, grouped, other] = await api.createUsers("UF Holder", 3);
  if (!direct || !grouped || !other) throw new Error("three users expected");
  await api.assign(direct.id, exchange.skuId);
  const group = await api.createGroup(`UF Holders ${Date.now()}`, "Holders list spec");
  await api.addMembers(group.id, [grouped.id]);
  await api.send("POST", `groups/${group.id}/assignLicense`, {
    addLicenses: [{ skuId: exchange.skuId, disabledPlans: [] }],
    removeLicenses: [],
  });
  const counts = await api.send<HolderCounts>("GET", `licenses/holderCounts?skuId=${exchange.skuId}`);

  await signInAs(page, CONTOSO.admin);
  await page.goto(`/t/${api.tenantId}/licenses/${exchange.skuId}`);
  await expect(page.getByRole("heading", { level: 1, name: exchange.displayName })).toBeVisible();
  await expect(
    page.getByText(`${counts.total} users: ${counts.direct} directly, ${counts.inherited} through a group`),
  ).toBeVisible();
  await page.getByRole("searchbox", { name: "Search users who hold this product" }).fill("UF Holder");
  const holders = page.getByRole("grid", { name: "Users who hold it" });
  await expect(holders.getByRole("row")).toHaveCount(3);
  await expect(holders.getByRole("columnheader", { name: "Assignment" })).toBeVisible();
  await expect(holders.getByRole("columnheader", { name: "Assigned on" })).toBeVisible();
  const held = await api.send<User>("GET", `users/${direct.id}`);
  const assignedAt = held.licenses.find((license) => license.skuId === exchange.skuId)?.assignedAt ?? "";
  const assignedOn = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" }).format(new Date(assignedAt));
  const directRow = holders.getByRole("row", { name: new RegExp(direct.displayName) });
  await expect(directRow).toContainText("Directly");
  await expect(directRow).toContainText(assignedOn);
  await expect(holders.getByRole("row", { name: new RegExp(grouped.displayName) })).toContainText("Through a group");

  // The picker: a direct holder cannot be picked again; a group's member can (to keep it if they leave).
  await page.getByRole("button", { name: "Assign licenses", exact: true }).click();
  const panel = page.getByRole("dialog", { name: `Assign ${exchange.displayName}` });
  const picker = panel.getByRole("combobox", { name: "Users" });
  await picker.click();
  await picker.pressSequentially("UF Holder");
  const directOption = page.getByRole("option", { name: new RegExp(direct.displayName) });
  await expect(directOption).toContainText("Already has this license");
  await expect(directOption).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByRole("option", { name: new RegExp(grouped.displayName) })).toContainText(
    "Has it through a group",
  );
  await expect(page.getByRole("option", { name: new RegExp(other.displayName) })).not.toContainText("license");
});
