import type { PartnerActivityEvent } from "@allot/contracts";
import type { TenantRole } from "@allot/domain";
import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Language } from "@/lib/i18n";
import { PARTNER, partnerStaffMe, renderPartnerPage } from "../test/render-partner-page";
import { ActivityRoute } from "./activity";

const FABRIKAM = "0f3b9c2d-1e4a-4b5c-8d6e-7f8091a2b3c4";
const ADMIN = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d";

const me = (roles: TenantRole[]) => partnerStaffMe(ADMIN, roles);

const GRANT: PartnerActivityEvent = {
  id: "1f2e3d4c-5b6a-4789-8abc-def012345678",
  tenantId: PARTNER,
  actorUserId: ADMIN,
  actorDisplayName: "Partner admin",
  actorPartner: null,
  actorApplication: null,
  actorToken: null,
  action: "partnerStaff.accessChanged",
  targetType: "user",
  targetId: "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e",
  targetDisplayName: "Noor de Vries",
  before: { customer: { tenantId: FABRIKAM, name: "Fabrikam" }, roles: [] },
  after: { customer: { tenantId: FABRIKAM, name: "Fabrikam" }, roles: ["helpdeskAgent"] },
  requestId: null,
  createdAt: "2026-03-01T10:00:00.000Z",
  customer: null,
};

const fetchMock = vi.fn<typeof fetch>();
let roles: TenantRole[] = ["globalAdmin"];
let events: PartnerActivityEvent[] = [GRANT];

async function answer(input: RequestInfo | URL): Promise<Response> {
  const url = String(input);
  if (url === "/api/me") return Response.json(me(roles));
  if (url.startsWith(`/api/partners/${PARTNER}/activity`)) return Response.json({ items: events, nextCursor: null });
  if (url.startsWith(`/api/partners/${PARTNER}/customers`)) return Response.json({ items: [], nextCursor: null });
  if (url.startsWith(`/api/partners/${PARTNER}/staff`)) return Response.json({ items: [], nextCursor: null });
  return Response.json({ title: "Not found" }, { status: 404 });
}

const renderPage = (language?: Language) => renderPartnerPage("activity", ActivityRoute, language);

beforeEach(() => {
  roles = ["globalAdmin"];
  events = [GRANT];
  fetchMock.mockReset();
  fetchMock.mockImplementation(answer);
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe("ActivityRoute", () => {
  it("shows who gave whom which roles in which customer, and lets the global admin filter by staff", async () => {
    await renderPage();
    const table = await screen.findByRole("table", { name: "Activity" });
    const [, row] = within(table).getAllByRole("row");
    expect(row?.textContent).toContain("Partner admin");
    expect(row?.textContent).toContain("Your company");
    expect(row?.textContent).toContain("Now: Helpdesk agent in Fabrikam");
    expect(row?.textContent).toContain("Noor de Vries");
    expect(screen.getByRole("combobox", { name: "Staff member" })).toBeTruthy();
  });

  it("offers other staff no staff filter (they see their own changes), in Dutch too", async () => {
    roles = [];
    await renderPage("nl");
    await screen.findByRole("table", { name: "Activiteit" });
    expect(screen.getByRole("combobox", { name: "Klant" })).toBeTruthy();
    expect(screen.queryByRole("combobox", { name: "Medewerker" })).toBeNull();
    expect(screen.getByText("Nu: Helpdeskagent bij Fabrikam")).toBeTruthy();
  });

  it("names a change made with a personal access token by its person and token", async () => {
    events = [{ ...GRANT, actorToken: { id: "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d", name: "staff-sync" } }];
    await renderPage();
    const table = await screen.findByRole("table", { name: "Activity" });
    const [, row] = within(table).getAllByRole("row");
    expect(row?.textContent).toContain("Partner admin · token staff-sync");
  });
});
