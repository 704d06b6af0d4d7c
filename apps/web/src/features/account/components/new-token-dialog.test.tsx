import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Language } from "@/lib/i18n";
import { renderInApp } from "@/test/render";
import { offeredScopes } from "../lib/token-scopes";
import { accountTexts } from "../texts";
import { NewTokenDialog } from "./new-token-dialog";

const HOME = "c6a1e1f0-2d3b-4c5d-8e9f-0a1b2c3d4e5f";
const TOKEN = "allot_pat_abcdEFGHijklMNOPqrstUVWXyz0123456789";

const fetchMock = vi.fn<typeof fetch>();

async function renderDialog(roles: Parameters<typeof offeredScopes>[0], language: Language = "en") {
  await accountTexts.load(language);
  await renderInApp(
    <NewTokenDialog homeTenantId={HOME} offered={offeredScopes(roles)} open onClose={() => undefined} />,
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

describe("NewTokenDialog", () => {
  it("offers a license admin only the rights the role holds, never users.manage", async () => {
    await renderDialog([{ roles: ["licenseAdmin"] }]);
    const rights = screen.getByRole("group", { name: "Rights" });
    expect(within(rights).getAllByRole("checkbox")).toHaveLength(5);
    expect(within(rights).getByRole("checkbox", { name: "Read users, groups and licenses" })).toBeTruthy();
    expect(within(rights).getByRole("checkbox", { name: "Assign and remove licenses" })).toBeTruthy();
    expect(within(rights).queryByRole("checkbox", { name: "Add, edit and delete users" })).toBeNull();
    expect(within(rights).queryByRole("checkbox", { name: "Register apps" })).toBeNull();
  });

  it("asks for a right before sending anything", async () => {
    await renderDialog([{ roles: ["licenseAdmin"] }]);
    await userEvent.type(screen.getByRole("textbox", { name: /^Name/ }), "Report");
    await userEvent.click(screen.getByRole("button", { name: "Create token" }));
    expect(await screen.findByText("Choose at least one right.")).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("sends the rights and lifetime chosen, then shows the token once", async () => {
    fetchMock.mockResolvedValue(
      new Response(
        JSON.stringify({
          id: "3f7c1a52-3a43-4d0c-9a51-0b8f3c1d2e4f",
          name: "Report",
          scopes: ["directory.read"],
          hint: "abcd",
          expiresAt: "2027-03-07T10:00:00.000Z",
          createdAt: "2026-12-07T10:00:00.000Z",
          lastUsedAt: null,
          token: TOKEN,
        }),
        { status: 201, headers: { "Content-Type": "application/json" } },
      ),
    );
    await renderDialog([{ roles: ["licenseAdmin"] }]);
    await userEvent.type(screen.getByRole("textbox", { name: /^Name/ }), "Report");
    await userEvent.click(screen.getByRole("checkbox", { name: "Read users, groups and licenses" }));
    await userEvent.click(screen.getByRole("radio", { name: "In 90 days" }));
    await userEvent.click(screen.getByRole("button", { name: "Create token" }));

    const dialog = await screen.findByRole("dialog", { name: "Token created" });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(String(url)).toBe("/api/me/tokens");
    expect(JSON.parse(String(init?.body))).toEqual({ name: "Report", scopes: ["directory.read"], expiresInDays: 90 });
    expect(within(dialog).getByRole("textbox", { name: "Personal access token" })).toHaveProperty("value", TOKEN);
    expect(within(dialog).getByText("Copy your token now")).toBeTruthy();
    expect(within(dialog).getByRole("button", { name: "Copy the token" })).toBeTruthy();
  });

  it("names the rights in Dutch", async () => {
    await renderDialog([{ roles: ["licenseAdmin"] }], "nl");
    const rights = screen.getByRole("group", { name: "Rechten" });
    expect(within(rights).getByRole("checkbox", { name: "Gebruikers, groepen en licenties lezen" })).toBeTruthy();
    expect(within(rights).getByRole("checkbox", { name: "Licenties toewijzen en verwijderen" })).toBeTruthy();
    expect(screen.getByRole("radio", { name: "Over 30 dagen" })).toHaveProperty("checked", true);
  });
});
