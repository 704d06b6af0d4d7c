import { type Group, NO_DIRECTORY_FIELDS, type User } from "@allot/contracts";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { I18nProvider, loadCoreTexts } from "@/lib/i18n";
import { groupsTexts } from "../texts";
import { AddMembersDialog } from "./add-members-dialog";

const TENANT = "6f1c2d3e-4a5b-4c6d-8e7f-901234567890";
const group: Group = {
  id: "0d9c8b7a-6f5e-4d3c-9b2a-112233445566",
  tenantId: TENANT,
  displayName: "Sales",
  description: null,
  memberCount: 0,
  createdAt: "2026-01-05T10:00:00.000Z",
} as Group;
const megan: User = {
  id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
  tenantId: TENANT,
  displayName: "Megan Bowen",
  email: "megan@contoso.com",
  userType: "member",
  usageLocation: "NL",
  accountEnabled: true,
  roles: [],
  licenseCount: 0,
  licenses: [],
  createdAt: "2026-01-05T10:00:00.000Z",
  lastSignInAt: null,
  deletedAt: null,
  ...NO_DIRECTORY_FIELDS,
};

/** The API as this dialog sees it: the user search answers Megan; adding members answers `addAnswer`. */
function stubApi(addAnswer: () => Response) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    if (init?.method === "POST") return addAnswer();
    if (url.startsWith(`/api/tenants/${TENANT}/users`)) {
      return Response.json({ items: [megan], nextCursor: null });
    }
    return new Response(null, { status: 404 });
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

const posts = (fetch: ReturnType<typeof stubApi>) => fetch.mock.calls.filter(([, init]) => init?.method === "POST");

function renderDialog() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <I18nProvider>{children}</I18nProvider>
    </QueryClientProvider>
  );
  return render(<AddMembersDialog tenantId={TENANT} group={group} memberIds={new Set()} open onClose={() => {}} />, {
    wrapper,
  });
}

beforeAll(async () => {
  await loadCoreTexts("en");
  await groupsTexts.load("en");
});
beforeEach(() => window.localStorage.setItem("allot.language", "en"));
afterEach(() => vi.unstubAllGlobals());

describe("AddMembersDialog", () => {
  it("sends nothing while no user is ticked", async () => {
    const fetch = stubApi(() => new Response(null, { status: 204 }));
    renderDialog();
    const user = userEvent.setup();
    await screen.findByRole("checkbox", { name: /Megan Bowen/ });
    await user.click(screen.getByRole("button", { name: "Add" }));
    // Enter in the search box searches; it does not submit either.
    await user.type(screen.getByRole("searchbox", { name: "Find users" }), "meg{Enter}");
    expect(posts(fetch)).toEqual([]);
    expect(screen.getByText("0 users selected")).toBeTruthy();
  });

  it("shows the API's AlreadyMember on the list of users, not as a banner", async () => {
    const fetch = stubApi(() =>
      Response.json(
        { type: "about:blank", title: "Conflict", status: 409, code: "AlreadyMember" },
        { status: 409, headers: { "Content-Type": "application/problem+json" } },
      ),
    );
    renderDialog();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("checkbox", { name: /Megan Bowen/ }));
    expect(screen.getByText("1 user selected")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Add" }));

    // Once, as the list's own problem (findByText fails on a second copy in a banner).
    const message = await screen.findByText("This user is already a member of the group.");
    const list = screen.getByRole("group", { name: "1 user selected" });
    expect(list.getAttribute("aria-invalid")).toBe("true");
    expect(list.getAttribute("aria-describedby")).toContain(message.closest("[id]")?.id);
    const [, init] = posts(fetch)[0] ?? [];
    expect(JSON.parse(String(init?.body))).toEqual({ userIds: [megan.id] });
  });
});
