import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  CAPACITY,
  PER_FLOW_SKU,
  PROCESS_SKU,
  problem,
  renderPowerPlatformPage,
  SANDBOX,
  sentBody,
  stubApi,
  TENANT,
} from "../test/render-pp-page";
import { CapacityRoute } from "./capacity";

const CAPACITY_URL = `/api/tenants/${TENANT}/capacity`;
const slow = { timeout: 8000 };
const hidden = { hidden: true };

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe("CapacityRoute (Capacity › Add-ons)", () => {
  it("shows each add-on's figures, the over-allocation with a link to buy more, and how many of the allocated units are in use per cell", async () => {
    stubApi(["powerPlatformAdmin"], (url) => (url === CAPACITY_URL ? Response.json(CAPACITY) : undefined));
    await renderPowerPlatformPage("capacity", CapacityRoute);
    const process = await screen.findByRole("region", { name: "Summary of Power Automate Process" });
    expect(screen.getAllByRole("heading", { level: 1 }).map((h) => h.textContent)).toEqual(["Capacity"]);
    expect(process.textContent).toContain("Bought5");
    expect(process.textContent).toContain("Allocated7");
    expect(process.textContent).toContain("Available0");
    expect(within(process).getByText("2 units allocated beyond what is bought")).toBeTruthy();
    // A Power Platform admin buys more on Buy products, with the add-on chosen.
    expect(within(process).getByRole("link", { name: "Buy more" }).getAttribute("href")).toBe(
      `/t/${TENANT}/billing/buy?sku=${PROCESS_SKU}`,
    );
    const perFlow = screen.getByRole("region", { name: "Summary of Power Automate per flow" });
    expect(perFlow.textContent).not.toContain("beyond what is bought");
    const table = screen.getByRole("table", { name: "Add-ons allocated to environments" });
    const [, production, sandbox] = within(table).getAllByRole("row");
    expect(production?.textContent).toContain("3 of 7 in use");
    expect(production?.textContent).toContain("1 of 3 in use");
    expect(sandbox?.textContent).toContain("0 of 0 in use");
  });

  it("links billing admins to Buy products with the add-on, and offers no buy link to those who may not buy", async () => {
    stubApi(["globalAdmin"], (url) => (url === CAPACITY_URL ? Response.json(CAPACITY) : undefined));
    await renderPowerPlatformPage("capacity", CapacityRoute);
    const process = await screen.findByRole("region", { name: "Summary of Power Automate Process" });
    expect(within(process).getByRole("link", { name: "Buy more" }).getAttribute("href")).toBe(
      `/t/${TENANT}/billing/buy?sku=${PROCESS_SKU}`,
    );
    cleanup();
    stubApi(["member"], (url) => (url === CAPACITY_URL ? Response.json(CAPACITY) : undefined));
    await renderPowerPlatformPage("capacity", CapacityRoute);
    const again = await screen.findByRole("region", { name: "Summary of Power Automate Process" });
    expect(within(again).getByText("2 units allocated beyond what is bought")).toBeTruthy();
    expect(within(again).queryByRole("link")).toBeNull();
  });

  it("Edit on an environment sends the whole set of quantities, and the table is fetched again", async () => {
    const fetchMock = stubApi(["globalAdmin"], (url, init) => {
      if (url === CAPACITY_URL) return Response.json(CAPACITY);
      if (url === `/api/tenants/${TENANT}/environments/${SANDBOX}/capacity` && init?.method === "PUT")
        return new Response(null, { status: 204 });
      return undefined;
    });
    await renderPowerPlatformPage("capacity", CapacityRoute);
    fireEvent.click(await screen.findByRole("button", { name: "Edit add-ons of Sandbox" }));
    const dialog = await screen.findByRole("dialog", { name: "Add-ons for Sandbox", ...hidden }, slow);
    expect(within(dialog).getByText("7 available · 0 in use here")).toBeTruthy();
    const field = (name: string) => within(dialog).getByRole("spinbutton", { name, ...hidden });
    fireEvent.change(field("Power Automate per flow"), { target: { value: "4" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Save", ...hidden }));
    await waitFor(() => expect(sentBody(fetchMock, "PUT")).toBeDefined(), slow);
    expect(sentBody(fetchMock, "PUT")).toEqual({
      allocations: [
        { skuId: PROCESS_SKU, quantity: 0 },
        { skuId: PER_FLOW_SKU, quantity: 4 },
      ],
    });
    await waitFor(() => expect(fetchMock.mock.calls.filter(([url]) => url === CAPACITY_URL).length).toBe(2), slow);
  }, 20_000);

  it("CapacityExceeded shows what is bought against what the change would allocate", async () => {
    stubApi(["powerPlatformAdmin"], (url, init) => {
      if (url === CAPACITY_URL) return Response.json(CAPACITY);
      if (init?.method === "PUT")
        return problem(409, "CapacityExceeded", {
          exceeded: [{ skuId: PROCESS_SKU, skuPartNumber: "POWER_AUTOMATE_PROCESS", bought: 5, requested: 9 }],
        });
      return undefined;
    });
    await renderPowerPlatformPage("capacity", CapacityRoute);
    fireEvent.click(await screen.findByRole("button", { name: "Edit add-ons of Production" }));
    const dialog = await screen.findByRole("dialog", { name: "Add-ons for Production", ...hidden }, slow);
    fireEvent.change(within(dialog).getByRole("spinbutton", { name: "Power Automate Process", ...hidden }), {
      target: { value: "9" },
    });
    fireEvent.click(within(dialog).getByRole("button", { name: "Save", ...hidden }));
    const alert = await within(dialog).findByRole("alert", hidden, slow);
    expect(alert.textContent).toContain("Not enough capacity bought");
    expect(alert.textContent).toContain("Power Automate Process: 5 bought, 9 requested");
  }, 20_000);

  it("speaks Dutch", async () => {
    stubApi(["powerPlatformAdmin"], (url) => (url === CAPACITY_URL ? Response.json(CAPACITY) : undefined));
    await renderPowerPlatformPage("capacity", CapacityRoute, "nl");
    expect(await screen.findByRole("heading", { name: "Invoegtoepassingen" })).toBeTruthy();
    expect(await screen.findByText("2 eenheden meer toegewezen dan er gekocht is")).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Gegevensbeleid" })).toBeTruthy();
  });
});
