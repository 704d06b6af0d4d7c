import type {
  BillingResult,
  LicenseConflictReport,
  LicenseRequest,
  PricingProduct,
  Subscription,
} from "@allot/contracts";
import type { Locator } from "@playwright/test";
import { expectKeyboardDialog, expectNoSeriousA11yViolations } from "./axe";
import { CONTOSO, expect, nav, PASSWORD, selectTab, signInAs, TenantApi, test } from "./fixtures";

// "Buy more" adds licenses to the product's subscription (a prorated seat change) instead of buying a second one,
// and every billing dialog is usable with a keyboard and a screen reader from wherever it opens. Contoso's Visio
// Plan 2 is full (5 of 5): the seat this spec adds goes to its own user, so Visio stays full for the specs after it.
// Power BI Pro gets a second subscription of 1 seat (other specs count its seats relative to their own changes).
// Fabrikam's Power BI Pro conflict is only looked at, never fixed here.
const VISIO = "VISIOCLIENT";
const POWER_BI_PRO = "POWER_BI_PRO";

class BillingApi extends TenantApi {
  async subscriptionsOf(skuId: string): Promise<Subscription[]> {
    const { value } = await this.send<{ value: Subscription[] }>("GET", "subscriptions");
    return value.filter((subscription) => subscription.skuId === skuId);
  }
}

/** A product's "Buy more" link in a list of product checkboxes (in the details its checkbox points to). */
async function buyMoreLink(panel: Locator, product: string, name = "Buy more licenses"): Promise<Locator> {
  const box = panel.getByRole("checkbox", { name: product, exact: true });
  const [detailsId] = ((await box.getAttribute("aria-describedby")) ?? "").split(" ");
  return panel.locator(`[id="${detailsId}"]`).getByRole("link", { name });
}

/** The element's box once it has stopped moving (a dialog opens with an animation). */
async function settledBox(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = "";
  for (;;) {
    const box = await locator.boundingBox();
    const now = JSON.stringify(box);
    if (box && now === last) return box;
    last = now;
    await locator.page().waitForTimeout(100);
  }
}

