import type { CapacityConflict } from "@allot/contracts";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { I18nProvider, type Language, loadCoreTexts } from "@/lib/i18n";
import { conflictsTexts } from "../texts";
import { CapacityConflictCard } from "./capacity-conflict-card";

const TENANT = "c6a1e1f0-2d3b-4c5d-8e9f-0a1b2c3d4e5f";
const CONFLICT: CapacityConflict = {
  skuId: "6d1c0e4b-8b0a-4f3e-9d2e-7c9b1f2a3e02",
  skuPartNumber: "POWERAUTOMATE_HOSTED_PROCESS",
  displayName: "Power Automate Hosted Process",
  capacityType: "hostedProcess",
  bought: 1,
  allocated: 3,
  overAllocated: 2,
  environments: [
    { id: "3f7c1a52-3a43-4d0c-9a51-0b8f3c1d2e4f", name: "Finance", quantity: 2 },
    { id: "8b1e3c1d-4c56-4f7a-9d2e-1a2b3c4d5e6f", name: "Sales", quantity: 1 },
  ],
};

async function renderCard(language: Language) {
  window.localStorage.setItem("allot.language", language);
  await loadCoreTexts(language);
  await conflictsTexts.load(language);
  render(
    <MemoryRouter>
      <I18nProvider>
        <FluentProvider theme={webLightTheme}>
          <CapacityConflictCard tenantId={TENANT} conflict={CONFLICT} />
        </FluentProvider>
      </I18nProvider>
    </MemoryRouter>,
  );
}

afterEach(() => window.localStorage.clear());

describe("CapacityConflictCard", () => {
  it("says bought against allocated, lists the environments and links to the Add-ons page", async () => {
    await renderCard("en");
    expect(
      screen.getByRole("region", { name: "Power Automate Hosted Process: allocated beyond what is bought" }),
    ).toBeTruthy();
    expect(screen.getByText("Bought: 1 · Allocated to environments: 3 · Over by: 2")).toBeTruthy();
    expect(screen.getByText("Finance: 2 allocated")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Go to Add-ons" }).getAttribute("href")).toBe(
      `/t/${TENANT}/power-platform/capacity`,
    );
  });

  it("in Dutch", async () => {
    await renderCard("nl");
    expect(screen.getByText("Gekocht: 1 · Toegewezen aan omgevingen: 3 · Te veel: 2")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Naar Invoegtoepassingen" })).toBeTruthy();
  });
});
