import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PROCESS_SKU, renderBillingPage, stubBillingApi, TENANT } from "../test/render-billing-page";
import { BuyRoute } from "./buy";

const slow = { timeout: 8000 };
const PP_ONLY = "As a Power Platform administrator you can buy Power Automate, Power BI and Power Apps products.";

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

async function offeredProducts(): Promise<string[]> {
  fireEvent.click(await screen.findByRole("combobox", { name: /Product/ }, slow));
  const listbox = await screen.findByRole("listbox");
  return within(listbox)
    .getAllByRole("option")
    .map((option) => option.getAttribute("aria-label") ?? option.textContent ?? "");
}

describe("BuyRoute (Billing › Buy products)", () => {
  it("offers a Power Platform admin only Power Platform products, says so, and buys the add-on of ?sku=", async () => {
    const fetchMock = stubBillingApi(["powerPlatformAdmin"]);
    await renderBillingPage(`buy?sku=${PROCESS_SKU}`, BuyRoute);
    expect(await screen.findByRole("heading", { level: 1, name: "Buy products" })).toBeTruthy();
    expect(screen.getByText(PP_ONLY)).toBeTruthy();
    const products = await offeredProducts();
    expect(products.some((name) => name.includes("Power BI Pro"))).toBe(true);
    expect(products.some((name) => name.includes("Power Automate Process"))).toBe(true);
    expect(products.some((name) => name.includes("Microsoft 365 E3"))).toBe(false);
    fireEvent.keyDown(screen.getByRole("combobox", { name: /Product/ }), { key: "Escape" });

    // The ?sku= add-on is chosen; three seats.
    expect(screen.getByRole("combobox", { name: /Product/ }).textContent).toContain("Power Automate Process");
    fireEvent.input(screen.getByRole("spinbutton", { name: /Seats/ }), { target: { value: "3" } });
    const buy = screen.getByRole("button", { name: "Buy" });
    await waitFor(() => expect(buy.getAttribute("aria-disabled")).not.toBe("true"), slow);
    fireEvent.click(buy);

    expect(await screen.findByText("You bought 3 seats of Power Automate Process.", {}, slow)).toBeTruthy();
    const post = fetchMock.mock.calls.find(
      ([url, init]) => String(url) === `/api/tenants/${TENANT}/subscriptions` && init?.method === "POST",
    );
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      skuId: PROCESS_SKU,
      seats: 3,
      billingTerm: "monthly",
      autoRenew: true,
    });
    // No Billing page for them: the way back is the Add-ons page.
    expect(screen.getByRole("link", { name: "Back to Add-ons" }).getAttribute("href")).toBe(
      `/t/${TENANT}/power-platform/capacity`,
    );
  }, 20_000);

  it("offers a billing admin every product, without the Power Platform sentence", async () => {
    stubBillingApi(["billingAdmin"]);
    await renderBillingPage("buy", BuyRoute);
    const products = await offeredProducts();
    expect(products.some((name) => name.includes("Microsoft 365 E3"))).toBe(true);
    expect(products.some((name) => name.includes("Power BI Pro"))).toBe(true);
    expect(products.some((name) => name.includes("Power Automate Process"))).toBe(true);
    expect(screen.queryByText(PP_ONLY)).toBeNull();
  });
});
