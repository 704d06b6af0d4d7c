import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  CONNECTORS,
  ENVIRONMENTS,
  FLOW,
  PRODUCTION,
  problem,
  renderPowerPlatformPage,
  sentBody,
  stubApi,
  TENANT,
} from "../test/render-pp-page";
import { FlowsRoute } from "./flows";

const slow = { timeout: 8000 };
const FLOW_URL = `/api/tenants/${TENANT}/flows/${FLOW.id}`;
const CO_OWNER = {
  id: "44444444-5555-4666-8777-888888888888",
  displayName: "Sam Colleague",
  email: "sam@contoso.test",
};
/** A maker's own flow with a co-owner: the maker may edit it but not search the directory. */
const MINE = { ...FLOW, coOwners: [CO_OWNER] };

function makerApi(patch: (body: unknown) => Response) {
  return stubApi(["member"], (url, init) => {
    if (url === `/api/tenants/${TENANT}/environments`) return Response.json({ items: ENVIRONMENTS });
    if (url === `/api/tenants/${TENANT}/environments/${PRODUCTION}/flows`) return Response.json({ items: [MINE] });
    if (url === `/api/tenants/${TENANT}/connectors`) return Response.json(CONNECTORS);
    if (url === FLOW_URL && init?.method === "PATCH") return patch(JSON.parse(String(init.body)));
    if (url === FLOW_URL) return Response.json(MINE);
    return undefined;
  });
}

async function openEditDialog() {
  await renderPowerPlatformPage(`flows?flow=${FLOW.id}`, FlowsRoute);
  const pane = await screen.findByRole("dialog", { name: "Flow Invoice approval" }, slow);
  fireEvent.click(within(pane).getByRole("button", { name: "Edit flow Invoice approval" }));
  // Opened over the pane, the dialog's content counts as hidden in jsdom (Fluent's modal layers); the browser e2e
  // checks what assistive technology gets.
  const dialog = await screen.findByRole("dialog", { name: "Edit flow Invoice approval", hidden: true }, slow);
  await within(dialog).findByRole("checkbox", { name: "X", hidden: true }, slow);
  return dialog;
}

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe("Edit flow", () => {
  it("a maker renames its flow and adds a connector: the PATCH names only those fields", async () => {
    const fetchMock = makerApi((body) => Response.json({ ...MINE, ...(body as object) }));
    const dialog = await openEditDialog();
    const name = within(dialog).getByRole("textbox", { name: /^Name/, hidden: true }) as HTMLInputElement;
    expect(name.value).toBe("Invoice approval");
    expect(
      (within(dialog).getByRole("checkbox", { name: "SQL Server (premium)", hidden: true }) as HTMLInputElement)
        .checked,
    ).toBe(true);
    expect((within(dialog).getByRole("textbox", { name: /^Type/, hidden: true }) as HTMLInputElement).readOnly).toBe(
      true,
    );
    // No directory search for a maker: the current co-owner stays, removable.
    expect(within(dialog).queryByRole("combobox", { hidden: true })).toBeNull();
    expect(within(dialog).getByRole("button", { name: /Remove Sam Colleague$/, hidden: true })).toBeTruthy();

    fireEvent.change(name, { target: { value: "Invoice approval v2" } });
    fireEvent.click(within(dialog).getByRole("checkbox", { name: "X", hidden: true }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Save", hidden: true }));
    await waitFor(
      () => expect(screen.queryByRole("dialog", { name: "Edit flow Invoice approval", hidden: true })).toBeNull(),
      slow,
    );
    expect(sentBody(fetchMock, "PATCH", FLOW_URL)).toEqual({
      name: "Invoice approval v2",
      connectors: ["shared_sql", "shared_office365", "shared_twitter"],
    });
  }, 20_000);

  it("a DLP refusal names the policy and the connectors; nothing changed asks for a change first", async () => {
    const fetchMock = makerApi(() =>
      problem(422, "DlpViolation", {
        violations: [{ policy: "Contoso strict", reason: "mixed", connectors: ["shared_sql", "shared_twitter"] }],
      }),
    );
    const dialog = await openEditDialog();
    fireEvent.click(within(dialog).getByRole("button", { name: "Save", hidden: true }));
    expect((await within(dialog).findByRole("alert", { hidden: true }, slow)).textContent).toBe(
      "Change at least one field before saving.",
    );
    expect(sentBody(fetchMock, "PATCH", FLOW_URL)).toBeUndefined();

    fireEvent.click(within(dialog).getByRole("checkbox", { name: "X", hidden: true }));
    fireEvent.click(within(dialog).getByRole("button", { name: /Remove Sam Colleague$/, hidden: true }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Save", hidden: true }));
    await waitFor(
      () => expect(within(dialog).getByRole("alert", { hidden: true }).textContent).toContain("Contoso strict"),
      slow,
    );
    const alert = within(dialog).getByRole("alert", { hidden: true });
    expect(alert.textContent).toContain("A data policy doesn't allow these connectors");
    expect(alert.textContent).toContain("Contoso strict: business and non-business data mixed (SQL Server, X)");
    expect(sentBody(fetchMock, "PATCH", FLOW_URL)).toEqual({
      connectors: ["shared_sql", "shared_office365", "shared_twitter"],
      coOwnerIds: [],
    });
  }, 20_000);
});
