import type { APIRequestContext } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, signIn, TenantApi, tallShot, test } from "./fixtures";

/** A change for the Recent changes widget to show: a user added through the API (name prefix unique to this spec). */
async function addUser(request: APIRequestContext): Promise<{ tenantId: string }> {
  const admin = new TenantApi(request);
  await admin.signIn("admin@contoso.test", "contoso.test");
  await admin.createPerson("HOME Recent");
  return { tenantId: admin.tenantId };
}

test("a global admin sees seats, conflicts, pending requests and recent changes on Home", async ({ page, request }) => {
  const { tenantId } = await addUser(request);
  const contoso = { id: tenantId };
  await signIn(page, "admin@contoso.test");
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
  await page.goto(`/t/${contoso.id}`);
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();

  const seats = page.getByRole("region", { name: "Seats per product" });
  await expect(seats.getByRole("progressbar").first()).toBeVisible();
  await expect(seats.getByText(/^\d+ of \d+ used/).first()).toBeVisible();
  await expect(seats.getByRole("link", { name: "Go to Licenses" })).toBeVisible();

  const conflicts = page.getByRole("region", { name: "License conflicts" });
  await expect(conflicts.getByRole("link", { name: "Go to license conflicts" })).toBeVisible();

  const requests = page.getByRole("region", { name: "Pending license requests" });
  await expect(requests.getByText(/waiting for approval/)).toBeVisible();
  await expect(requests.getByRole("link", { name: "Go to requests" })).toHaveAttribute(
    "href",
    `/t/${contoso.id}/requests`,
  );

  const recent = page.getByRole("region", { name: "Recent changes" });
  await expect(recent.getByRole("listitem").filter({ hasText: "User added" }).first()).toContainText("Megan Bowen");
  await expect(recent.getByRole("link", { name: "Go to the audit log" })).toBeVisible();

  // The directory counts and the roles card stay.
  await expect(page.getByRole("heading", { name: "Your roles here" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Active users" })).toBeVisible();
  await tallShot(page, "home-admin");
  await expectNoSeriousA11yViolations(page);
});

test("a billing admin sees seats but neither pending requests nor recent changes", async ({ page, api }) => {
  const contoso = await api.tenant("billing@contoso.test", "contoso.test");
  await signIn(page, "billing@contoso.test");
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
  await page.goto(`/t/${contoso.id}`);
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();

  await expect(page.getByRole("region", { name: "Seats per product" }).getByRole("progressbar").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "License conflicts" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Pending license requests" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Recent changes" })).toHaveCount(0);
  await tallShot(page, "home-billing");
  await expectNoSeriousA11yViolations(page);
});

test("Home speaks Dutch", async ({ page, api }) => {
  const contoso = await api.tenant("admin@contoso.test", "contoso.test");
  await signIn(page, "admin@contoso.test");
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
  await page.addInitScript(() => window.localStorage.setItem("allot.language", "nl"));
  await page.goto(`/t/${contoso.id}`);
  await expect(page.getByRole("region", { name: "Licenties per product" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Openstaande licentieaanvragen" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Recente wijzigingen" })).toBeVisible();
  await tallShot(page, "home-nl");
});
