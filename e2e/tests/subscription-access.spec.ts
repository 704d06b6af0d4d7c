import type { BillingResult, LicenseConflictReport, PricingProduct, Subscription } from "@allot/contracts";
import { expectNoSeriousA11yViolations } from "./axe";
import { CONTOSO, expect, shot, signInAs, TenantApi, test } from "./fixtures";

// Who loses access when a subscription ends, as admins see it: counted from the product's holders and its other
// subscriptions (nobody affected → no alarm), and an expired subscription as a license conflict from the day it
// expires (seed 002). Contoso's Power BI Pro gets a 2-seat subscription of this spec's own, cancelled again; Fabrikam
// gets a Power Automate trial of its own, cancelled (expired, in grace) and left with nobody on it.

const FABRIKAM = { domain: "fabrikam.test", admin: "admin@fabrikam.test" } as const;

/** The date as the admin center shows it in English (medium style, en-GB). */
const shownDate = (iso: string) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" }).format(new Date(iso));
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("cancelling spare seats: the dialog says nobody loses access, and Home and Billing raise no alarm", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const admin = new TenantApi(request);
  await admin.signIn(CONTOSO.admin, CONTOSO.domain);
  const pbi = await admin.sku("POWER_BI_PRO");
  expect(pbi.available).toBeGreaterThan(2);
  const { subscription } = await admin.send<BillingResult>("POST", "subscriptions", {
    skuId: pbi.skuId,
    seats: 2,
    billingTerm: "monthly",
  });

  await signInAs(page, CONTOSO.billingAdmin);
  await page.goto(`/t/${admin.tenantId}/billing/subscriptions/${subscription.id}`);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: pbi.displayName })).toBeVisible();
  await main.getByRole("button", { name: "Cancel subscription" }).click();
  const confirm = page.getByRole("alertdialog", { name: `Cancel ${pbi.displayName}?` });
  await expect(confirm.getByRole("region", { name: "Price" })).toContainText("Credited now");
  await expect(confirm).toContainText(
    "Nobody loses access: the product's other subscriptions have seats for everyone who holds it.",
  );
  await expect(confirm).not.toContainText("lose access to the product now");
  // The buttons say what they do: "Cancel" next to "Cancel subscription" would be a riddle.
  await expect(confirm.getByRole("button")).toHaveText(["Keep subscription", "Cancel subscription"]);
  await expectNoSeriousA11yViolations(page);
  await shot(page, "cancel-nobody-affected");
  await confirm.getByRole("button", { name: "Keep subscription" }).click();
  await expect(confirm).toBeHidden();
  expect((await admin.send<Subscription>("GET", `subscriptions/${subscription.id}`)).state).toBe("active");

  await main.getByRole("button", { name: "Cancel subscription" }).click();
  await confirm.getByRole("button", { name: "Cancel subscription" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText(`${pbi.displayName} was cancelled.`).first()).toBeVisible();
  const cancelled = await admin.send<Subscription>("GET", `subscriptions/${subscription.id}`);
  expect(cancelled).toMatchObject({ state: "disabled", holdersLosingAccess: 0 });
  // Its own page says it plainly, without an alarm.
  await expect(main.getByText(/Nobody lost access: the product's other subscriptions have seats/)).toBeVisible();

  // Billing: the list shows it disabled, but no banner claims people lost access.
  await page.goto(`/t/${admin.tenantId}/billing`);
  const subscriptions = main.getByRole("table", { name: "Subscriptions" });
  await expect(subscriptions.getByRole("link", { name: pbi.displayName }).first()).toBeVisible();
  await expect(main.getByText(`${pbi.displayName} is disabled`)).toHaveCount(0);
  await expect(main.getByText(/lost access/)).toHaveCount(0);

  // Home: no red banner either, once its data is in.
  await page.goto(`/t/${admin.tenantId}`);
  await expect(main.getByRole("heading", { name: "Seats per product" })).toBeVisible();
  await expect(main.getByText("Loading license conflicts…")).toHaveCount(0);
  await expect(main.getByText("Loading seats…")).toHaveCount(0);
  await expect(main.getByText(/lost access/)).toHaveCount(0);
  await expect(main.getByText(new RegExp(`Disabled: .*${escapeRegExp(pbi.displayName)}`))).toHaveCount(0);
});

test("an expired subscription is a license conflict from the day it expires: conflicts page, Home and the product", async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const admin = new TenantApi(request);
  await admin.signIn(FABRIKAM.admin, FABRIKAM.domain);
  const pricing = await admin.send<{ value: PricingProduct[] }>("GET", "pricing");
  const product = pricing.value.find((candidate) => candidate.skuPartNumber === "POWERAUTOMATE_ATTENDED_RPA");
  if (!product) throw new Error("no Power Automate in the catalog");
  const { subscription } = await admin.send<BillingResult>("POST", "trials", {
    skuId: product.skuId,
  });
  const holders = await admin.createUsers("SA Expired", 2);
  for (const holder of holders) await admin.assign(holder.id, product.skuId);

  // Cancelling the trial (nothing to credit) starts its 30 days of grace: the dialog says who loses access, and when.
  await signInAs(page, FABRIKAM.admin);
  const main = page.getByRole("main");
  await page.goto(`/t/${admin.tenantId}/billing/subscriptions/${subscription.id}`);
  await main.getByRole("button", { name: "Cancel subscription" }).click();
  const confirm = page.getByRole("alertdialog", { name: `Cancel ${product.displayName}?` });
  await expect(confirm).toContainText("2 people lose access to the product after 30 days");
  await confirm.getByRole("button", { name: "Cancel subscription" }).click();
  await expect(confirm).toBeHidden();
  expect((await admin.send<Subscription>("GET", `subscriptions/${subscription.id}`)).state).toBe("expired");

  const conflicts = (await admin.send<{ value: LicenseConflictReport[] }>("GET", "licenseConflicts")).value;
  const conflict = conflicts.find((candidate) => candidate.skuId === product.skuId);
  expect(conflict).toMatchObject({ kind: "expired", expiring: 2 });
  const accessEnds = shownDate(conflict?.accessEndsAt ?? "");
  const expiredSentence = `2 users hold ${product.displayName} on an expired subscription: they lose access on ${accessEnds} unless you renew it.`;

  // The conflicts page lists it at once, with the fix (a trial is converted) and the date access ends.
  await page.goto(`/t/${admin.tenantId}/licenses/conflicts`);
  const card = main.getByRole("group", { name: product.displayName });
  await expect(card).toContainText(expiredSentence);
  const longDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(conflict?.accessEndsAt ?? ""),
  );
  await expect(card).toContainText(`Renew by ${longDate} (30 days left). After that everyone on it loses access.`);
  await expect(card.getByRole("link", { name: "Convert to paid" })).toHaveAttribute(
    "href",
    `/t/${admin.tenantId}/billing/subscriptions/${subscription.id}`,
  );
  const table = card.getByRole("table", { name: `People who hold ${product.displayName}` });
  const sku = (await admin.subscribedSkus()).find((candidate) => candidate.skuId === product.skuId);
  expect(sku).toMatchObject({ conflicts: 0, expiring: 2 });
  for (const holder of holders) {
    await expect(table.getByRole("row", { name: new RegExp(escapeRegExp(holder.displayName)) })).toContainText("Never");
  }
  await expectNoSeriousA11yViolations(page);
  await shot(page, "conflicts-expired", { fullPage: true });

  // Home shows it too, with the date and the fix.
  await page.goto(`/t/${admin.tenantId}`);
  await expect(main.getByText(`${product.displayName} has expired`, { exact: true })).toBeVisible();
  await expect(main.getByText(expiredSentence)).toBeVisible();
  await expect(main.getByRole("link", { name: "Convert to paid" })).toBeVisible();
  await expect(main.getByText("2 users on expired subscriptions, losing access unless they are renewed")).toBeVisible();

  // And the product's page.
  await page.goto(`/t/${admin.tenantId}/licenses/${product.skuId}`);
  await expect(main.getByRole("heading", { level: 1, name: product.displayName })).toBeVisible();
  await expect(main.getByText(expiredSentence)).toBeVisible();
  await expect(main.getByRole("link", { name: "Convert to paid" })).toBeVisible();

  // Licenses counts it among the conflicts, as the conflicts page does.
  await page.goto(`/t/${admin.tenantId}/licenses`);
  await expect(main.getByRole("button", { name: `License conflicts (${conflicts.length})` })).toBeVisible();

  // Nobody on it any more: the conflict is gone and nothing warns about the expired trial.
  for (const holder of holders) {
    await admin.send("POST", `users/${holder.id}/assignLicense`, { addLicenses: [], removeLicenses: [product.skuId] });
  }
  const after = (await admin.send<{ value: LicenseConflictReport[] }>("GET", "licenseConflicts")).value;
  expect(after.find((candidate) => candidate.skuId === product.skuId)).toBeUndefined();
});

