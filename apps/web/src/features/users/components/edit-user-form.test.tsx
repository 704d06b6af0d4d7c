import { NO_DIRECTORY_FIELDS, type User } from "@allot/contracts";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { I18nProvider, loadCoreTexts } from "@/lib/i18n";
import { directoryTexts, usersTexts } from "../texts";
import { EditUserForm } from "./edit-user-form";

const TENANT = "5b0c2f5e-6f1d-4c8a-9a3e-2f4d6c8b0a1e";

const adele = {
  ...NO_DIRECTORY_FIELDS,
  id: "0f8e4c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b",
  displayName: "Adele Vance",
  usageLocation: "NL",
  accountEnabled: true,
  department: "Sales",
} as User;

beforeAll(async () => {
  await loadCoreTexts("en");
  await usersTexts.load("en");
  await directoryTexts.load("en");
});

afterEach(() => vi.unstubAllGlobals());

function renderForm() {
  const fetch = vi.fn();
  vi.stubGlobal("fetch", fetch);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nProvider>
        <EditUserForm tenantId={TENANT} user={adele} onDone={() => {}} />
      </I18nProvider>
    </QueryClientProvider>,
  );
  return { fetch, name: screen.getByLabelText(/^Display name/, { selector: "input" }) };
}

describe("EditUserForm", () => {
  it("asks for a change when nothing changed, and sends nothing", async () => {
    const user = userEvent.setup();
    const { fetch } = renderForm();
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Change at least one field before saving.")).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("explains an emptied name beside it, and sends nothing", async () => {
    const user = userEvent.setup();
    const { fetch, name } = renderForm();
    await user.clear(name);
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Enter a value.")).toBeTruthy();
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("edits contact information: sends only the changed fields, a cleared one as null", async () => {
    const user = userEvent.setup();
    const { fetch } = renderForm();
    fetch.mockResolvedValue(new Response(JSON.stringify({}), { status: 500 }));
    await user.type(screen.getByRole("textbox", { name: "Job title" }), "Buyer");
    await user.clear(screen.getByRole("textbox", { name: "Department" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Country or region" }), "BE");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    const [, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toEqual({ jobTitle: "Buyer", department: null, country: "BE" });
  }, 20_000);

  it("explains a bad alternate email beside it, with the API's schema, and sends nothing", async () => {
    const user = userEvent.setup();
    const { fetch } = renderForm();
    const field = screen.getByRole("textbox", { name: "Alternate email address" });
    await user.type(field, "not-an-email");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await vi.waitFor(() => expect(field.getAttribute("aria-invalid")).toBe("true"));
    expect(fetch).not.toHaveBeenCalled();
  }, 20_000);
});
