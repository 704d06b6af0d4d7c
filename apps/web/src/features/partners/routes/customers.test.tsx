import type { Me, PartnerCustomer, PartnerOverview } from "@allot/contracts";
import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Language } from "@/lib/i18n";
import { PARTNER, renderPartnerPage } from "../test/render-partner-page";
import { CustomersRoute } from "./customers";

const CONTOSO = "c6a1e1f0-2d3b-4c5d-8e9f-0a1b2c3d4e5f";
const LITWARE = "0f3b9c2d-1e4a-4b5c-8d6e-7f8091a2b3c4";

const ME: Me = {
  user: {
    id: "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
    tenantId: PARTNER,
    displayName: "Sanne Visser",
    email: "helpdesk@partner.test",
    preferredLanguage: null,
    passwordChangeRequired: false,
  },
  tenants: [
    { id: PARTNER, name: "Northwind Partners", domain: "partner.test", kind: "partner", access: "member", roles: [] },
    {
      id: CONTOSO,
      name: "Contoso",
      domain: "contoso.test",
      kind: "customer",
      access: "delegated",
      roles: ["helpdeskAgent"],
    },
  ],
  csrfToken: "token",
};

const CUSTOMERS: PartnerCustomer[] = [
  {
    tenantId: CONTOSO,
    name: "Contoso",
    domain: "contoso.test",
    relationship: { id: "3f7c1a52-3a43-4d0c-9a51-0b8f3c1d2e4f", status: "active", grantsAccess: true, endsAt: null },
    yourRoles: ["helpdeskAgent"],
    licensing: { assigned: 140, total: 205, conflicts: 2, expiringSubscriptions: 1, pendingRequests: 3 },
  },
  {
    tenantId: LITWARE,
    name: "Litware",
    domain: "litware.test",
    relationship: {
      id: "4a8d2b63-4b54-4e1d-8b62-1c9f4d2e3f5a",
      status: "terminated",
      grantsAccess: false,
      endsAt: null,
    },
    yourRoles: [],
    licensing: null,
  },
];

const OVERVIEW: PartnerOverview = {
  value: [
    {
      skuId: "0c266dff-15dd-4b49-8397-2bb16070ed52",
      skuPartNumber: "POWER_BI_PRO",
      displayName: "Power BI Pro",
      customers: 2,
      bought: 110,
      assigned: 67,
      free: 45,
      conflicts: 1,
    },
  ],
};

const fetchMock = vi.fn<typeof fetch>();

function answer(url: string): Response {
  if (url === "/api/me") return Response.json(ME);
  if (url.startsWith(`/api/partners/${PARTNER}/customers`))
    return Response.json({ items: CUSTOMERS, nextCursor: null });
  if (url === `/api/partners/${PARTNER}/overview`) return Response.json(OVERVIEW);
  return Response.json({ title: "Not found" }, { status: 404 });
}

const renderPage = (language?: Language) => renderPartnerPage("customers", CustomersRoute, language);

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input) => answer(String(input)));
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe("CustomersRoute", () => {
  it("lists a customer with conflicts and one without access, and says how many are shown", async () => {
    await renderPage();
    const table = await screen.findByRole("table", { name: "Customers" });
    expect(screen.getByRole("status").textContent).toBe("2 customers shown");

    const [, contoso, litware] = within(table).getAllByRole("row");
    const link = within(contoso as HTMLElement).getByRole("link", { name: "Contoso" });
    expect(link.getAttribute("href")).toBe(`/t/${CONTOSO}`);
    expect(contoso?.textContent).toContain("Active");
    expect(contoso?.textContent).toContain("Helpdesk agent");
    expect(contoso?.textContent).toContain("140 of 205");
    expect(within(contoso as HTMLElement).getByText("2 products in conflict")).toBeTruthy();
    expect(within(contoso as HTMLElement).getByText("3 pending license requests")).toBeTruthy();

    // Removed privileges: no link (not reachable), no figures, no roles.
    expect(within(litware as HTMLElement).queryByRole("link")).toBeNull();
    expect(litware?.textContent).toContain("Privileges removed");
    expect(within(litware as HTMLElement).getAllByText("No access")).toHaveLength(4);
    expect(within(litware as HTMLElement).getByText("None")).toBeTruthy();

    const products = await screen.findByRole("table", { name: "Products across customers" });
    expect(within(products).getByText("Power BI Pro")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toBe(
      `/api/partners/${PARTNER}/overview/export?delimiter=comma`,
    );
  });

  it("words roles and access in Dutch, and exports with semicolons", async () => {
    await renderPage("nl");
    const table = await screen.findByRole("table", { name: "Klanten" });
    expect(within(table).getByText("Helpdeskagent")).toBeTruthy();
    expect(within(table).getByText("Bevoegdheden verwijderd")).toBeTruthy();
    expect(within(table).getAllByText("Geen toegang")).toHaveLength(4);
    expect(screen.getByRole("status").textContent).toBe("2 klanten weergegeven");
    expect((await screen.findByRole("link", { name: "CSV exporteren" })).getAttribute("href")).toBe(
      `/api/partners/${PARTNER}/overview/export?delimiter=semicolon`,
    );
  });

  it("shows an error with a retry when the customers cannot be loaded", async () => {
    fetchMock.mockImplementation(async (input) => {
      const url = String(input);
      if (url.startsWith(`/api/partners/${PARTNER}/customers`)) {
        return Response.json(
          { type: "about:blank", title: "Internal error", status: 500, code: "InternalError" },
          { status: 500, headers: { "Content-Type": "application/problem+json" } },
        );
      }
      return answer(url);
    });
    await renderPage();
    expect(await screen.findByRole("button", { name: "Try again" })).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toContain("Something went wrong on our side.");
    expect(screen.queryByRole("table", { name: "Customers" })).toBeNull();
  });
});