test.describe("adding licenses", () => {
  test("Buy more licenses in a user's licenses adds a seat to Visio's subscription, not a second subscription", async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const admin = new BillingApi(request);
    await admin.signIn(CONTOSO.admin, CONTOSO.domain);
    const visio = await admin.sku(VISIO);
    expect(visio.available).toBe(0);
    const [before, ...others] = await admin.subscriptionsOf(visio.skuId);
    if (!before || others.length > 0) throw new Error("Contoso has one Visio subscription");
    const user = await admin.createPerson("BA Visio");

    await signInAs(page, CONTOSO.admin);
    await page.goto(`/t/${admin.tenantId}/users?user=${user.id}`);
    const panel = page.getByRole("dialog", { name: user.displayName });
    await selectTab(panel.getByRole("tab", { name: "Licenses and apps" }));
    await (await buyMoreLink(panel, visio.displayName)).click();

    const dialog = page.getByRole("dialog", { name: `Add licenses to ${visio.displayName}` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("spinbutton", { name: "Licenses to add" })).toHaveValue("1");
    await expect(
      dialog.getByText(`It has ${before.seats} licenses now; ${before.seats + 1} after adding.`),
    ).toBeVisible();
    const price = dialog.getByRole("region", { name: "Price" });
    await expect(price.getByRole("status")).toHaveText(/^Billed now: €/);
    await dialog.getByRole("button", { name: "Add 1 license" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`${visio.displayName} now has ${before.seats + 1} seats.`).first()).toBeVisible();

    const after = await admin.subscriptionsOf(visio.skuId);
    expect(after.map((subscription) => [subscription.id, subscription.seats])).toEqual([[before.id, before.seats + 1]]);
    expect((await admin.sku(VISIO)).available).toBe(1);
    // The new seat goes to this spec's user: Visio is full again.
    await admin.assign(user.id, visio.skuId);
    expect((await admin.sku(VISIO)).available).toBe(0);
  });

  test("with several subscriptions of the product the admin chooses which one gets the licenses", async ({
    page,
    request,
  }) => {
    const admin = new BillingApi(request);
    await admin.signIn(CONTOSO.admin, CONTOSO.domain);
    const powerBi = await admin.sku(POWER_BI_PRO);
    await admin.send("POST", "subscriptions", {
      skuId: powerBi.skuId,
      seats: 1,
      billingTerm: "monthly",
      autoRenew: false,
    });
    const subscriptions = await admin.subscriptionsOf(powerBi.skuId);
    expect(subscriptions.length).toBeGreaterThan(1);

    await signInAs(page, CONTOSO.admin);
    // The link every "Buy more" of the product follows.
    await page.goto(`/t/${admin.tenantId}/billing?buy=${powerBi.skuId}&seats=3`);
    const dialog = page.getByRole("dialog", { name: `Add licenses to ${powerBi.displayName}` });
    const choice = dialog.getByRole("radiogroup", { name: "Subscription" });
    await expect(choice.getByRole("radio")).toHaveCount(subscriptions.length);
    await expect(dialog.getByRole("button", { name: "Add 3 licenses" })).toHaveAttribute("aria-disabled", "true");
    await choice.getByRole("radio", { name: /^Monthly · 1 license/ }).check();
    await expect(dialog.getByText("It has 1 license now; 4 after adding.")).toBeVisible();
    await expect(dialog.getByRole("region", { name: "Price" })).toContainText("3 × €");
    await expect(dialog.getByRole("button", { name: "Add 3 licenses" })).not.toHaveAttribute("aria-disabled", "true");
    await expectNoSeriousA11yViolations(page, { include: "[role='dialog']" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(page).not.toHaveURL(/buy=/);
  });

  test("without a subscription to add to, Buy more buys a new one", async ({ page, request }) => {
    const admin = new BillingApi(request);
    await admin.signIn("admin@fabrikam.test", "fabrikam.test");
    const { value: products } = await admin.send<{ value: PricingProduct[] }>("GET", "pricing");
    const { value: subscriptions } = await admin.send<{ value: Subscription[] }>("GET", "subscriptions");
    const product = products.find((candidate) => !subscriptions.some((s) => s.skuId === candidate.skuId));
    if (!product) throw new Error("Fabrikam has a product it has no subscription of");

    await signInAs(page, "admin@fabrikam.test");
    await page.goto(`/t/${admin.tenantId}/billing?buy=${product.skuId}&seats=2`);
    const dialog = page.getByRole("dialog", { name: "Buy a subscription" });
    await expect(dialog.getByRole("combobox", { name: "Product" })).toHaveText(product.displayName);
    await expect(dialog.getByRole("spinbutton", { name: "Seats" })).toHaveValue("2");
    // Priced first: the Buy button settles into its enabled colours before axe looks at them.
    await expect(dialog.getByRole("region", { name: "Price" })).toContainText("€");
    await expectKeyboardDialog(page, dialog, page.getByRole("main"));
    await expect(page).not.toHaveURL(/buy=/);
  });

  test("changing seats prices the number as it is typed, keeps the button in place and says 1 seat", async ({
    page,
    request,
  }) => {
    const admin = new BillingApi(request);
    await admin.signIn(CONTOSO.admin, CONTOSO.domain);
    const powerBi = await admin.sku(POWER_BI_PRO);
    const { subscription } = await admin.send<BillingResult>("POST", "subscriptions", {
      skuId: powerBi.skuId,
      seats: 1,
      billingTerm: "monthly",
    });

    await signInAs(page, CONTOSO.admin);
    await page.goto(`/t/${admin.tenantId}/billing/subscriptions/${subscription.id}`);
    const main = page.getByRole("main");
    await main.getByRole("button", { name: "Add or remove seats" }).click();
    const dialog = page.getByRole("dialog", { name: `Add or remove seats of ${powerBi.displayName}` });
    await expect(dialog.getByText("It has 1 seat now.")).toBeVisible();
    const save = dialog.getByRole("button", { name: "Save" });
    const place = await settledBox(save);

    // Typed, not committed: the price and the button follow without leaving the field.
    const field = dialog.getByRole("spinbutton", { name: "New total of seats" });
    await field.fill("3");
    await expect(field).toBeFocused();
    const add = dialog.getByRole("button", { name: "Add 2 seats" });
    await expect(dialog.getByRole("region", { name: "Price" }).getByRole("status")).toHaveText(/^Billed now: €/);
    await expect(add).not.toHaveAttribute("aria-disabled", "true");
    const moved = await settledBox(add);
    // The same right edge and the same height on the page: the button did not jump.
    expect(Math.round(moved.x + moved.width)).toBe(Math.round(place.x + place.width));
    expect(Math.round(moved.y)).toBe(Math.round(place.y));
    await dialog.getByRole("button", { name: "Cancel" }).click();

    // Dutch has its singular too.
    await page.evaluate(() => window.localStorage.setItem("allot.language", "nl"));
    await page.reload();
    await main.getByRole("button", { name: "Licenties toevoegen of verwijderen" }).click();
    const dutch = page.getByRole("dialog", { name: `Licenties van ${powerBi.displayName} toevoegen of verwijderen` });
    await expect(dutch.getByText("Het heeft nu 1 licentie.")).toBeVisible();
  });

  test("Bought on is the date the subscription's term started", async ({ page, request }) => {
    const admin = new BillingApi(request);
    await admin.signIn(CONTOSO.admin, CONTOSO.domain);
    const visio = await admin.sku(VISIO);
    const [seeded] = await admin.subscriptionsOf(visio.skuId);
    if (!seeded) throw new Error("Contoso has a Visio subscription");

    await signInAs(page, CONTOSO.admin);
    await page.goto(`/t/${admin.tenantId}/billing/subscriptions/${seeded.id}`);
    const details = page.getByRole("main").getByRole("region", { name: "Details" });
    const term = details.locator("dt", { hasText: "Current term" }).locator("+ dd");
    await expect(term).toHaveText(/ – /);
    // Seeded 100 days ago and not renewed since: bought on the day its term started, not on the day of the seed.
    const started = ((await term.textContent()) ?? "").split(" – ")[0];
    await expect(details.locator("dt", { hasText: "Bought on" }).locator("+ dd")).toHaveText(started ?? "");
  });
});

test.describe("billing dialogs from every entry point", () => {
  test("each opens exposed, takes focus, keeps Tab inside and closes on Escape", async ({ page, request }) => {
    test.setTimeout(360_000);
    const admin = new BillingApi(request);
    await admin.signIn(CONTOSO.admin, CONTOSO.domain);
    const visio = await admin.sku(VISIO);
    const all = (await admin.send<{ value: Subscription[] }>("GET", "subscriptions")).value;
    const paid = all.find((subscription) => subscription.source === "admin" && subscription.state === "active");
    const trial = all.find((subscription) => subscription.source === "trial" && subscription.state === "active");
    if (!paid || !trial) throw new Error("Contoso has an active paid subscription and a trial");
    const user = await admin.createPerson("BA Dialogs");

    await signInAs(page, CONTOSO.admin);
    const main = page.getByRole("main");
    const addVisio = page.getByRole("dialog", { name: `Add licenses to ${visio.displayName}` });

    await test.step("Billing: Buy a subscription and Start a free trial", async () => {
      await nav(page).getByRole("link", { name: "Billing", exact: true }).click();
      const buy = main.getByRole("button", { name: "Buy a subscription" });
      await buy.click();
      await expectKeyboardDialog(page, page.getByRole("dialog", { name: "Buy a subscription" }), buy);
      const trialButton = main.getByRole("button", { name: "Start a free trial" });
      await trialButton.click();
      await expectKeyboardDialog(page, page.getByRole("dialog", { name: "Start a free trial" }), trialButton);
    });

    await test.step("a subscription: Add or remove seats, Cancel subscription", async () => {
      await page.goto(`/t/${admin.tenantId}/billing/subscriptions/${paid.id}`);
      const seats = main.getByRole("button", { name: "Add or remove seats" });
      await seats.click();
      await expectKeyboardDialog(
        page,
        page.getByRole("dialog", { name: `Add or remove seats of ${paid.productName}` }),
        seats,
      );
      const cancel = main.getByRole("button", { name: "Cancel subscription" });
      await cancel.click();
      await expectKeyboardDialog(page, page.getByRole("alertdialog", { name: `Cancel ${paid.productName}?` }), cancel);
    });

    await test.step("a subscription that does not renew: Renew now", async () => {
      const powerBi = await admin.sku(POWER_BI_PRO);
      const { subscription } = await admin.send<BillingResult>("POST", "subscriptions", {
        skuId: powerBi.skuId,
        seats: 1,
        billingTerm: "monthly",
        autoRenew: false,
      });
      await page.goto(`/t/${admin.tenantId}/billing/subscriptions/${subscription.id}`);
      const renew = main.getByRole("button", { name: "Renew", exact: true });
      await renew.click();
      await expectKeyboardDialog(page, page.getByRole("dialog", { name: `Renew ${powerBi.displayName}` }), renew);
    });

    await test.step("a trial: Convert to paid", async () => {
      await page.goto(`/t/${admin.tenantId}/billing/subscriptions/${trial.id}`);
      const convert = main.getByRole("button", { name: "Convert to paid" });
      await convert.click();
      await expectKeyboardDialog(
        page,
        page.getByRole("dialog", { name: `Convert the ${trial.productName} trial to a paid subscription` }),
        convert,
      );
    });

    await test.step("a link to buy more of a product that only has a trial: Convert to paid", async () => {
      await page.goto(`/t/${admin.tenantId}/billing?buy=${trial.skuId}&seats=2`);
      await expectKeyboardDialog(
        page,
        page.getByRole("dialog", { name: `Convert the ${trial.productName} trial to a paid subscription` }),
        main,
      );
    });

    await test.step("a link to Renew", async () => {
      await page.goto(`/t/${admin.tenantId}/billing?renew=${paid.id}`);
      await expectKeyboardDialog(page, page.getByRole("dialog", { name: `Renew ${paid.productName}` }), main);
    });

    await test.step("a user's licenses: Buy more licenses", async () => {
      await page.goto(`/t/${admin.tenantId}/users?user=${user.id}`);
      const panel = page.getByRole("dialog", { name: user.displayName });
      await selectTab(panel.getByRole("tab", { name: "Licenses and apps" }));
      await (await buyMoreLink(panel, visio.displayName)).click();
      await expectKeyboardDialog(page, addVisio, main);
    });

    await test.step("a product page: Buy more seats in Assign licenses", async () => {
      await page.goto(`/t/${admin.tenantId}/licenses/${visio.skuId}`);
      await main.getByRole("button", { name: "Assign licenses", exact: true }).click();
      await page
        .getByRole("dialog", { name: `Assign ${visio.displayName}` })
        .getByRole("link", { name: "Buy more seats" })
        .click();
      await expectKeyboardDialog(page, addVisio, main);
    });

    await test.step("a request approval without a seat: Buy seats", async () => {
      const maker = await admin.createPerson("BA Requester", { password: PASSWORD });
      const makerApi = new BillingApi(request);
      await makerApi.signIn(maker.email, CONTOSO.domain);
      const { id: requestId } = await makerApi.send<LicenseRequest>("POST", "licenseRequests", { skuId: visio.skuId });
      await admin.signIn(CONTOSO.admin, CONTOSO.domain);
      await page.goto(`/t/${admin.tenantId}/requests`);
      await main
        .getByRole("row", { name: new RegExp(maker.displayName) })
        .getByRole("button", { name: `Approve ${maker.displayName}'s request for ${visio.displayName}` })
        .click();
      const approve = page.getByRole("dialog", { name: `Approve ${maker.displayName}'s request` });
      await approve.getByRole("button", { name: "Approve", exact: true }).click();
      await approve.getByRole("link", { name: "Buy seats" }).click();
      await expectKeyboardDialog(page, addVisio, main);
      // Leave no pending request behind for the specs after this one.
      await admin.send("POST", `licenseRequests/${requestId}/deny`, { reason: "Visio is full." });
    });

    await test.step("Manage product licenses: Buy more", async () => {
      await nav(page).getByRole("link", { name: "Users", exact: true }).click();
      await page.getByRole("searchbox", { name: "Search active users" }).fill(user.displayName);
      const grid = page.getByRole("grid", { name: "Active users" });
      await expect(grid.getByRole("row")).toHaveCount(2);
      await grid.getByRole("checkbox", { name: "Select all users on this list" }).check();
      await page.getByRole("button", { name: "Manage product licenses" }).click();
      const manage = page.getByRole("dialog", { name: "Manage product licenses" });
      await (await buyMoreLink(manage, visio.displayName, "Buy more")).click();
      await expectKeyboardDialog(page, addVisio, main);
    });
  });

  // The defect this guards: opened from here, the Buy dialog was visible but hidden from screen readers, focus stayed
  // behind it and Escape did nothing.
  test("the conflicts page's Buy seats opens Add licenses, exposed and keyboard-operable", async ({
    page,
    request,
  }) => {
    const fabrikam = new BillingApi(request);
    await fabrikam.signIn("admin@fabrikam.test", "fabrikam.test");
    const powerBi = await fabrikam.sku(POWER_BI_PRO);
    const { value: conflicts } = await fabrikam.send<{ value: LicenseConflictReport[] }>("GET", "licenseConflicts");
    const shortfall = conflicts.find((conflict) => conflict.skuId === powerBi.skuId)?.shortfall ?? 0;
    expect(shortfall).toBeGreaterThan(1);
    await signInAs(page, "admin@fabrikam.test");
    const main = page.getByRole("main");
    await page.goto(`/t/${fabrikam.tenantId}/licenses/conflicts`);
    await main.getByRole("link", { name: `Buy ${shortfall} seats` }).click();
    const dialog = page.getByRole("dialog", { name: `Add licenses to ${powerBi.displayName}` });
    await expect(dialog.getByRole("spinbutton", { name: "Licenses to add" })).toHaveValue(String(shortfall));
    await expect(dialog.getByRole("region", { name: "Price" }).getByRole("status")).toHaveText(/^Billed now: €/);
    await expectKeyboardDialog(page, dialog, main);
    await expect(page).not.toHaveURL(/buy=/);
  });
});
