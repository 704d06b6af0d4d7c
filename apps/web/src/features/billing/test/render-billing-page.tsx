import type { BillingResult, Me, PricingProduct, Quote } from "@allot/contracts";
import type { TenantRole } from "@allot/domain";
import type { ComponentType } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { vi } from "vitest";
import { useCurrentTenant } from "@/lib/tenant";
import { renderInApp } from "@/test/render";
import { billingChangeTexts, billingTexts } from "../texts";

export const TENANT = "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";
export const POWER_BI_SKU = "f30db892-07e9-47e9-837c-80727f46fd3d";
export const PROCESS_SKU = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
export const E3_SKU = "05e9a617-0261-4cee-bb44-138d3ef5d965";
const NOW = "2026-03-01T00:00:00.000Z";

function product(skuId: string, skuPartNumber: string, displayName: string, kind: "user" | "capacity") {
  return {
    skuId,
    skuPartNumber,
    displayName,
    kind,
    pricePerSeatMonthCents: 1000,
    pricePerSeatYearCents: 12000,
    currency: "EUR",
    servicePlans: [],
    trialDays: 30,
    trialAvailable: false,
    selfServicePurchase: false,
    licensed: false,
    pendingRequestId: null,
    trialSignUpOnly: false,
    trialSignUpAvailable: false,
  } satisfies PricingProduct;
}

export const PRODUCTS: PricingProduct[] = [
  product(E3_SKU, "SPE_E3", "Microsoft 365 E3", "user"),
  product(POWER_BI_SKU, "POWER_BI_PRO", "Power BI Pro", "user"),
  product(PROCESS_SKU, "POWERAUTOMATE_PROCESS", "Power Automate Process", "capacity"),
];

export const QUOTE: Quote = {
  kind: "purchase",
  amountCents: 3000,
  currency: "EUR",
  lines: [],
  daysLeft: null,
  termDays: null,
  shortfall: 0,
};

export const BOUGHT: BillingResult = {
  subscription: {
    id: "44444444-5555-4666-8777-888888888888",
    skuId: PROCESS_SKU,
    skuPartNumber: "POWERAUTOMATE_PROCESS",
    productName: "Power Automate Process",
    seats: 3,
    state: "active",
    capabilityStatus: "Enabled",
    source: "admin",
    owner: null,
    takenOverAt: null,
    adminAssignable: true,
    assignedBySubscriptionOwner: 0,
    holdersLosingAccess: 0,
    autoRenew: true,
    billingTerm: "monthly",
    termStartsAt: NOW,
    termEndsAt: NOW,
    stateChangedAt: NOW,
    nextLifecycleAt: NOW,
    cancelledAt: null,
    paymentProvider: "invoice",
    cardLast4: null,
    pricePerSeatMonthCents: 1000,
    pricePerSeatTermCents: 1000,
    currency: "EUR",
    createdAt: NOW,
  },
  order: null,
  invoice: null,
};

function meWith(roles: TenantRole[]): Me {
  return {
    user: {
      id: "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
      tenantId: TENANT,
      displayName: "Pat Admin",
      email: "pat@contoso.test",
      preferredLanguage: null,
      passwordChangeRequired: false,
    },
    tenants: [{ id: TENANT, name: "Contoso", domain: "contoso.test", kind: "customer", access: "member", roles }],
    csrfToken: "token",
  };
}

/** Stubs fetch: /api/me with `roles`, the pricing, a quote and a purchase. Returns the mock to read calls from. */
export function stubBillingApi(roles: TenantRole[]) {
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const url = String(input);
    if (url === "/api/me") return Response.json(meWith(roles));
    if (url === `/api/tenants/${TENANT}/pricing`) return Response.json({ value: PRODUCTS });
    if (url === `/api/tenants/${TENANT}/billing/quote`) return Response.json(QUOTE);
    if (url === `/api/tenants/${TENANT}/subscriptions` && init?.method === "POST")
      return Response.json(BOUGHT, { status: 201 });
    return Response.json({ type: "about:blank", title: "NotFound", status: 404, code: "NotFound" }, { status: 404 });
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

/** Renders a billing page at `/t/:tenant/billing/<path>`, once /api/me says the tenant is reachable. */
export async function renderBillingPage(path: string, Page: ComponentType) {
  function InTenant() {
    return useCurrentTenant() ? <Page /> : null;
  }
  await billingTexts.load("en");
  await billingChangeTexts.load("en");
  window.history.replaceState(null, "", `/t/${TENANT}/billing/${path}`);
  await renderInApp(
    <BrowserRouter>
      <Routes>
        <Route path={`/t/:tenantId/billing/${path.split("?")[0]}`} element={<InTenant />} />
      </Routes>
    </BrowserRouter>,
  );
}
