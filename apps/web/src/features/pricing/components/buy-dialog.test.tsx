import type { PricingProduct, Quote } from "@allot/contracts";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { I18nProvider, loadCoreTexts } from "@/lib/i18n";
import { pricingTexts } from "../texts";
import { BuyDialog } from "./buy-dialog";

const TENANT = "c6a1e1f0-2d3b-4c5d-8e9f-0a1b2c3d4e5f";
const PRODUCT: PricingProduct = {
  skuId: "f30db892-07e9-47e9-837c-80727f46fd3d",
  skuPartNumber: "POWER_BI_PRO",
  displayName: "Power BI Pro",
  kind: "user",
  pricePerSeatMonthCents: 1310,
  pricePerSeatYearCents: 15720,
  currency: "EUR",
  servicePlans: [],
  trialDays: 30,
  trialAvailable: false,
  selfServicePurchase: true,
  licensed: false,
  pendingRequestId: null,
  trialSignUpOnly: false,
  trialSignUpAvailable: false,
};
const QUOTE: Quote = {
  kind: "selfServicePurchase",
  amountCents: 1310,
  currency: "EUR",
  lines: [
    {
      description: "Power BI Pro",
      quantity: 1,
      unitPriceCents: 1310,
      amountCents: 1310,
      periodStart: "2026-01-05T00:00:00.000Z",
      periodEnd: "2026-02-05T00:00:00.000Z",
    },
  ],
  daysLeft: null,
  termDays: null,
  shortfall: 0,
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const fetchMock = vi.fn<typeof fetch>();
const purchases = () => fetchMock.mock.calls.filter(([url]) => String(url).endsWith("/selfService/purchases"));

async function renderDialog() {
  await loadCoreTexts("en");
  await pricingTexts.load("en");
  render(
    <MemoryRouter>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
        <I18nProvider>
          <FluentProvider theme={webLightTheme}>
            <BuyDialog tenantId={TENANT} product={PRODUCT} onClose={() => undefined} />
          </FluentProvider>
        </I18nProvider>
      </QueryClientProvider>
    </MemoryRouter>,
  );
  // "Pay" waits for the price of the seats and term in the form.
  await screen.findByRole("button", { name: "Pay €13.10" }, { timeout: 3000 });
}

function typeCard(card: Record<string, string>) {
  for (const [label, value] of Object.entries(card)) {
    fireEvent.change(screen.getByRole("textbox", { name: new RegExp(label) }), { target: { value } });
  }
}

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (url) => {
    if (String(url).endsWith("/billing/quote")) return json(QUOTE);
    return json(
      {
        type: "about:blank",
        title: "Payment declined",
        status: 402,
        code: "PaymentDeclined",
      },
      402,
    );
  });
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe("BuyDialog (self-service)", () => {
  it("says beside each card field what is wrong with it and pays nothing", async () => {
    await renderDialog();
    typeCard({ "Card number": "4242", "Expiry month": "13", "Expiry year": "30", "Security code": "12" });
    fireEvent.click(screen.getByRole("button", { name: "Pay €13.10" }));
    expect(await screen.findByText("Enter the 12 to 19 digits of the card number.")).toBeTruthy();
    expect(screen.getByText("Enter a month from 1 to 12.")).toBeTruthy();
    expect(screen.getByText("Enter the year with four digits, like 2030.")).toBeTruthy();
    expect(screen.getByText("Enter the 3 or 4 digits on the back of the card.")).toBeTruthy();
    expect(screen.getByText("Enter the name as it is on the card.")).toBeTruthy();
    expect(purchases()).toHaveLength(0);
  });

  it("puts a declined card on the card number", async () => {
    await renderDialog();
    typeCard({
      "Card number": "4000 0000 0000 0002",
      "Expiry month": "12",
      "Expiry year": "2030",
      "Security code": "123",
      "Name on card": "Megan Bowen",
    });
    fireEvent.click(screen.getByRole("button", { name: "Pay €13.10" }));
    await waitFor(() => expect(purchases()).toHaveLength(1));
    expect(await screen.findByText("The card was declined. Use another card or ask your admin.")).toBeTruthy();
    expect(screen.getByRole("textbox", { name: /Card number/ }).getAttribute("aria-invalid")).toBe("true");
  });
});
