import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Language } from "@/lib/i18n";
import { renderInApp } from "@/test/render";
import { settingsTexts } from "../texts";
import { NewSecretDialog } from "./new-secret-dialog";

const TENANT_ID = "c6a1e1f0-2d3b-4c5d-8e9f-0a1b2c3d4e5f";
const APP_ID = "3f7c1a52-3a43-4d0c-9a51-0b8f3c1d2e4f";
const SECRET = "Xy7~secret-text-shown-once-0123456789abcdef";

const fetchMock = vi.fn<typeof fetch>();
const onClose = vi.fn();

async function renderDialog(language: Language = "en") {
  await settingsTexts.load(language);
  await renderInApp(<NewSecretDialog tenantId={TENANT_ID} applicationId={APP_ID} open onClose={onClose} />, language);
}

function created() {
  return new Response(
    JSON.stringify({
      id: "9b1e3c1d-4c56-4f7a-9d2e-1a2b3c4d5e6f",
      secretText: SECRET,
      expiresAt: "2028-12-06T10:00:00.000Z",
    }),
    { status: 201, headers: { "Content-Type": "application/json" } },
  );
}

beforeEach(() => {
  fetchMock.mockReset();
  onClose.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe("NewSecretDialog", () => {
  it("offers 180 days first, sends the lifetime chosen, and shows the secret once, read-only, with a warning", async () => {
    fetchMock.mockResolvedValue(created());
    await renderDialog();
    expect(screen.getByRole("radio", { name: "In 180 days (recommended)" })).toHaveProperty("checked", true);
    await userEvent.type(screen.getByRole("textbox", { name: /^Description/ }), "Nightly job");
    await userEvent.click(screen.getByRole("radio", { name: "In 2 years" }));
    await userEvent.click(screen.getByRole("button", { name: "Add" }));

    const dialog = await screen.findByRole("dialog", { name: "Client secret added" });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(String(url)).toBe(`/api/tenants/${TENANT_ID}/applications/${APP_ID}/secrets`);
    expect(init?.method).toBe("POST");
    expect(JSON.parse(String(init?.body))).toEqual({ displayName: "Nightly job", expiresInDays: 730 });

    const field = within(dialog).getByRole("textbox", { name: "Secret value" });
    expect(field).toHaveProperty("value", SECRET);
    expect(field).toHaveProperty("readOnly", true);
    expect(within(dialog).getByText("Copy the secret value now")).toBeTruthy();
    expect(within(dialog).getByText(/shown only this once/)).toBeTruthy();
    expect(within(dialog).getByText("Expires on 6 Dec 2028.")).toBeTruthy();
    // The form is gone: nothing to submit twice, only Done.
    expect(within(dialog).queryByRole("button", { name: "Add" })).toBeNull();
    await userEvent.click(within(dialog).getByRole("button", { name: "Done" }));
    expect(onClose).toHaveBeenCalled();
  });

  it("copies the secret to the clipboard and says so", async () => {
    fetchMock.mockResolvedValue(created());
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
    await renderDialog();
    // userEvent installs its own clipboard on setup; ours replaces it afterwards.
    const user = userEvent.setup();
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await user.click(screen.getByRole("button", { name: "Add" }));
    const dialog = await screen.findByRole("dialog", { name: "Client secret added" });
    await user.click(within(dialog).getByRole("button", { name: "Copy the secret value" }));
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(await within(dialog).findByText("Copied to the clipboard")).toBeTruthy();
    // No description typed: the API names the secret itself.
    expect(JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body))).toEqual({ expiresInDays: 180 });
  });

  it("warns in Dutch too", async () => {
    fetchMock.mockResolvedValue(created());
    await renderDialog("nl");
    expect(screen.getByRole("radio", { name: "Over 180 dagen (aanbevolen)" })).toHaveProperty("checked", true);
    await userEvent.click(screen.getByRole("button", { name: "Toevoegen" }));
    const dialog = await screen.findByRole("dialog", { name: "Clientgeheim toegevoegd" });
    expect(within(dialog).getByText("Kopieer de waarde van het geheim nu")).toBeTruthy();
    expect(within(dialog).getByRole("textbox", { name: "Waarde van het geheim" })).toHaveProperty("value", SECRET);
  });

  it("keeps the dialog open with the API's error when the app is gone", async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ type: "about:blank", title: "Not found", status: 404, code: "NotFound" }), {
        status: 404,
        headers: { "Content-Type": "application/problem+json" },
      }),
    );
    await renderDialog();
    await userEvent.click(screen.getByRole("button", { name: "Add" }));
    await waitFor(() => expect(screen.getByRole("alert")).toBeTruthy());
    expect(screen.getByRole("dialog", { name: "Add a client secret" })).toBeTruthy();
    expect(screen.queryByRole("textbox", { name: "Secret value" })).toBeNull();
  });
});
