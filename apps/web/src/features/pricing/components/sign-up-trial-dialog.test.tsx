import type { Me, PricingProduct } from "@allot/contracts";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { BrowserRouter, Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Language } from "@/lib/i18n";
import { useCurrentTenant } from "@/lib/tenant";
import { renderInApp } from "@/test/render";
import { PricingRoute } from "../routes/pricing";
import { pricingTexts } from "../texts";

const TENANT = "c6a1e1f0-2d3b-4c5d-8e9f-0a1b2c3d4e5f";
const MAKER: Me = {
  user: {
    id: "0d8f7a52-3b1c-4e9a-8f6d-2c5b4a3e1f00",
    tenantId: TENANT,
    displayName: "Isaiah Langer (Maker)",
    email: "maker@contoso.test",
    preferredLanguage: null,
    passwordChangeRequired: false,
  },
  tenants: [{ id: TENANT, name: "Contoso", domain: "contoso.test", kind: "customer", access: "member", roles: [] }],
  csrfToken: "token",
};
const FREE: PricingProduct = {
  skuId: "f30db892-07e9-47e9-837c-80727f46fd3d",
  skuPartNumber: "FLOW_FREE",
  displayName: "Microsoft Power Automate Free",
  kind: "user",
  pricePerSeatMonthCents: 0,
  pricePerSeatYearCents: 0,
  currency: "EUR",
  servicePlans: [],
  trialDays: 90,
  trialAvailable: false,
  selfServicePurchase: false,
  licensed: false,
  pendingRequestId: null,
  trialSignUpOnly: true,
  trialSignUpAvailable: true,
};

const fetchMock = vi.fn<typeof fetch>();
let product = FREE;
const signUps = () => fetchMock.mock.calls.filter(([url]) => String(url).endsWith("/trials/powerAutomate/signUp"));

async function answer(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = String(input);
  if (url === "/api/me") return Response.json(MAKER);
  if (url.endsWith("/pricing")) return Response.json({ value: [product] });
  if (url.endsWith("/trials/powerAutomate/signUp") && init?.method === "POST") {
    const { as } = JSON.parse(String(init.body)) as { as: string };
    const started = { skuId: FREE.skuId, skuPartNumber: "FLOW_FREE", productName: FREE.displayName, as };
    return Response.json(
      { ...started, startedAt: "2027-03-01T09:00:00.000Z", expiresAt: "2027-05-30T09:00:00.000Z", daysLeft: 90 },
      { status: 201 },
    );
  }
  return Response.json({ title: "Not found" }, { status: 404 });
}

/** The page as the tenant layout shows it: once /api/me says the tenant is reachable. */
function InTenant() {
  return useCurrentTenant() ? <PricingRoute /> : null;
}

async function renderPricing(language: Language = "en") {
  await pricingTexts.load(language);
  window.history.replaceState(null, "", `/t/${TENANT}/pricing`);
  await renderInApp(
    <BrowserRouter>
      <Routes>
        <Route path="/t/:tenantId/pricing" element={<InTenant />} />
        <Route path="/t/:tenantId/account/licenses" element={<p>My licenses page</p>} />
      </Routes>
    </BrowserRouter>,
    language,
  );
}

const card = async (name = "Microsoft Power Automate Free") => screen.findByRole("region", { name });

beforeEach(() => {
  product = FREE;
  fetchMock.mockReset();
  fetchMock.mockImplementation(answer);
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe("Start free trial of Power Automate (pricing page)", () => {
  it("is free, offers no buying or requesting, and starts the trial for the organization by default", async () => {
    await renderPricing();
    const free = await card();
    expect(within(free).getByText("Free")).toBeTruthy();
    expect(within(free).queryByRole("button", { name: "Buy now" })).toBeNull();
    expect(within(free).queryByRole("button", { name: "Request from my admin" })).toBeNull();
    fireEvent.click(within(free).getByRole("button", { name: "Start free trial" }));

    const dialog = await screen.findByRole("alertdialog", { name: /Start your free trial/ });
    const organization = within(dialog).getByRole("radio", { name: /For my organization/ }) as HTMLInputElement;
    expect(organization.checked).toBe(true);
    fireEvent.click(within(dialog).getByRole("button", { name: "Start free trial" }));

    expect(await screen.findByText("My licenses page")).toBeTruthy();
    expect(signUps()).toHaveLength(1);
    expect(JSON.parse(String(signUps()[0]?.[1]?.body))).toEqual({ as: "organization" });
  });

  it("starts it just for the person when they choose so", async () => {
    await renderPricing();
    fireEvent.click(within(await card()).getByRole("button", { name: "Start free trial" }));
    const dialog = await screen.findByRole("alertdialog");
    fireEvent.click(within(dialog).getByRole("radio", { name: /Just for me/ }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Start free trial" }));
    await waitFor(() => expect(signUps()).toHaveLength(1));
    expect(JSON.parse(String(signUps()[0]?.[1]?.body))).toEqual({ as: "individual" });
  });

  it("offers no button when sign-up is off or they have it already", async () => {
    product = { ...FREE, trialSignUpAvailable: false, licensed: true };
    await renderPricing();
    const free = await card();
    expect(within(free).getByText("You have this")).toBeTruthy();
    expect(within(free).queryByRole("button", { name: "Start free trial" })).toBeNull();
  });

  it("speaks Dutch", async () => {
    await renderPricing("nl");
    const free = await card();
    expect(within(free).getByText("Gratis")).toBeTruthy();
    fireEvent.click(within(free).getByRole("button", { name: "Gratis proefversie starten" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByRole("radio", { name: /Alleen voor mij/ })).toBeTruthy();
  });
});
