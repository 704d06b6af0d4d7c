import type { AuditEvent } from "@allot/contracts";
import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Language } from "@/lib/i18n";
import { renderInApp } from "@/test/render";
import { auditTexts } from "../texts";
import { AuditTable } from "./audit-table";

const TENANT_ID = "c6a1e1f0-2d3b-4c5d-8e9f-0a1b2c3d4e5f";
const MEGAN = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d";

function event(id: string, changes: Partial<AuditEvent>): AuditEvent {
  return {
    id,
    tenantId: TENANT_ID,
    actorUserId: null,
    actorDisplayName: null,
    actorPartner: null,
    actorApplication: null,
    actorToken: null,
    action: "user.updated",
    targetType: "user",
    targetId: "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e",
    targetDisplayName: "Noor de Vries",
    before: null,
    after: null,
    requestId: null,
    createdAt: "2026-03-01T10:00:00.000Z",
    ...changes,
  };
}

const EVENTS: AuditEvent[] = [
  event("1f2e3d4c-5b6a-4789-8abc-def012345671", {
    actorApplication: { id: "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f", displayName: "Payroll sync" },
  }),
  event("1f2e3d4c-5b6a-4789-8abc-def012345672", {
    actorUserId: MEGAN,
    actorDisplayName: "Megan Bowen",
    actorToken: { id: "8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a", name: "nightly-report" },
  }),
  event("1f2e3d4c-5b6a-4789-8abc-def012345673", { actorUserId: MEGAN, actorDisplayName: "Megan Bowen" }),
  event("1f2e3d4c-5b6a-4789-8abc-def012345674", { action: "billing.subscriptionRenewed" }),
];

async function renderTable(language: Language = "en") {
  await auditTexts.load(language);
  await renderInApp(<AuditTable events={EVENTS} />, language);
}

/** The "Activity by" cell of each row, in order. */
function actorCells(tableName: string): string[] {
  const rows = within(screen.getByRole("table", { name: tableName }))
    .getAllByRole("row")
    .slice(1);
  return rows.map((row) => within(row).getAllByRole("cell")[1]?.textContent ?? "");
}

afterEach(() => window.localStorage.clear());

describe("AuditTable", () => {
  it("names an app as an app, a token with its person, a person, and the system", async () => {
    await renderTable();
    expect(actorCells("Audit log")).toEqual([
      "App: Payroll sync",
      "Megan Bowen · token nightly-report",
      "Megan Bowen",
      "System",
    ]);
  });

  it("says the same in Dutch", async () => {
    await renderTable("nl");
    const [app, token, , system] = actorCells("Auditlogboek");
    expect(app).toBe("App: Payroll sync");
    expect(token).toBe("Megan Bowen · token nightly-report");
    expect(system).toBe("Systeem");
  });
});
