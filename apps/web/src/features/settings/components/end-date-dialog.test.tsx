import type { PartnerRelationship } from "@allot/contracts";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Language } from "@/lib/i18n";
import { renderInApp } from "@/test/render";
import { settingsTexts } from "../texts";
import { EndDateDialog, endOfAccess } from "./end-date-dialog";

const TENANT_ID = "c6a1e1f0-2d3b-4c5d-8e9f-0a1b2c3d4e5f";

const RELATIONSHIP: PartnerRelationship = {
  id: "3f7c1a52-3a43-4d0c-9a51-0b8f3c1d2e4f",
  partner: { tenantId: "8b1e3c1d-4c56-4f7a-9d2e-1a2b3c4d5e6f", name: "Northwind Partners", domain: "partner.test" },
  status: "active",
  grantsAccess: true,
  createdAt: "2026-01-05T10:00:00.000Z",
  endsAt: null,
  roles: ["adminAgent", "helpdeskAgent"],
  agents: [],
};

const fetchMock = vi.fn<typeof fetch>();

async function renderDialog(language: Language = "en") {
  await settingsTexts.load(language);
  await renderInApp(
    <EndDateDialog tenantId={TENANT_ID} relationship={RELATIONSHIP} onClose={() => undefined} />,
    language,
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

describe("endOfAccess", () => {
  it("is the start of the typed day in UTC, whichever way the language writes it", () => {
    expect(endOfAccess("31/01/2027")).toBe("2027-01-31T00:00:00Z");
    expect(endOfAccess("31-1-2027")).toBe("2027-01-31T00:00:00Z");
    expect(endOfAccess("31/02/2027")).toBeUndefined();
    expect(endOfAccess("")).toBeUndefined();
  });
});

describe("EndDateDialog", () => {
  it("says how to write a date that is no day, and sends nothing", async () => {
    await renderDialog();
    await userEvent.type(screen.getByRole("textbox", { name: /End date/ }), "31/02/2027");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Enter a date as dd/mm/yyyy.")).toBeTruthy();
    expect(screen.getByRole("textbox", { name: /End date/ }).getAttribute("aria-invalid")).toBe("true");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("says it in Dutch too, and refuses a day already begun without asking the API", async () => {
    await renderDialog("nl");
    const field = screen.getByRole("textbox", { name: /Einddatum/ });
    await userEvent.type(field, "morgen");
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    expect(await screen.findByText("Voer een datum in als dd-mm-jjjj.")).toBeTruthy();
    await userEvent.clear(field);
    await userEvent.type(field, "01-01-2020");
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    expect(await screen.findByText(/^Kies een dag na vandaag\./)).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("sends the start of the day in UTC and puts the API's refusal of endsAt on the field", async () => {
    fetchMock.mockResolvedValue(
      new Response(
        JSON.stringify({
          type: "about:blank",
          title: "Validation failed",
          status: 400,
          code: "ValidationFailed",
          errors: [{ path: "body.endsAt", message: "must lie in the future" }],
        }),
        { status: 400, headers: { "Content-Type": "application/problem+json" } },
      ),
    );
    await renderDialog();
    await userEvent.type(screen.getByRole("textbox", { name: /End date/ }), "31/01/2099");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(String(url)).toContain(`/api/tenants/${TENANT_ID}/partnerRelationships/${RELATIONSHIP.id}`);
    expect(init?.method).toBe("PATCH");
    expect(JSON.parse(String(init?.body))).toEqual({ endsAt: "2099-01-31T00:00:00.000Z" });
    expect(await screen.findByText("must lie in the future")).toBeTruthy();
    expect(screen.getByRole("textbox", { name: /End date/ }).getAttribute("aria-invalid")).toBe("true");
    // On the field, not in the banner.
    expect(screen.queryByText(/Some of the values are not valid/)).toBeNull();
  });
});
