import type { LicenseRequestPage, PricingProduct, Problem } from "@allot/contracts";
import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { CONTOSO, expect, nav, PASSWORD, shot, signInAs, switchUser, TenantApi, test } from "./fixtures";

// Each test makes its own maker ("RQ " names, member role, usage location set), so reruns and other specs never
// collide. Power Automate Premium is a trial with free seats in Contoso: approving takes one of them.
const PRODUCT = "Power Automate Premium";
const PRODUCT_PART = "POWERAUTOMATE_ATTENDED_RPA";

/** TenantApi plus the calls only this spec makes. */
class RequestsApi extends TenantApi {
  async skuId(partNumber: string): Promise<string> {
    const { value } = await this.send<{ value: PricingProduct[] }>("GET", "pricing");
    const product = value.find((candidate) => candidate.skuPartNumber === partNumber);
    if (!product) throw new Error(`no ${partNumber} on the pricing page`);
    return product.skuId;
  }

  async pendingCount(): Promise<number> {
    return (await this.send<LicenseRequestPage>("GET", "licenseRequests?status=pending&limit=1")).total;
  }
}

function productCard(page: Page) {
  return page.getByRole("region", { name: "Licenses for people" }).getByRole("region", { name: PRODUCT });
}

test("a maker requests Power Automate Premium and an admin approves it", async ({ page, request }) => {
  const api = new RequestsApi(request);
  await api.signIn(CONTOSO.admin, CONTOSO.domain);
  const maker = await api.createPerson("RQ Approve", { password: PASSWORD });
  const skuId = await api.skuId(PRODUCT_PART);
  expect(await api.skusOf(maker.id)).not.toContain(skuId);

  // The maker asks for it on Products and pricing, with a message.
  await signInAs(page, maker.email);
  await nav(page).getByRole("link", { name: "Products and pricing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Products and pricing" })).toBeVisible();
  const card = productCard(page);
  await expect(card.getByText("€14.00")).toBeVisible();
  await card.getByRole("button", { name: /What's included/ }).click();
  await expectNoSeriousA11yViolations(page);
  await shot(page, "pricing", { fullPage: true });

  await card.getByRole("button", { name: "Request from my admin" }).click();
  const dialog = page.getByRole("dialog", { name: `Request ${PRODUCT}` });
  await dialog.getByRole("textbox", { name: /Message to your admin/ }).fill("I automate our invoice approvals.");
  await expect(dialog.getByText("33 of 1000 characters")).toBeVisible();
  await expectNoSeriousA11yViolations(page, { include: "[role=dialog]" });
  await shot(page, "request-dialog");
  await dialog.getByRole("button", { name: "Send request" }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByText("Request pending")).toBeVisible();
  await expect(card.getByRole("button", { name: "Request from my admin" })).toBeHidden();

  // My licenses lists it as pending.
  await nav(page).getByRole("link", { name: "My account" }).click();
  const requests = page.getByRole("table", { name: "Your requests" });
  await expect(requests.getByRole("row", { name: new RegExp(`${PRODUCT}.*Pending`) })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The admin sees the badge, opens Requests and approves.
  const pending = await api.pendingCount();
  expect(pending).toBeGreaterThan(0);
  await switchUser(page, CONTOSO.admin);
  const requestsLink = nav(page).getByRole("link", { name: `Requests, ${pending} pending` });
  await expect(requestsLink).toBeVisible();
  await requestsLink.click();
  await expect(page.getByRole("heading", { level: 1, name: "Requests" })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(maker.displayName) });
  await expect(row).toContainText("I automate our invoice approvals.");
  await expectNoSeriousA11yViolations(page);
  await shot(page, "requests", { fullPage: true });
  await row.getByRole("button", { name: `Approve ${maker.displayName}'s request for ${PRODUCT}` }).click();
  const approve = page.getByRole("dialog", { name: `Approve ${maker.displayName}'s request` });
  await expect(approve.getByText(new RegExp(`${PRODUCT}: \\d+ seats? left`))).toBeVisible();
  await expectNoSeriousA11yViolations(page, { include: "[role=dialog]" });
  await approve.getByRole("button", { name: "Approve" }).click();
  await expect(approve).toBeHidden();
  await expect(row).toBeHidden();
  expect(await api.skusOf(maker.id)).toContain(skuId);
  await expect(nav(page).getByRole("link", { name: /^Requests/ })).toHaveAccessibleName(
    pending > 1 ? `Requests, ${pending - 1} pending` : "Requests",
  );

  // The maker now has the license, and the request says Approved.
  await switchUser(page, maker.email);
  await nav(page).getByRole("link", { name: "My account" }).click();
  const license = page.getByRole("region", { name: "Your licenses" }).getByRole("region", { name: PRODUCT });
  await expect(license).toContainText("Active");
  await expect(license).toContainText("Assigned to you directly");
  await expect(
    page.getByRole("table", { name: "Your requests" }).getByRole("row", { name: new RegExp(`${PRODUCT}.*Approved`) }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await shot(page, "my-licenses", { fullPage: true });
});

test("an admin denies a request with a reason and the requester sees why", async ({ page, request }) => {
  const api = new RequestsApi(request);
  await api.signIn(CONTOSO.admin, CONTOSO.domain);
  const maker = await api.createPerson("RQ Deny", { password: PASSWORD });
  const skuId = await api.skuId(PRODUCT_PART);
  // The maker's request, sent through the API with the maker's own session.
  const makerApi = new RequestsApi(request);
  await makerApi.signIn(maker.email, CONTOSO.domain);
  await makerApi.send("POST", "licenseRequests", { skuId, message: "For the sales flows." });

  await signInAs(page, CONTOSO.admin);
  await nav(page)
    .getByRole("link", { name: /^Requests, \d+ pending$/ })
    .click();
  const row = page.getByRole("row", { name: new RegExp(maker.displayName) });
  await row.getByRole("button", { name: `Deny ${maker.displayName}'s request for ${PRODUCT}` }).click();
  const deny = page.getByRole("dialog", { name: `Deny ${maker.displayName}'s request` });
  // A reason is required.
  await deny.getByRole("button", { name: "Deny" }).click();
  await expect(deny.getByText("Enter a reason.")).toBeVisible();
  await deny.getByRole("textbox", { name: "Reason" }).fill("Use the shared flow account instead.");
  await expectNoSeriousA11yViolations(page, { include: "[role=dialog]" });
  await deny.getByRole("button", { name: "Deny" }).click();
  await expect(deny).toBeHidden();
  await expect(row).toBeHidden();

  // In All, the decision shows with its reason.
  await page.getByRole("tab", { name: "All" }).click();
  const decided = page.getByRole("row", { name: new RegExp(maker.displayName) });
  await expect(decided).toContainText("Denied");
  await expect(decided).toContainText("Use the shared flow account instead.");

  await switchUser(page, maker.email);
  await page.goto(`/t/${api.tenantId}/account/licenses`);
  const mine = page.getByRole("table", { name: "Your requests" }).getByRole("row", { name: new RegExp(PRODUCT) });
  await expect(mine).toContainText("Denied");
  await expect(mine).toContainText("Reason: Use the shared flow account instead.");
  await api.signIn(CONTOSO.admin, CONTOSO.domain);
  expect(await api.skusOf(maker.id)).not.toContain(skuId);
});

test("a second pending request for the same product is refused", async ({ page, request }) => {
  const api = new RequestsApi(request);
  await api.signIn(CONTOSO.admin, CONTOSO.domain);
  const maker = await api.createPerson("RQ Duplicate", { password: PASSWORD });
  const skuId = await api.skuId(PRODUCT_PART);

  // The pricing page is open; meanwhile the same maker requests the product elsewhere (another tab).
  await signInAs(page, maker.email);
  await page.goto(`/t/${api.tenantId}/pricing`);
  const card = productCard(page);
  await expect(card.getByRole("button", { name: "Request from my admin" })).toBeVisible();
  const makerApi = new RequestsApi(request);
  await makerApi.signIn(maker.email, CONTOSO.domain);
  await makerApi.send("POST", "licenseRequests", { skuId });
  const again = await makerApi.raw("POST", "licenseRequests", { skuId });
  expect(again.status()).toBe(409);
  expect(((await again.json()) as Problem).code).toBe("DuplicateRequest");

  await card.getByRole("button", { name: "Request from my admin" }).click();
  const dialog = page.getByRole("dialog", { name: `Request ${PRODUCT}` });
  await dialog.getByRole("button", { name: "Send request" }).click();
  await expect(dialog.getByRole("alert")).toContainText("You already have a pending request for this product.");
  await expectNoSeriousA11yViolations(page, { include: "[role=dialog]" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  // The page caught up: the product shows the pending request.
  await expect(card.getByText("Request pending")).toBeVisible();

  // Withdrawing it from My licenses lets the maker ask again.
  await page.goto(`/t/${api.tenantId}/account/licenses`);
  await page.getByRole("button", { name: `Withdraw your request for ${PRODUCT}` }).click();
  await expect(
    page.getByRole("table", { name: "Your requests" }).getByRole("row", { name: new RegExp(`${PRODUCT}.*Withdrawn`) }),
  ).toBeVisible();
});
