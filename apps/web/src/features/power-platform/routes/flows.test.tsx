import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  CONNECTORS,
  ENVIRONMENTS,
  FLOW,
  PRODUCTION,
  problem,
  renderPowerPlatformPage,
  sentBody,
  stubApi,
  TENANT,
} from "../test/render-pp-page";
import { FlowsRoute } from "./flows";

const slow = { timeout: 8000 };
const FLOW_URL = `/api/tenants/${TENANT}/flows/${FLOW.id}`;

function flowsApi(patch: () => Response) {
  return (url: string, init: RequestInit | undefined) => {
    if (url === `/api/tenants/${TENANT}/environments`) return Response.json({ items: ENVIRONMENTS });
    if (url === `/api/tenants/${TENANT}/environments/${PRODUCTION}/flows`) return Response.json({ items: [FLOW] });
    if (url === `/api/tenants/${TENANT}/connectors`) return Response.json(CONNECTORS);
    if (url === FLOW_URL && init?.method === "PATCH") return patch();
    if (url === FLOW_URL) return Response.json(FLOW);
    return undefined;
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe("FlowsRoute", () => {
  it("lists the environment's flows with their license, premium badge, and opens the details pane", async () => {
    stubApi(
      ["powerPlatformAdmin"],
      flowsApi(() => Response.json(FLOW)),
    );
    await renderPowerPlatformPage("flows", FlowsRoute);
    const table = await screen.findByRole("table", { name: "Flows" }, slow);
    const [, row] = within(table).getAllByRole("row");
    expect(row?.textContent).toContain("Invoice approval");
    expect(row?.textContent).toContain("Premium");
    expect(row?.textContent).toContain("Owner's license");
    fireEvent.click(within(table).getByRole("button", { name: "Open details of Invoice approval" }));
    const pane = await screen.findByRole("dialog", { name: "Flow Invoice approval" }, slow);
    expect(await within(pane).findByRole("heading", { name: "Licensing", hidden: true }, slow)).toBeTruthy();
    expect(pane.textContent).toContain("This flow uses the license of its owner, Pat Admin.");
    expect(await within(pane).findByText("SQL Server")).toBeTruthy();
  }, 20_000);

  it("Edit in the Licensing section: CapacityNotAvailable shows the shortfall and links to Add-ons", async () => {
    const fetchMock = stubApi(
      ["powerPlatformAdmin"],
      flowsApi(() =>
        problem(409, "CapacityNotAvailable", {
          shortfall: [{ skuPartNumber: "POWER_AUTOMATE_PROCESS", capacityType: "process", units: 1 }],
          flows: [],
          machines: [],
        }),
      ),
    );
    await renderPowerPlatformPage(`flows?flow=${FLOW.id}`, FlowsRoute);
    const pane = await screen.findByRole("dialog", { name: "Flow Invoice approval" }, slow);
    fireEvent.click(within(pane).getByRole("button", { name: "Edit the flow's license" }));
    fireEvent.click(within(pane).getByRole("radio", { name: "Process" }));
    fireEvent.click(within(pane).getByRole("button", { name: "Save" }));
    const alert = await within(pane).findByRole("alert", {}, slow);
    expect(sentBody(fetchMock, "PATCH", FLOW_URL)).toEqual({ licenseMode: "process" });
    expect(alert.textContent).toContain("This environment has no unused capacity of that add-on.");
    expect(alert.textContent).toContain("1 more Process unit needed in Production");
    expect(within(alert).getByRole("link", { name: "Allocate capacity" }).getAttribute("href")).toBe(
      `/t/${TENANT}/power-platform/capacity`,
    );
  }, 20_000);

  it("a maker sees My flows, without the admin's areas, and no Edit on a flow it may not edit", async () => {
    stubApi(["member"], (url, init) => {
      if (url === FLOW_URL) return Response.json({ ...FLOW, canEdit: false });
      if (url.endsWith("/flows")) return Response.json({ items: [{ ...FLOW, canEdit: false }] });
      return flowsApi(() => Response.json(FLOW))(url, init);
    });
    await renderPowerPlatformPage(`flows?flow=${FLOW.id}`, FlowsRoute);
    const pane = await screen.findByRole("dialog", { name: "Flow Invoice approval" }, slow);
    expect(within(pane).queryByRole("button", { name: "Edit the flow's license" })).toBeNull();
    expect(within(pane).queryByRole("button", { name: /^Edit flow/ })).toBeNull();
    expect(within(pane).queryByRole("heading", { name: "Check who can run it" })).toBeNull();
    await waitFor(() => expect(screen.queryByRole("tab", { name: "Capacity", hidden: true })).toBeNull());
    expect(screen.getByRole("heading", { level: 1, hidden: true }).textContent).toBe("My flows");
  }, 20_000);
});