test("conflict holders show their own license dates and last sign-in, to pick the newest or the inactive", async ({
  page,
  request,
}) => {
  const admin = new TenantApi(request);
  await admin.signIn(FABRIKAM.admin, FABRIKAM.domain);
  // Fabrikam's Power BI Pro is seeded in conflict; a spec before this one may have fixed it: then one seat is cut
  // (accepting the conflict) and given back at the end.
  let pbi = await admin.sku("POWER_BI_PRO");
  let restore: (() => Promise<unknown>) | null = null;
  if (pbi.conflicts === 0) {
    const { value } = await admin.send<{ value: Subscription[] }>("GET", "subscriptions");
    const own = value.find((candidate) => candidate.skuId === pbi.skuId && candidate.state === "active");
    if (!own) throw new Error("Fabrikam has no active Power BI Pro subscription");
    await admin.send("POST", `subscriptions/${own.id}/changeSeats`, { seats: own.seats - 1, acceptConflict: true });
    restore = () => admin.send("POST", `subscriptions/${own.id}/changeSeats`, { seats: own.seats });
    pbi = await admin.sku("POWER_BI_PRO");
  }
  expect(pbi.conflicts).toBeGreaterThan(0);
  await signInAs(page, FABRIKAM.admin);
  await page.goto(`/t/${admin.tenantId}/licenses/conflicts`);
  const table = page.getByRole("table", { name: `People who hold ${pbi.displayName}` });
  await expect(table.getByRole("columnheader", { name: "Last sign-in" })).toBeVisible();
  const headers = await table.getByRole("columnheader").allTextContents();
  const licensedColumn = headers.indexOf("Licensed on");
  const signInColumn = headers.indexOf("Last sign-in");
  const rows = table.getByRole("rowgroup").nth(1).getByRole("row");
  await expect(rows).toHaveCount(pbi.consumedUnits);
  const cells = async (column: number) =>
    (await rows.all()).map(async (row) => (await row.getByRole("cell").nth(column).textContent()) ?? "");
  const licensed = await Promise.all(await cells(licensedColumn));
  const signedIn = await Promise.all(await cells(signInColumn));
  // Each holder was licensed on a day of their own, the newest first, and their last sign-in tells the inactive.
  expect(new Set(licensed).size).toBeGreaterThan(1);
  expect(signedIn.every((text) => text.length > 0)).toBe(true);
  expect(new Set(signedIn).size).toBeGreaterThan(1);
  await restore?.();
});

