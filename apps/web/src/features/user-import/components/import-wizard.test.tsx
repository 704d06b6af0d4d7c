import type { Me, UserImport } from "@allot/contracts";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { meQueryKey } from "@/lib/auth";
import { I18nProvider, loadCoreTexts } from "@/lib/i18n";
import { userImportTexts } from "../texts";
import { ImportWizard } from "./import-wizard";

const TENANT = "5b0c2f5e-6f1d-4c8a-9a3e-2f4d6c8b0a1e";
const IMPORT = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";

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

/** What Verify answers for a file of 4 rows, two of them with a problem. */
const verified: UserImport = {
  id: IMPORT,
  kind: "users",
  fileName: "staff.csv",
  status: "verified",
  encoding: "utf-8",
  delimiter: "semicolon",
  rowCount: 4,
  problemRowCount: 2,
  problems: [
    { line: 4, column: "User Name", code: "InvalidEmail", message: '"cees" is not an email address.' },
    { line: 5, column: "Country or Region", code: "UnknownCountry", message: '"Atlantis" is no country.' },
  ],
  preview: null,
  progress: null,
  outcomes: null,
  passwordsAvailable: false,
  createdAt: "2026-12-07T20:00:00.000Z",
  completedAt: null,
  error: null,
};

beforeAll(async () => {
  await loadCoreTexts("en");
  await userImportTexts.load("en");
});

afterEach(() => vi.unstubAllGlobals());

function renderWizard() {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY }, mutations: { retry: false } },
  });
  queryClient.setQueryData(meQueryKey, me);
  render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <MemoryRouter initialEntries={[`/t/${TENANT}/users/import`]}>
          <Routes>
            <Route path="/t/:tenantId/users/import" element={<ImportWizard kind="users" />} />
          </Routes>
        </MemoryRouter>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

describe("ImportWizard", () => {
  it("sends the file as it is, then lists every problem by line and column and offers the valid rows", async () => {
    const fetch = vi.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response(JSON.stringify(verified), { status: 201, headers: { "Content-Type": "application/json" } }),
    );
    vi.stubGlobal("fetch", fetch);
    const user = userEvent.setup();
    renderWizard();

    expect(screen.getByRole("heading", { level: 1, name: "Add multiple users" })).toBeTruthy();
    const verify = screen.getByRole("button", { name: "Verify" });
    expect(verify.getAttribute("aria-disabled")).toBe("true");
    const file = new File(["User Name;Country or Region\r\n"], "staff.csv", { type: "text/csv" });
    await user.upload(screen.getByLabelText("Choose a CSV file", { selector: "input" }), file);
    expect(screen.getByText(/^staff\.csv \(/)).toBeTruthy();
    await user.click(verify);

    const table = await screen.findByRole("table", { name: "Problems in the file, by line and column" });
    const rows = within(table).getAllByRole("row");
    expect(rows.map((row) => row.textContent)).toEqual([
      "LineColumnProblem",
      '4User Name"cees" is not an email address.',
      '5Country or Region"Atlantis" is no country.',
    ]);
    expect(screen.getByText(/2 of 4 rows have problems/)).toBeTruthy();
    expect(screen.getByText("Read as UTF-8, separated by semicolons.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Continue with the 2 valid rows" })).toBeTruthy();

    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(`/api/tenants/${TENANT}/userImports?kind=users&fileName=staff.csv`);
    expect(init?.method).toBe("POST");
    expect(new Headers(init?.headers).get("Content-Type")).toBe("text/csv");
    expect(init?.body).toBe(file);
    // Rendering Fluent's table with user-event typing is slow on a loaded machine.
  }, 20_000);

  it("refuses a file that is not a CSV before sending anything", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    const user = userEvent.setup({ applyAccept: false });
    renderWizard();
    await user.upload(
      screen.getByLabelText("Choose a CSV file", { selector: "input" }),
      new File(["%PDF"], "staff.pdf", { type: "application/pdf" }),
    );
    expect(screen.getByText(/^Choose a \.csv file/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Verify" }).getAttribute("aria-disabled")).toBe("true");
    expect(fetch).not.toHaveBeenCalled();
  });
});
