import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  CONNECTORS,
  ENVIRONMENTS,
  FLOW,
  renderPowerPlatformPage,
  sentBody,
  stubApi,
  TENANT,
} from "../test/render-pp-page";
import { DlpRoute } from "./dlp";

const slow = { timeout: 8000 };
const hidden = { hidden: true };
const DLP_URL = `/api/tenants/${TENANT}/dlpPolicies`;
const POLICY = {
  id: "55555555-6666-4777-8888-999999999999",
  name: "Contoso data",
  environmentId: null,
  business: ["shared_sql", "shared_office365"],
  nonBusiness: [],
  blocked: [],
  updatedAt: "2026-03-01T00:00:00.000Z",
};

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe("DlpRoute", () => {
  it("edits a policy's groups and sends the whole set; the flows it suspends are shown after Save", async () => {
    const fetchMock = stubApi(["powerPlatformAdmin"], (url, init) => {
      if (url === `/api/tenants/${TENANT}/environments`) return Response.json({ items: ENVIRONMENTS });
      if (url === `/api/tenants/${TENANT}/connectors`) return Response.json(CONNECTORS);
      if (url === DLP_URL && init?.method === "PUT")
        return Response.json({
          items: [
            { ...POLICY, business: ["shared_sql"], nonBusiness: ["shared_office365"], blocked: ["shared_twitter"] },
          ],
          suspendedFlows: [
            {
              id: FLOW.id,
              name: FLOW.name,
              environmentId: FLOW.environmentId,
              policy: "Contoso data",
              reason: "mixed",
              connectors: ["shared_sql", "shared_office365"],
            },
          ],
        });
      if (url === DLP_URL) return Response.json({ items: [POLICY], suspendedFlows: [] });
      return undefined;
    });
    await renderPowerPlatformPage("dlp", DlpRoute);
    const table = await screen.findByRole("table", { name: "Data policies" }, slow);
    expect(within(table).getAllByRole("row")[1]?.textContent).toContain("All environments");
    fireEvent.click(within(table).getByRole("button", { name: "Edit Contoso data" }));
    const dialog = await screen.findByRole("dialog", { name: "Edit policy Contoso data", ...hidden }, slow);
    const group = (name: string) =>
      within(dialog).findByRole("combobox", { name: `Group of ${name}`, ...hidden }, slow);
    fireEvent.change(await group("Office 365 Outlook"), { target: { value: "nonBusiness" } });
    fireEvent.change(await group("X"), { target: { value: "blocked" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Apply", ...hidden }));
    const save = await screen.findByRole("button", { name: "Save policies" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull(), slow);
    fireEvent.click(save);
    await waitFor(() => expect(sentBody(fetchMock, "PUT", DLP_URL)).toBeDefined(), slow);
    expect(sentBody(fetchMock, "PUT", DLP_URL)).toEqual({
      policies: [
        {
          name: "Contoso data",
          environmentId: null,
          business: ["shared_sql"],
          nonBusiness: ["shared_office365"],
          blocked: ["shared_twitter"],
        },
      ],
    });
    const suspended = await screen.findByText("1 flow is suspended by these policies", {}, slow);
    expect(suspended.closest("[role=status]")?.textContent).toContain(
      "Invoice approval (Contoso data: SQL Server, Office 365 Outlook)",
    );
  }, 20_000);
});
