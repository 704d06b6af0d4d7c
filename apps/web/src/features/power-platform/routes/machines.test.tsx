import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ENVIRONMENTS,
  PRODUCTION,
  problem,
  renderPowerPlatformPage,
  sentBody,
  stubApi,
  TENANT,
} from "../test/render-pp-page";
import { MachinesRoute } from "./machines";

const slow = { timeout: 8000 };
const hidden = { hidden: true };
const MACHINES_URL = `/api/tenants/${TENANT}/environments/${PRODUCTION}/machines`;
const MACHINE = {
  id: "44444444-5555-4666-8777-888888888888",
  environmentId: PRODUCTION,
  name: "RPA-01",
  parallelRuns: 2,
  hosted: false,
  units: 2,
  createdAt: "2026-03-01T00:00:00.000Z",
};

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe("MachinesRoute", () => {
  it("lists machines; registering one without capacity shows the units missing in the environment", async () => {
    const fetchMock = stubApi(["powerPlatformAdmin"], (url, init) => {
      if (url === `/api/tenants/${TENANT}/environments`) return Response.json({ items: ENVIRONMENTS });
      if (url === MACHINES_URL && init?.method === "POST")
        return problem(409, "CapacityNotAvailable", {
          shortfall: [
            { skuPartNumber: "POWER_AUTOMATE_PROCESS", capacityType: "process", units: 2 },
            { skuPartNumber: "POWER_AUTOMATE_UNATTENDED_RPA", capacityType: "unattendedRpa", units: 2 },
          ],
          flows: [],
          machines: [],
        });
      if (url === MACHINES_URL) return Response.json({ items: [MACHINE] });
      return undefined;
    });
    await renderPowerPlatformPage("machines", MachinesRoute);
    const table = await screen.findByRole("table", { name: "Machines" }, slow);
    expect(within(table).getAllByRole("row")[1]?.textContent).toContain("RPA-01");
    fireEvent.click(screen.getByRole("button", { name: "Register machine" }));
    const dialog = await screen.findByRole("dialog", { name: "Register machine", ...hidden }, slow);
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Name", ...hidden }), { target: { value: "RPA-02" } });
    fireEvent.change(within(dialog).getByRole("spinbutton", { name: "Parallel runs", ...hidden }), {
      target: { value: "2" },
    });
    fireEvent.click(within(dialog).getByRole("button", { name: "Register", ...hidden }));
    await waitFor(() => expect(sentBody(fetchMock, "POST", MACHINES_URL)).toBeDefined(), slow);
    expect(sentBody(fetchMock, "POST", MACHINES_URL)).toEqual({ name: "RPA-02", parallelRuns: 2, hosted: false });
    const alert = await within(dialog).findByRole("alert", hidden, slow);
    expect(alert.textContent).toContain("2 more Process or Unattended RPA units needed in Production");
    expect(within(alert).getByRole("link", { name: "Allocate capacity", ...hidden })).toBeTruthy();
  }, 20_000);
});
