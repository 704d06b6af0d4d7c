import type { Problem, Subscription } from "@allot/contracts";
import type { APIResponse, Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { CONTOSO, expect, nav, PASSWORD, shot, signInAs, switchUser, TenantApi, test } from "./fixtures";

// Microsoft 365 Business Standard is full in Contoso (25 of 25), so a maker buying seats of their own is the
// realistic way to get it; no other spec counts its seats. The people here are this spec's own ("SS " names).
const PRODUCT = "Microsoft 365 Business Standard";
const PRODUCT_PART = "O365_BUSINESS_PREMIUM";

/** TenantApi plus the calls only this spec makes. */
class SelfServiceApi extends TenantApi {
  async ownedBy(userId: string): Promise<Subscription> {
    const { value } = await this.send<{ value: Subscription[] }>("GET", "subscriptions");
    const owned = value.filter((subscription) => subscription.owner?.id === userId);
    expect(owned).toHaveLength(1);
    return owned[0] as Subscription;
  }

  /** Assigns one product and answers the response as it is: the admin's attempt may be refused. */
  tryAssign(userId: string, skuId: string): Promise<APIResponse> {
    return this.raw("POST", `users/${userId}/assignLicense`, {
      addLicenses: [{ skuId, disabledPlans: [] }],
      removeLicenses: [],
    });
  }

  async setSelfService(skuId: string, enabled: boolean): Promise<void> {
    await this.send("PUT", `selfService/policies/${skuId}`, { enabled });
  }
}

function pricingCard(page: Page) {
  return page.getByRole("region", { name: "Licenses for people" }).getByRole("region", { name: PRODUCT });
}

function boughtCard(page: Page) {
  return page.getByRole("region", { name: "Subscriptions you bought" }).getByRole("region", { name: PRODUCT });
}

test("a maker buys seats for themself and gives one away, then an admin takes the subscription over", async ({
  page,
  request,
}) => {
  const api = new SelfServiceApi(request);
  await api.signIn(CONTOSO.admin, CONTOSO.domain);
  const maker = await api.createPerson("SS Maker", { password: PASSWORD });
  const colleague = await api.createPerson("SS Colleague", { password: PASSWORD });
  const third = await api.createPerson("SS Third", { password: PASSWORD });
  const { skuId } = await api.sku(PRODUCT_PART);
  await api.setSelfService(skuId, true);

  // The maker buys 3 seats with Buy now: the quote shows first, a declined card is refused, a good one pays.
  await signInAs(page, maker.email);
  await nav(page).getByRole("link", { name: "Products and pricing" }).click();
  const card = pricingCard(page);
  await card.getByRole("button", { name: "Buy now" }).click();
  const dialog = page.getByRole("dialog", { name: `Buy ${PRODUCT}` });
  const seats = dialog.getByRole("spinbutton", { name: "Number of seats" });
  await seats.fill("3");
  await seats.press("Tab");
  const total = dialog.getByRole("region", { name: "To pay now" });
  await expect(total).toContainText("Total: €35.10");
  const pay = dialog.getByRole("button", { name: "Pay €35.10" });
  await expect(pay).toBeEnabled();
  await expect(dialog).toContainText("4242 4242 4242 4242 works");
  await dialog.getByRole("textbox", { name: "Card number" }).fill("4000 0000 0000 0002");
  await dialog.getByRole("textbox", { name: "Expiry month" }).fill("12");
  await dialog.getByRole("textbox", { name: "Expiry year" }).fill("2030");
  await dialog.getByRole("textbox", { name: "Security code (CVC)" }).fill("123");
  await dialog.getByRole("textbox", { name: "Name on card" }).fill(maker.displayName);
  await expectNoSeriousA11yViolations(page, { include: "[role=dialog]" });
  await shot(page, "buy-dialog");
  await pay.click();
  await expect(dialog.getByText("The card was declined. Use another card or ask your admin.")).toBeVisible();
  await dialog.getByRole("textbox", { name: "Card number" }).fill("4242 4242 4242 4242");
  await pay.click();
  const done = page.getByRole("dialog", { name: "Thank you for your purchase" });
  await expect(done.getByRole("status")).toContainText(
    `You bought 3 seats of ${PRODUCT}. One is assigned to you; assign the others from My licenses.`,
  );
  await done.getByRole("button", { name: "Done" }).click();
  await expect(done).toBeHidden();
  await expect(card.getByText("You have this")).toBeVisible();

  const bought = await api.ownedBy(maker.id);
  expect(bought).toMatchObject({ seats: 3, source: "selfService", adminAssignable: false, takenOverAt: null });
  expect(await api.holds(maker.id, skuId)).toBe(true);

  // My licenses: the subscription, and a seat given to a colleague with the people picker.
  await nav(page).getByRole("link", { name: "My account" }).click();
  const subscription = boughtCard(page);
  await expect(subscription).toContainText("3 seats, 1 in use");
  await expect(subscription.getByRole("table", { name: "People with a seat" })).toContainText(
    `${maker.displayName} (you)`,
  );
  await expect(subscription).toContainText("Paid by card ending in 4242");

  await subscription.getByRole("button", { name: "Assign seats" }).click();
  const assign = page.getByRole("dialog", { name: `Assign seats of ${PRODUCT}` });
  await expect(assign).toContainText("2 seats free");
  const picker = assign.getByRole("combobox", { name: "People" });
  await picker.click();
  await picker.pressSequentially(colleague.displayName);
  await page.getByRole("option", { name: new RegExp(colleague.displayName) }).click();
  await expectNoSeriousA11yViolations(page, { include: "[role=dialog]" });
  await assign.getByRole("button", { name: "Assign 1 seat" }).click();
  await expect(assign).toBeHidden();
  await expect(subscription.getByRole("table", { name: "People with a seat" })).toContainText(colleague.displayName);
  await expect(subscription).toContainText("3 seats, 2 in use");
  await expectNoSeriousA11yViolations(page);
  await shot(page, "my-subscription", { fullPage: true });
  expect(await api.holds(colleague.id, skuId)).toBe(true);

  // The buyer changes the seats: one more (prorated charge shown first), then back to three (the credit shown).
  for (const [seats, price] of [
    [4, /You pay €[\d.,]+ now for the rest of this term\./],
    [3, /You get €[\d.,]+ back for the rest of this term\./],
  ] as const) {
    await subscription.getByRole("button", { name: "Change seats" }).click();
    const change = page.getByRole("dialog", { name: `Change seats of ${PRODUCT}` });
    const field = change.getByRole("spinbutton", { name: "Seats" });
    await field.fill(String(seats));
    await field.press("Tab");
    await expect(change).toContainText(price);
    await change.getByRole("button", { name: `Change to ${seats} seats` }).click();
    await expect(change).toBeHidden();
    await expect(subscription).toContainText(`${seats} seats, 2 in use`);
  }

  // Admins cannot assign from the maker's subscription yet: its free seat is not theirs to give.
  const before = await api.sku(PRODUCT_PART);
  if (before.available === 0) {
    const refused = await api.tryAssign(third.id, skuId);
    expect(refused.status()).toBe(409);
    expect(["CountViolation", "SubscriptionNotUsable"]).toContain(((await refused.json()) as Problem).code);
  }

  // The billing admin opens Billing, the maker's subscription, and takes it over.
  await switchUser(page, CONTOSO.billingAdmin);
  await nav(page).getByRole("link", { name: "Billing" }).click();
  const row = page.getByRole("row").filter({ hasText: maker.displayName });
  await row.getByRole("link", { name: PRODUCT }).click();
  await expect(page.getByRole("heading", { level: 1, name: PRODUCT })).toBeVisible();
  const takeOver = page.getByRole("button", { name: "Take over", exact: true });
  await takeOver.click();
  await expect(takeOver).toBeHidden();
  const takenOver = await api.ownedBy(maker.id);
  expect(takenOver.takenOverAt).not.toBeNull();
  expect(takenOver.adminAssignable).toBe(true);

  // Now the admin can assign its free seat.
  expect((await api.sku(PRODUCT_PART)).available).toBe(before.available + 1);
  const assigned = await api.tryAssign(third.id, skuId);
  expect(assigned.status(), await assigned.text()).toBe(200);
  expect(await api.holds(third.id, skuId)).toBe(true);

  // The maker sees that the admin manages it now, with no actions left.
  await switchUser(page, maker.email);
  await page.goto(`/t/${api.tenantId}/account/licenses`);
  await expect(boughtCard(page)).toContainText(/Your admin took over this subscription on .+; they manage it now\./);
  await expect(boughtCard(page).getByRole("button")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test("with self-service turned off for a product, the maker's card offers a request instead of Buy now", async ({
  page,
  request,
}) => {
  const api = new SelfServiceApi(request);
  await api.signIn(CONTOSO.admin, CONTOSO.domain);
  const maker = await api.createPerson("SS Policy", { password: PASSWORD });
  const { skuId } = await api.sku(PRODUCT_PART);

  await signInAs(page, maker.email);
  await page.goto(`/t/${api.tenantId}/pricing`);
  const card = pricingCard(page);
  await expect(card.getByRole("button", { name: "Buy now" })).toBeVisible();
  await expect(card.getByRole("button", { name: "Request from my admin" })).toBeVisible();

  await api.setSelfService(skuId, false);
  try {
    await page.reload();
    await expect(card.getByRole("button", { name: "Request from my admin" })).toBeVisible();
    await expect(card.getByRole("button", { name: "Buy now" })).toHaveCount(0);
    await expect(card).toContainText("You can't buy this yourself here. Request it from your admin.");
    await expectNoSeriousA11yViolations(page);
  } finally {
    await api.setSelfService(skuId, true);
  }
  await page.reload();
  await expect(card.getByRole("button", { name: "Buy now" })).toBeVisible();
});
