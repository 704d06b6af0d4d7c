import { readFile } from "node:fs/promises";
import type {
  BillingResult,
  LicenseConflictReport,
  PricingProduct,
  SubscribedSku,
  Subscription,
} from "@allot/contracts";
import type { Download, Locator } from "@playwright/test";
import { expectKeyboardDialog, expectNoSeriousA11yViolations } from "./axe";
import { CONTOSO, expect, nav, shot, signIn, signInAs, switchUser, TenantApi, test } from "./fixtures";

// Only this spec's own users ("BL " names) are licensed. Power BI Pro gets 5 more seats (other specs compare with
// the counts before their own changes); Visio Plan 2 gets a subscription of its own that no other spec touches,
// and its conflict is resolved again before the test ends.
const POWER_BI_PRO = "POWER_BI_PRO";
const VISIO = "VISIOCLIENT";

/** A download's suggested file name and its text. */
async function readDownload(download: Download): Promise<{ name: string; text: string }> {
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, "utf8") };
}

/** TenantApi plus the calls only this spec makes. */
class BillingApi extends TenantApi {
  /** Takes one product from a user. */
  unassign(userId: string, skuId: string): Promise<void> {
    return this.send("POST", `users/${userId}/assignLicense`, { addLicenses: [], removeLicenses: [skuId] });
  }
}

/** Types a number of seats into a SpinButton and commits it (SpinButtons take typed text on blur). */
async function typeSeats(field: Locator, seats: number): Promise<void> {
  await field.fill(String(seats));
  await field.press("Tab");
}

