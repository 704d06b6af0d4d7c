import type { Me, User } from "@allot/contracts";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { meQueryKey } from "@/lib/auth";
import { I18nProvider, loadCoreTexts } from "@/lib/i18n";
import { licensingTexts } from "./texts";
import { UsageLocationFix } from "./usage-location-fix";

const TENANT = "6f1c2d3e-4a5b-4c6d-8e7f-901234567890";
const USER = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
const homeless = { id: USER, displayName: "Adele Vance", roles: [] } as unknown as User;
const me = {
  user: { id: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", tenantId: TENANT, displayName: "Admin" },
  tenants: [
    { id: TENANT, name: "Contoso", domain: "contoso.com", kind: "customer", access: "member", roles: ["globalAdmin"] },
  ],
  csrfToken: "token",
} as unknown as Me;

function renderFix() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // The signed-in admin, as the tenant layout would have loaded it.
  client.setQueryData(meQueryKey, me);
  return render(
    <QueryClientProvider client={client}>
      <I18nProvider>
        <MemoryRouter initialEntries={[`/t/${TENANT}`]}>
          <Routes>
            <Route
              path="/t/:tenantId"
              element={<UsageLocationFix tenantId={TENANT} userId={USER} userName="Adele Vance" user={homeless} />}
            />
          </Routes>
        </MemoryRouter>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

beforeAll(async () => {
  await loadCoreTexts("en");
  await licensingTexts.load("en");
});
beforeEach(() => window.localStorage.setItem("allot.language", "en"));
afterEach(() => vi.unstubAllGlobals());

describe("UsageLocationFix", () => {
  it("asks for a country first and sends nothing without one", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    renderFix();
    await userEvent.setup().click(screen.getByRole("button", { name: "Set usage location" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Choose a country or region first.");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("shows the API's problem with the usage location on the field", async () => {
    const fetch = vi.fn(async () =>
      Response.json(
        {
          type: "about:blank",
          title: "Validation failed",
          status: 422,
          code: "ValidationFailed",
          errors: [{ path: "/body/usageLocation", message: "must be an ISO 3166-1 alpha-2 country code" }],
        },
        { status: 422, headers: { "Content-Type": "application/problem+json" } },
      ),
    );
    vi.stubGlobal("fetch", fetch);
    renderFix();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole("combobox", { name: "Usage location of Adele Vance" }), "NL");
    await user.click(screen.getByRole("button", { name: "Set usage location" }));

    expect((await screen.findByRole("alert")).textContent).toBe("must be an ISO 3166-1 alpha-2 country code");
    // On the field, not as the banner of a failed request.
    expect(screen.queryByText("Some of the values are not valid. Check the highlighted fields.")).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/api/tenants/${TENANT}/users/${USER}`);
    expect(JSON.parse(String(init.body))).toEqual({ usageLocation: "NL" });
  });
});
