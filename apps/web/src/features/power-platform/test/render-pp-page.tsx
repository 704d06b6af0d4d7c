import type { Capacity, Environment, Flow, Me } from "@allot/contracts";
import type { TenantRole } from "@allot/domain";
import type { ComponentType } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { vi } from "vitest";
import type { Language } from "@/lib/i18n";
import { useCurrentTenant } from "@/lib/tenant";
import { renderInApp } from "@/test/render";
import { powerPlatformTexts } from "../texts";

export const TENANT = "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";
export const PRODUCTION = "11111111-2222-4333-8444-555555555555";
export const SANDBOX = "22222222-3333-4444-8555-666666666666";
export const PROCESS_SKU = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
export const PER_FLOW_SKU = "bbbbbbbb-cccc-4ddd-8eee-ffffffffffff";
export const ME_ID = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d";
const NOW = "2026-03-01T00:00:00.000Z";

export function meWith(roles: TenantRole[]): Me {
  return {
    user: {
      id: ME_ID,
      tenantId: TENANT,
      displayName: "Pat Admin",
      email: "pat@contoso.test",
      preferredLanguage: null,
      passwordChangeRequired: false,
    },
    tenants: [{ id: TENANT, name: "Contoso", domain: "contoso.test", kind: "customer", access: "member", roles }],
    csrfToken: "token",
  };
}

export const ENVIRONMENTS: Environment[] = [
  { id: PRODUCTION, name: "Production", type: "production", createdAt: NOW, flowCount: 2, machineCount: 1 },
  { id: SANDBOX, name: "Sandbox", type: "sandbox", createdAt: NOW, flowCount: 0, machineCount: 0 },
];

export const CAPACITY: Capacity = {
  addOns: [
    {
      skuId: PROCESS_SKU,
      skuPartNumber: "POWER_AUTOMATE_PROCESS",
      displayName: "Power Automate Process",
      capacityType: "process",
      bought: 5,
      allocated: 7,
      available: 0,
      conflicts: 2,
    },
    {
      skuId: PER_FLOW_SKU,
      skuPartNumber: "FLOW_PER_BUSINESS_PROCESS",
      displayName: "Power Automate per flow",
      capacityType: "perFlow",
      bought: 10,
      allocated: 3,
      available: 7,
      conflicts: 0,
    },
  ],
  environments: [
    {
      environmentId: PRODUCTION,
      name: "Production",
      type: "production",
      allocations: [
        { skuId: PROCESS_SKU, skuPartNumber: "POWER_AUTOMATE_PROCESS", capacityType: "process", quantity: 7, inUse: 3 },
        {
          skuId: PER_FLOW_SKU,
          skuPartNumber: "FLOW_PER_BUSINESS_PROCESS",
          capacityType: "perFlow",
          quantity: 3,
          inUse: 1,
        },
      ],
    },
    { environmentId: SANDBOX, name: "Sandbox", type: "sandbox", allocations: [] },
  ],
};

export const FLOW: Flow = {
  id: "33333333-4444-4555-8666-777777777777",
  environmentId: PRODUCTION,
  environmentName: "Production",
  name: "Invoice approval",
  description: null,
  kind: "cloud",
  owner: { id: ME_ID, displayName: "Pat Admin", email: "pat@contoso.test" },
  coOwners: [],
  connectors: ["shared_sql", "shared_office365"],
  usesPremiumConnectors: true,
  licenseMode: "owner",
  suspendedByDlp: false,
  canEdit: true,
  createdAt: NOW,
  updatedAt: NOW,
};

export const CONNECTORS = {
  items: [
    { id: "shared_office365", displayName: "Office 365 Outlook", tier: "standard" },
    { id: "shared_sql", displayName: "SQL Server", tier: "premium" },
    { id: "shared_twitter", displayName: "X", tier: "standard" },
  ],
};

/** A problem+json answer, with extension members. */
export function problem(status: number, code: string, extension: Record<string, unknown> = {}): Response {
  return Response.json(
    { type: "about:blank", title: code, status, code, ...extension },
    { status, headers: { "Content-Type": "application/problem+json" } },
  );
}

type Answer = (url: string, init: RequestInit | undefined) => Response | undefined;

/** Stubs fetch: /api/me with `roles`, then `answer`, then a 404. Returns the mock to read calls from. */
export function stubApi(roles: TenantRole[], answer: Answer) {
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const url = String(input);
    if (url === "/api/me") return Response.json(meWith(roles));
    return answer(url, init) ?? problem(404, "NotFound");
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

/** The body of the first call with this method (and URL), parsed. */
export function sentBody(fetchMock: ReturnType<typeof stubApi>, method: string, url?: string): unknown {
  const call = fetchMock.mock.calls.find(
    ([input, init]) => init?.method === method && (url === undefined || String(input) === url),
  );
  return call ? JSON.parse(String(call[1]?.body)) : undefined;
}

/** Renders a Power Platform page at `/t/:tenant/power-platform/<path>`, once /api/me says the tenant is reachable. */
export async function renderPowerPlatformPage(path: string, Page: ComponentType, language: Language = "en") {
  function InTenant() {
    return useCurrentTenant() ? <Page /> : null;
  }
  await powerPlatformTexts.load(language);
  window.history.replaceState(null, "", `/t/${TENANT}/power-platform/${path}`);
  const route = path.split("?")[0];
  await renderInApp(
    <BrowserRouter>
      <Routes>
        <Route path={`/t/:tenantId/power-platform/${route}`} element={<InTenant />} />
      </Routes>
    </BrowserRouter>,
    language,
  );
}
