import type { Me } from "@allot/contracts";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { meQueryKey } from "@/lib/auth";
import { I18nProvider, loadCoreTexts } from "@/lib/i18n";
import { licensingKeys } from "@/lib/licensing/keys";
import { directoryTexts, usersTexts } from "../texts";
import { AddUserDialog } from "./add-user-dialog";

const TENANT = "5b0c2f5e-6f1d-4c8a-9a3e-2f4d6c8b0a1e";

const me: Me = {
  user: {
    id: "0f8e4c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b",
    tenantId: TENANT,
    displayName: "Megan Bowen",
    email: "admin@contoso.test",
    preferredLanguage: null,
    passwordChangeRequired: false,
  },
  tenants: [
    { id: TENANT, name: "Contoso", domain: "contoso.test", kind: "customer", access: "member", roles: ["globalAdmin"] },
  ],
  csrfToken: "token",
};

beforeAll(async () => {
  await loadCoreTexts("en");
  await usersTexts.load("en");
  await directoryTexts.load("en");
});

afterEach(() => vi.unstubAllGlobals());

/** The API answers every call with this problem document (the API is outside the unit under test). */
function apiAnswers(problem: Record<string, unknown>) {
  const fetch = vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(JSON.stringify(problem), {
        status: Number(problem.status),
        headers: { "Content-Type": "application/problem+json" },
      }),
  );
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

/** The dialog on the users page of a tenant where the signed-in admin may add users; no products to license. */
function renderDialog() {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY }, mutations: { retry: false } },
  });
  queryClient.setQueryData(meQueryKey, me);
  queryClient.setQueryData(licensingKeys.subscribedSkus(TENANT), []);
  render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <MemoryRouter initialEntries={[`/t/${TENANT}/users`]}>
          <Routes>
            <Route
              path="/t/:tenantId/users"
              element={<AddUserDialog tenantId={TENANT} open onOpenChange={() => {}} />}
            />
          </Routes>
        </MemoryRouter>
      </I18nProvider>
    </QueryClientProvider>,
  );
  // A required field's label ends in an asterisk.
  return {
    name: screen.getByLabelText(/^Display name/, { selector: "input" }),
    email: screen.getByLabelText(/^Username \(email address\)/, { selector: "input" }),
    submit: screen.getByRole("button", { name: "Add user" }),
  };
}

describe("AddUserDialog", () => {
  it("explains a username that is not an email address, and sends nothing", async () => {
    const fetch = apiAnswers({ status: 500, type: "about:blank", title: "Unexpected", code: "InternalError" });
    const user = userEvent.setup();
    const dialog = renderDialog();
    await user.type(dialog.name, "Adele Vance");
    await user.type(dialog.email, "adele");
    await user.click(dialog.submit);

    expect(await screen.findByText("Enter an email address, like name@example.com.")).toBeTruthy();
    expect(dialog.email.getAttribute("aria-invalid")).toBe("true");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("puts EmailTaken beside the username, not in a banner", async () => {
    const fetch = apiAnswers({
      status: 409,
      type: "about:blank",
      title: "Email taken",
      code: "EmailTaken",
    });
    const user = userEvent.setup();
    const dialog = renderDialog();
    await user.type(dialog.name, "Adele Vance");
    await user.type(dialog.email, "adele@contoso.test");
    await user.click(dialog.submit);

    expect(await screen.findByText("Another user already has this email address.")).toBeTruthy();
    expect(dialog.email.getAttribute("aria-invalid")).toBe("true");
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(`/api/tenants/${TENANT}/users`);
    expect(JSON.parse(String(init?.body))).toMatchObject({ displayName: "Adele Vance", email: "adele@contoso.test" });
    expect(screen.getAllByText("Another user already has this email address.")).toHaveLength(1);
  });
});