test.describe("billing", () => {
  test("billing admin buys 5 seats of Power BI Pro and then assigns them", async ({ page, request }) => {
    test.setTimeout(150_000);
    const admin = new BillingApi(request);
    await admin.signIn(CONTOSO.admin, CONTOSO.domain);
    const before = await admin.sku(POWER_BI_PRO);

    // The billing admin buys.
    await signIn(page, CONTOSO.billingAdmin);
    await nav(page).getByRole("link", { name: "Billing", exact: true }).click();
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();
    await expect(main.getByRole("tab", { name: "Subscriptions" })).toHaveAttribute("aria-selected", "true");
    const subscriptions = main.getByRole("table", { name: "Subscriptions" });
    await expect(subscriptions.getByRole("link", { name: before.displayName }).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await shot(page, "billing-subscriptions", { fullPage: true });

    await main.getByRole("button", { name: "Buy a subscription" }).click();
    const dialog = page.getByRole("dialog", { name: "Buy a subscription" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("combobox", { name: "Product" }).click();
    await page.getByRole("option", { name: new RegExp(`^${before.displayName}`) }).click();
    await typeSeats(dialog.getByRole("spinbutton", { name: "Seats" }), 5);
    await expect(dialog.getByRole("radio", { name: "Monthly" })).toBeChecked();
    await expect(dialog.getByRole("switch", { name: "Auto-renew" })).toBeChecked();
    const price = dialog.getByRole("region", { name: "Price" });
    await expect(price).toContainText("5 × €13.10");
    await expect(price).toContainText("€65.50");
    // The total is announced to screen readers as it changes.
    await expect(price.getByRole("status")).toHaveText("Billed now: €65.50");
    await expectNoSeriousA11yViolations(page);
    await shot(page, "billing-buy-dialog", { fullPage: true });

    await dialog.getByRole("button", { name: "Buy", exact: true }).click();
    await expect(page).toHaveURL(/\/billing\/subscriptions\/[0-9a-f-]{36}$/);
    await expect(main.getByRole("heading", { level: 1, name: before.displayName })).toBeVisible();
    const details = main.getByRole("region", { name: "Details" });
    await expect(details).toContainText("Active (Enabled)");
    await expect(details).toContainText("Purchased");
    await expect(details).toContainText("Monthly");
    await expect(details).toContainText("Invoice (pay on account)");
    await expect(main.getByText(/^Renews on /).first()).toBeVisible();
    const orders = main.getByRole("table", { name: `Orders of ${before.displayName}` });
    await expect(orders.getByRole("row", { name: /Purchase/ })).toContainText("+5 seats");
    await expect(orders.getByRole("row", { name: /Purchase/ })).toContainText("€65.50");
    await expect(main.getByRole("switch", { name: "Auto-renew" })).toBeChecked();
    await expectNoSeriousA11yViolations(page);
    await shot(page, "billing-subscription", { fullPage: true });

    const bought = await admin.sku(POWER_BI_PRO);
    expect(bought.prepaidUnits.enabled).toBe(before.prepaidUnits.enabled + 5);
    expect(bought.available).toBe(before.available + 5);

    // The invoice of the purchase is one click away.
    await orders
      .getByRole("link", { name: /^INV|View invoice/ })
      .first()
      .click();
    await expect(main.getByRole("heading", { level: 1, name: /^Invoice / })).toBeVisible();
    await expect(main.getByRole("table", { name: "Invoice lines" })).toContainText("€65.50");
    await expect(main.getByRole("button", { name: "Print" })).toBeVisible();
    // Printed, the invoice stands alone: no navigation, no Print button.
    await page.emulateMedia({ media: "print" });
    await expect(nav(page)).toBeHidden();
    await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
    await shot(page, "billing-invoice-print", { fullPage: true });
    await expect(page.getByRole("table", { name: "Invoice lines" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: /^Invoice / })).toBeVisible();
    await page.emulateMedia({ media: "screen" });
    await expect(nav(page)).toBeVisible();

    // Billing admins cannot assign (DESIGN §2): a global admin assigns the new seats from the product page.
    const users = await admin.createUsers("BL Buy", 5);
    await switchUser(page, CONTOSO.admin);
    await page.goto(`/t/${admin.tenantId}/licenses/${before.skuId}`);
    await expect(main.getByRole("heading", { level: 1, name: before.displayName })).toBeVisible();
    await main.getByRole("button", { name: "Assign licenses", exact: true }).click();
    const panel = page.getByRole("dialog", { name: `Assign ${before.displayName}` });
    const picker = panel.getByRole("combobox", { name: "Users" });
    for (const user of users) {
      await picker.click();
      await picker.pressSequentially(user.displayName);
      await page.getByRole("option", { name: new RegExp(user.displayName) }).click();
      await expect(panel.getByRole("listbox", { name: "Chosen users" }).getByText(user.displayName)).toBeVisible();
    }
    await panel.getByRole("button", { name: "Assign", exact: true }).click();
    const preview = page.getByRole("dialog", { name: `Assign ${before.displayName} to 5 users` });
    await expect(preview.getByText("5 users will change, 0 cannot.").first()).toBeVisible();
    await preview.getByRole("button", { name: "Apply to 5 users" }).click();
    await expect(preview.getByText("5 succeeded, 0 failed").first()).toBeVisible({ timeout: 30_000 });
    await preview.getByRole("button", { name: "Done" }).click();
    await expect(preview).toBeHidden();

    const assigned = await admin.sku(POWER_BI_PRO);
    expect(assigned.available).toBe(bought.available - 5);
    expect(assigned.consumedUnits).toBe(bought.consumedUnits + 5);
    for (const user of users) expect(await admin.holds(user.id, before.skuId)).toBe(true);
  });

  test("removing seats people hold names them and goes on only once a license conflict is accepted", async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const admin = new BillingApi(request);
    await admin.signIn(CONTOSO.admin, CONTOSO.domain);
    const visio = await admin.sku(VISIO);
    // A subscription of its own: 2 seats, both given to this test's users.
    const bought = await admin.send<BillingResult>("POST", "subscriptions", {
      skuId: visio.skuId,
      seats: 2,
      billingTerm: "monthly",
    });
    const subscription = bought.subscription;
    const users = await admin.createUsers("BL Visio", 2);
    for (const user of users) await admin.assign(user.id, visio.skuId);
    const full = await admin.sku(VISIO);
    expect(full.available).toBe(0);

    await signInAs(page, CONTOSO.billingAdmin);
    await page.goto(`/t/${admin.tenantId}/billing/subscriptions/${subscription.id}`);
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 1, name: visio.displayName })).toBeVisible();
    await main.getByRole("button", { name: "Add or remove seats" }).click();
    const dialog = page.getByRole("dialog", { name: `Add or remove seats of ${visio.displayName}` });
    await typeSeats(dialog.getByRole("spinbutton", { name: "New total of seats" }), 1);

    // The credit is shown first, with the warning that someone would be left without a seat.
    const price = dialog.getByRole("region", { name: "Price" });
    await expect(price.getByRole("status")).toHaveText(/^Credited now: €/);
    await expect(dialog.getByText(/would be left without a seat/)).toBeVisible();
    await dialog.getByRole("button", { name: "Remove 1 seat" }).click();

    // Refused: the holders are listed and the removal waits for the accept box.
    await expect(dialog.getByText("These seats are in use")).toBeVisible();
    const holders = dialog.getByRole("region", { name: /^People who hold it/ });
    for (const user of users) await expect(holders).toContainText(user.displayName);
    const anyway = dialog.getByRole("button", { name: "Remove 1 seat anyway" });
    await expect(anyway).toHaveAttribute("aria-disabled", "true");
    await anyway.click({ force: true });
    await expect(dialog).toBeVisible();
    expect((await admin.send<Subscription>("GET", `subscriptions/${subscription.id}`)).seats).toBe(2);
    await expectNoSeriousA11yViolations(page);
    await shot(page, "billing-seats-in-use", { fullPage: true });

    const accept = dialog.getByRole("checkbox", { name: /Remove the seats anyway and create a license conflict/ });
    await expect(accept).toHaveAccessibleName(
      "Remove the seats anyway and create a license conflict. Users keep access; the conflict must be resolved within 90 days",
    );
    await accept.check();
    await expect(anyway).not.toHaveAttribute("aria-disabled", "true");
    await anyway.click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`${visio.displayName} now has 1 seat.`).first()).toBeVisible();

    // Users kept access, and the conflict has its 90-day deadline.
    expect((await admin.send<Subscription>("GET", `subscriptions/${subscription.id}`)).seats).toBe(1);
    for (const user of users) expect(await admin.holds(user.id, visio.skuId)).toBe(true);
    const { value: conflicts } = await admin.send<{ value: LicenseConflictReport[] }>("GET", "licenseConflicts");
    const conflict = conflicts.find((candidate) => candidate.skuId === visio.skuId);
    expect(conflict?.shortfall).toBe(1);
    expect(conflict?.resolveBy).not.toBeNull();
    const days = (Date.parse(conflict?.resolveBy ?? "") - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89);
    expect(days).toBeLessThanOrEqual(90.01);

    // Leave Contoso without a conflict for the specs after this one.
    await admin.unassign(users[0]?.id ?? "", visio.skuId);
    expect((await admin.sku(VISIO)).conflicts).toBe(0);
  });

  test("cancelling a monthly subscription disables it at once; its page reactivates it", async ({ page, request }) => {
    test.setTimeout(120_000);
    const admin = new BillingApi(request);
    await admin.signIn(CONTOSO.admin, CONTOSO.domain);
    const visio = await admin.sku(VISIO);
    // A free seat of its own, so cancelling it leaves nobody without one.
    const { subscription } = await admin.send<BillingResult>("POST", "subscriptions", {
      skuId: visio.skuId,
      seats: 1,
      billingTerm: "monthly",
    });

    await signInAs(page, CONTOSO.billingAdmin);
    await page.goto(`/t/${admin.tenantId}/billing/subscriptions/${subscription.id}`);
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 1, name: visio.displayName })).toBeVisible();
    await main.getByRole("button", { name: "Cancel subscription" }).click();
    const confirm = page.getByRole("alertdialog", { name: `Cancel ${visio.displayName}?` });
    await expect(confirm).toContainText("credited, so its seats end today");
    await expect(confirm).toContainText("disabled right away");
    await expect(confirm.getByRole("region", { name: "Price" })).toContainText("Credited now");
    await expectNoSeriousA11yViolations(page);
    await shot(page, "billing-cancel", { fullPage: true });
    await confirm.getByRole("button", { name: "Cancel subscription" }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText(`${visio.displayName} was cancelled.`).first()).toBeVisible();
    await expect(main.getByText("Disabled", { exact: true }).first()).toBeVisible();
    await expect(main.getByText(/^Deleted on /).first()).toBeVisible();
    expect((await admin.send<Subscription>("GET", `subscriptions/${subscription.id}`)).state).toBe("disabled");

    // Nobody lost access (its seat was spare), so Billing raises no alarm about it.
    await main.getByRole("link", { name: "Back to Billing" }).click();
    await expect(main.getByRole("table", { name: "Subscriptions" })).toBeVisible();
    await expect(main.getByText(`${visio.displayName} is disabled`)).toHaveCount(0);

    // Its page still offers Reactivate, priced as a new term before confirming.
    await page.goto(`/t/${admin.tenantId}/billing/subscriptions/${subscription.id}`);
    const reactivate = main.getByRole("button", { name: "Reactivate", exact: true });
    await reactivate.click();
    const dialog = page.getByRole("dialog", { name: `Reactivate ${visio.displayName}` });
    // Usable with the keyboard: focus inside, Tab kept there, Escape closes and returns to the button.
    await expectKeyboardDialog(page, dialog, reactivate);
    await reactivate.click();
    await expect(dialog.getByRole("region", { name: "Price" })).toContainText("€14.00");
    await dialog.getByRole("button", { name: "Reactivate", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`${visio.displayName} was reactivated.`).first()).toBeVisible();
    expect((await admin.send<Subscription>("GET", `subscriptions/${subscription.id}`)).state).toBe("active");
  });

  test("tabs, exports and self-service settings; deep links open the buy dialog prefilled", async ({ page, api }) => {
    const contoso = await api.tenant(CONTOSO.billingAdmin, CONTOSO.domain);
    await signInAs(page, CONTOSO.billingAdmin);
    const main = page.getByRole("main");

    await page.goto(`/t/${contoso.id}/billing?tab=orders`);
    await expect(main.getByRole("tab", { name: "Orders" })).toHaveAttribute("aria-selected", "true");
    // In English the export button downloads comma-separated; its menu offers semicolons for European Excel.
    await expect(main.getByRole("link", { name: "Export orders (CSV)" })).toHaveAttribute(
      "href",
      `/api/tenants/${contoso.id}/orders/export?delimiter=comma`,
    );
    await main.getByRole("button", { name: "Choose the CSV format" }).click();
    const semicolons = page.waitForEvent("download");
    await page.getByRole("menuitem", { name: /^Semicolon-separated/ }).click();
    const orders = await readDownload(await semicolons);
    expect(orders.name).toMatch(/^orders-contoso\.test-.*\.csv$/);
    expect(orders.text.startsWith("\uFEFForderId;createdAt;kind;")).toBe(true);

    await main.getByRole("tab", { name: "Invoices" }).click();
    await expect(page).toHaveURL(/tab=invoices/);
    await expect(main.getByRole("link", { name: "Export invoices (CSV)" })).toBeVisible();
    const download = page.waitForEvent("download");
    await main.getByRole("link", { name: "Export invoices (CSV)" }).click();
    const invoices = await readDownload(await download);
    expect(invoices.name).toMatch(/\.csv$/);
    expect(invoices.text.startsWith("\uFEFFnumber,issuedAt,dueAt,")).toBe(true);

    await main.getByRole("tab", { name: "Self-service purchase" }).click();
    await expect(page).toHaveURL(/tab=selfService/);
    await expect(main.getByRole("table", { name: "Self-service purchase per product" })).toBeVisible();
    await expect(main.getByText(/Request from my admin/).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // A free trial: 25 seats, free, for the product's trial length (the dialog is only looked at).
    await main.getByRole("button", { name: "Start a free trial" }).click();
    const trial = page.getByRole("dialog", { name: "Start a free trial" });
    const trialProduct = trial.getByRole("combobox", { name: "Product" });
    const noneLeft = trial.getByText(/already tried every product/);
    await expect(trialProduct.or(noneLeft)).toBeVisible();
    if (await trialProduct.isVisible()) {
      await trialProduct.click();
      await page.getByRole("option").first().click();
      await expect(trial.getByText(/^You get 25 seats of .+ for \d+ days, free\./)).toBeVisible();
    } else {
      await expect(noneLeft).toBeVisible();
    }
    await expectNoSeriousA11yViolations(page);
    await trial.getByRole("button", { name: "Cancel" }).click();
    await expect(trial).toBeHidden();

    // The Conflicts page's "Buy seats" link (and every "Buy more"): licenses added to the product's subscription.
    const skus = await page.request.get(`/api/tenants/${contoso.id}/subscribedSkus`);
    const visio = ((await skus.json()) as { value: SubscribedSku[] }).value.find((sku) => sku.skuPartNumber === VISIO);
    if (!visio) throw new Error("no Visio in Contoso");
    await page.goto(`/t/${contoso.id}/billing?buy=${visio.skuId}&seats=3`);
    const dialog = page.getByRole("dialog", { name: `Add licenses to ${visio.displayName}` });
    await expect(dialog.getByRole("spinbutton", { name: "Licenses to add" })).toHaveValue("3");
    // The tests above bought Visio subscriptions of their own: with several, the admin picks one.
    const choice = dialog.getByRole("radiogroup", { name: "Subscription" });
    if (await choice.isVisible()) await choice.getByRole("radio").first().check();
    // Prorated for the rest of the subscription's term, so it renews with it.
    await expect(dialog.getByRole("region", { name: "Price" })).toContainText(
      `${visio.displayName}, +3 seats, prorated`,
    );
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(page).not.toHaveURL(/buy=/);

    // A product with only a trial: buying more converts the trial, with the seats it has plus those asked for.
    const pricing = await page.request.get(`/api/tenants/${contoso.id}/pricing`);
    const products = ((await pricing.json()) as { value: PricingProduct[] }).value;
    const trialSku = products.find((product) => product.skuPartNumber === "POWERAUTOMATE_ATTENDED_RPA");
    if (!trialSku) throw new Error("no Power Automate Premium in the catalog");
    await page.goto(`/t/${contoso.id}/billing?buy=${trialSku.skuId}&seats=2`);
    const convertMore = page.getByRole("dialog", { name: /^Convert the .+ trial to a paid subscription$/ });
    await expect(convertMore.getByRole("spinbutton", { name: "Seats" })).toHaveValue("27");
    await convertMore.getByRole("button", { name: "Cancel" }).click();
    await expect(convertMore).toBeHidden();

    // The Conflicts page's "Renew" link opens the renewal of that subscription.
    const listed = await page.request.get(`/api/tenants/${contoso.id}/subscriptions`);
    const all = ((await listed.json()) as { value: Subscription[] }).value;
    const annual = all.find((candidate) => candidate.source === "admin" && candidate.state === "active");
    if (!annual) throw new Error("no active purchased subscription in Contoso");
    await page.goto(`/t/${contoso.id}/billing?renew=${annual.id}`);
    const renew = page.getByRole("dialog", { name: `Renew ${annual.productName}` });
    await expect(renew.getByRole("region", { name: "Price" })).toContainText("Billed now");
    await renew.getByRole("button", { name: "Cancel" }).click();
    await expect(renew).toBeHidden();
    await expect(page).not.toHaveURL(/renew=/);

    // A trial offers "Convert to paid", priced before anything is bought (only looked at here).
    const trialSubscription = all.find((candidate) => candidate.source === "trial" && candidate.state === "active");
    if (trialSubscription) {
      await page.goto(`/t/${contoso.id}/billing/subscriptions/${trialSubscription.id}`);
      await main.getByRole("button", { name: "Convert to paid" }).click();
      const convert = page.getByRole("dialog", { name: /^Convert the .+ trial to a paid subscription$/ });
      await expect(convert.getByRole("region", { name: "Price" })).toContainText(`${trialSubscription.seats} × €`);
      await expectNoSeriousA11yViolations(page);
      await convert.getByRole("button", { name: "Cancel" }).click();
      await expect(convert).toBeHidden();
    }
  });

  test("Billing in Dutch", async ({ page, api }) => {
    const contoso = await api.tenant(CONTOSO.billingAdmin, CONTOSO.domain);
    await signInAs(page, CONTOSO.billingAdmin);
    // Signed in (in English, as every spec does); the portal then follows the language chosen on this device.
    await page.evaluate(() => window.localStorage.setItem("allot.language", "nl"));
    await page.goto(`/t/${contoso.id}/billing`);
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 1, name: "Facturering" })).toBeVisible();
    await expect(main.getByRole("tab", { name: "Abonnementen" })).toHaveAttribute("aria-selected", "true");
    await expect(main.getByRole("table", { name: "Abonnementen" })).toContainText("Wordt verlengd op");
    await main.getByRole("button", { name: "Een abonnement kopen" }).click();
    const dialog = page.getByRole("dialog", { name: "Een abonnement kopen" });
    await dialog.getByRole("combobox", { name: "Product" }).click();
    await page.getByRole("option", { name: /^Power BI Pro/ }).click();
    await typeSeats(dialog.getByRole("spinbutton", { name: "Licenties" }), 5);
    await expect(dialog.getByRole("region", { name: "Prijs" })).toContainText("65,50");
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole("button", { name: "Annuleren" }).click();
    await expect(dialog).toBeHidden();
  });

  test("a license admin has no Billing in the navigation and sees seat counts on Licenses only", async ({
    page,
    api,
  }) => {
    const contoso = await api.tenant(CONTOSO.licenseAdmin, CONTOSO.domain);
    await signIn(page, CONTOSO.licenseAdmin);
    await expect(nav(page).getByRole("link", { name: "Licenses", exact: true })).toBeVisible();
    await expect(nav(page).getByRole("link", { name: "Billing", exact: true })).toHaveCount(0);
    await page.goto(`/t/${contoso.id}/billing`);
    await expect(page.getByRole("main").getByRole("heading", { level: 1, name: "Billing" })).toHaveCount(0);
    await page.goto(`/t/${contoso.id}/licenses`);
    await expect(page.getByRole("main").getByRole("heading", { level: 1, name: "Licenses" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("button", { name: "Buy a subscription" })).toHaveCount(0);
  });
});
