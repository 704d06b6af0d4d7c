import type { LicenseRequest } from "@allot/contracts";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { I18nProvider, type Language, loadCoreTexts } from "@/lib/i18n";
import { requestsTexts } from "../texts";
import { DenyDialog } from "./deny-dialog";

const REQUEST: LicenseRequest = {
  id: "3f7c1a52-3a43-4d0c-9a51-0b8f3c1d2e4f",
  status: "pending",
  requester: { id: "8b1e3c1d-4c56-4f7a-9d2e-1a2b3c4d5e6f", displayName: "Adele Vance", email: "adele@contoso.test" },
  skuId: "f30db892-07e9-47e9-837c-80727f46fd3d",
  skuPartNumber: "FLOW_FREE",
  productName: "Power Automate Premium",
  message: null,
  createdAt: "2026-01-05T10:00:00.000Z",
  decidedAt: null,
  decidedBy: null,
  decisionReason: null,
  fulfilledWith: null,
};

const fetchMock = vi.fn<typeof fetch>();

async function renderDialog(language: Language) {
  window.localStorage.setItem("allot.language", language);
  await loadCoreTexts(language);
  await requestsTexts.load(language);
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
      <I18nProvider>
        <FluentProvider theme={webLightTheme}>
          <DenyDialog tenantId="c6a1e1f0-2d3b-4c5d-8e9f-0a1b2c3d4e5f" request={REQUEST} onClose={() => undefined} />
        </FluentProvider>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe("DenyDialog", () => {
  it("asks for a reason, in the language shown, and sends nothing without one", async () => {
    await renderDialog("nl");
    fireEvent.change(screen.getByRole("textbox", { name: /Reden/ }), { target: { value: "   " } });
    fireEvent.click(screen.getByRole("button", { name: "Afwijzen" }));
    expect(await screen.findByText("Vul een reden in.")).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("puts the API's refusal of the reason on the reason field", async () => {
    fetchMock.mockResolvedValue(
      new Response(
        JSON.stringify({
          type: "about:blank",
          title: "Validation failed",
          status: 400,
          code: "ValidationFailed",
          errors: [{ path: "body.reason", message: "Say it without the customer's name." }],
        }),
        { status: 400, headers: { "Content-Type": "application/problem+json" } },
      ),
    );
    await renderDialog("en");
    fireEvent.change(screen.getByRole("textbox", { name: /Reason/ }), { target: { value: "Not for Contoso's Adele" } });
    fireEvent.click(screen.getByRole("button", { name: "Deny" }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(String(url)).toContain(`/licenseRequests/${REQUEST.id}/deny`);
    expect(JSON.parse(String(init?.body))).toEqual({ reason: "Not for Contoso's Adele" });
    const reason = screen.getByRole("textbox", { name: /Reason/ });
    expect(await screen.findByText("Say it without the customer's name.")).toBeTruthy();
    expect(reason.getAttribute("aria-invalid")).toBe("true");
    // On the field, not on the banner.
    expect(screen.queryByText(/Some of the values are not valid/)).toBeNull();
  });
});