test("a full product's usage bar has the same colour on Home and on Licenses", async ({ page, request }) => {
  const admin = new TenantApi(request);
  await admin.signIn(CONTOSO.admin, CONTOSO.domain);
  // The first full product Home shows (its five with the most holders), with no conflict: nothing left to assign.
  const onHome = (await admin.subscribedSkus())
    .filter((sku) => sku.appliesTo === "User")
    .sort((a, b) => b.consumedUnits - a.consumedUnits || a.displayName.localeCompare(b.displayName))
    .slice(0, 5);
  const full = onHome.find((sku) => sku.available === 0 && sku.conflicts === 0 && sku.consumedUnits > 0);
  if (!full) throw new Error("no full product on Home");

  await signInAs(page, CONTOSO.admin);
  const main = page.getByRole("main");
  const fill = (bar: ReturnType<typeof main.getByRole>) =>
    bar.evaluate((element) => {
      const inner = element.firstElementChild ?? element;
      return getComputedStyle(inner).backgroundColor;
    });
  await page.goto(`/t/${admin.tenantId}`);
  const homeBar = main.getByRole("progressbar", { name: full.displayName, exact: true });
  await expect(homeBar).toBeVisible();
  const homeColour = await fill(homeBar);

  await page.goto(`/t/${admin.tenantId}/licenses`);
  const licensesBar = main.getByRole("progressbar", { name: new RegExp(`^${escapeRegExp(full.displayName)}: `) });
  await expect(licensesBar.first()).toBeVisible();
  expect(await fill(licensesBar.first())).toBe(homeColour);
});
