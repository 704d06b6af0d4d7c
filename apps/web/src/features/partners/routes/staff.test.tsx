import type { PartnerCustomer, StaffMember } from "@allot/contracts";
import type { TenantRole } from "@allot/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Language } from "@/lib/i18n";
import { PARTNER, partnerStaffMe, renderPartnerPage } from "../test/render-partner-page";
import { StaffRoute } from "./staff";

const ME_ID = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d";
const NOOR = "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e";
const FABRIKAM_RELATIONSHIP = "4a8d2b63-4b54-4e1d-8b62-1c9f4d2e3f5a";

const me = (roles: TenantRole[]) => partnerStaffMe(ME_ID, roles);

const STAFF: StaffMember[] = [
  {
    id: NOOR,
    displayName: "Noor de Vries",
    email: "noor@partner.test",
    roles: [],
    customerAccess: [
      {
        relationshipId: "3f7c1a52-3a43-4d0c-9a51-0b8f3c1d2e4f",
        customer: { tenantId: "c6a1e1f0-2d3b-4c5d-8e9f-0a1b2c3d4e5f", name: "Contoso" },
        grantsAccess: true,
        roles: ["salesAgent"],
      },
    ],
    createdAt: "2026-01-01T00:00:00.000Z",
    lastSignInAt: null,
  },
  {
    id: ME_ID,
    displayName: "Partner admin",
    email: "admin@partner.test",
    roles: ["globalAdmin"],
    customerAccess: [],
    createdAt: "2026-01-01T00:00:00.000Z",
    lastSignInAt: null,
  },
];

const CUSTOMERS: PartnerCustomer[] = [
  {
    tenantId: "c6a1e1f0-2d3b-4c5d-8e9f-0a1b2c3d4e5f",
    name: "Contoso",
    domain: "contoso.test",
    relationship: { id: "3f7c1a52-3a43-4d0c-9a51-0b8f3c1d2e4f", status: "active", grantsAccess: true, endsAt: null },
    yourRoles: [],
    licensing: null,
  },
  {
    tenantId: "0f3b9c2d-1e4a-4b5c-8d6e-7f8091a2b3c4",
    name: "Fabrikam",
    domain: "fabrikam.test",
    relationship: { id: FABRIKAM_RELATIONSHIP, status: "active", grantsAccess: true, endsAt: null },
    yourRoles: [],
    licensing: null,
  },
];

const fetchMock = vi.fn<typeof fetch>();
let roles: TenantRole[] = ["globalAdmin"];

async function answer(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = String(input);
  if (url === "/api/me") return Response.json(me(roles));
  if (url.startsWith(`/api/partners/${PARTNER}/staff?`)) return Response.json({ items: STAFF, nextCursor: null });
  if (url.startsWith(`/api/partners/${PARTNER}/customers`))
    return Response.json({ items: CUSTOMERS, nextCursor: null });
  if (init?.method === "PUT") return Response.json(STAFF[0]);
  return Response.json({ title: "Not found" }, { status: 404 });
}

const renderPage = (language?: Language) => renderPartnerPage("staff", StaffRoute, language);

beforeEach(() => {
  roles = ["globalAdmin"];
  fetchMock.mockReset();
  fetchMock.mockImplementation(answer);
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe("StaffRoute", () => {
  it("lists staff with their roles here and per customer; the global admin gets every action but removing itself", async () => {
    await renderPage();
    const table = await screen.findByRole("table", { name: "Partner staff" });
    const [, noor, admin] = within(table).getAllByRole("row");
    expect(noor?.textContent).toContain("Contoso: Sales agent");
    expect(within(noor as HTMLElement).getByRole("button", { name: "Customer access of Noor de Vries" })).toBeTruthy();
    expect(within(noor as HTMLElement).getByRole("button", { name: "Remove Noor de Vries" })).toBeTruthy();
    expect(admin?.textContent).toContain("Global Administrator");
    expect(admin?.textContent).toContain("No customers");
    expect(within(admin as HTMLElement).queryByRole("button", { name: /^Remove/ })).toBeNull();
    expect(screen.getByRole("status").textContent).toBe("2 staff members shown");
  });

  it("the user admin is offered no customer access, and removes only staff without an admin role", async () => {
    roles = ["userAdmin"];
    await renderPage();
    const table = await screen.findByRole("table", { name: "Partner staff" });
    expect(within(table).queryByRole("button", { name: /^Customer access/ })).toBeNull();
    expect(within(table).getByRole("button", { name: "Remove Noor de Vries" })).toBeTruthy();
    expect(within(table).queryByRole("button", { name: "Remove Partner admin" })).toBeNull();
  });

  it("sets roles in one customer: the roles held there are ticked, the choice goes to that relationship", async () => {
    await renderPage();
    // Plain DOM events: the dialog loads the customers first, and a busy machine can take a while. In jsdom, Fluent's
    // focus trap (tabster) may still mark the dialog aria-hidden while it settles, so queries include hidden nodes.
    const slow = { timeout: 8000 };
    const hidden = { hidden: true };
    fireEvent.click(await screen.findByRole("button", { name: "Customer access of Noor de Vries" }));
    const dialog = await screen.findByRole("dialog", { name: "Customer access of Noor de Vries", ...hidden }, slow);
    const customer = await within(dialog).findByRole("combobox", { name: "Customer", ...hidden }, slow);
    const checkbox = (name: string) => within(dialog).getByRole("checkbox", { name, ...hidden }) as HTMLInputElement;
    // All customers: only what is held everywhere (nothing) is ticked.
    expect(checkbox("Sales agent").checked).toBe(false);
    fireEvent.change(customer, { target: { value: "3f7c1a52-3a43-4d0c-9a51-0b8f3c1d2e4f" } });
    expect(checkbox("Sales agent").checked).toBe(true);
    fireEvent.change(customer, { target: { value: FABRIKAM_RELATIONSHIP } });
    expect(checkbox("Sales agent").checked).toBe(false);
    fireEvent.click(checkbox("Helpdesk agent"));
    fireEvent.click(within(dialog).getByRole("button", { name: "Save", ...hidden }));
    await waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => init?.method === "PUT")).toBe(true), slow);
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === "PUT");
    expect(String(put?.[0])).toBe(`/api/partners/${PARTNER}/staff/${NOOR}/customerAccess/${FABRIKAM_RELATIONSHIP}`);
    expect(JSON.parse(String(put?.[1]?.body))).toEqual({ roles: ["helpdeskAgent"] });
  }, 20_000);

  it("speaks Dutch", async () => {
    await renderPage("nl");
    const table = await screen.findByRole("table", { name: "Partnermedewerkers" });
    expect(within(table).getByText("Contoso: Verkoopagent")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Medewerker toevoegen" })).toBeTruthy();
  });
});
