import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import { licensingTexts } from "@/components/licensing/texts";
import { I18nProvider, loadCoreTexts } from "@/lib/i18n";
import { userImportTexts } from "../texts";
import { PreviewSummary } from "./preview-summary";

const COUNTS = { create: 0, update: 0, assign: 3, change: 1, remove: 2, unchanged: 5, refuse: 1 };
const SEATS = [
  {
    skuId: "11111111-1111-4111-8111-111111111111",
    skuPartNumber: "POWER_BI_PRO",
    displayName: "Power BI Pro",
    availableBefore: 1,
    availableAfter: -2,
  },
  {
    skuId: "22222222-2222-4222-8222-222222222222",
    skuPartNumber: "VISIO",
    displayName: "Visio Plan 2",
    availableBefore: 4,
    availableAfter: 6,
  },
];

beforeAll(async () => {
  await loadCoreTexts("en");
  await userImportTexts.load("en");
  await licensingTexts.load("en");
});

function Harness() {
  const [confirmed, setConfirmed] = useState(false);
  return (
    <I18nProvider>
      <PreviewSummary
        kind="licenses"
        preview={{ counts: COUNTS, seats: SEATS }}
        removalConfirmed={confirmed}
        onRemovalConfirmed={setConfirmed}
      />
      <output>{confirmed ? "confirmed" : "not confirmed"}</output>
    </I18nProvider>
  );
}

describe("PreviewSummary of a license assignment file", () => {
  it("counts assign, change, remove, unchanged and refuse, warns of a shortage and of the data removal", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const terms = screen.getAllByRole("term").map((term) => term.textContent);
    expect(terms).toEqual(["Licenses to assign", "Licenses to change", "Licenses to remove", "Unchanged", "Refused"]);
    expect(screen.getAllByRole("definition").map((value) => value.textContent)).toEqual(["3", "1", "2", "5", "1"]);
    expect(screen.getByText(/^Power BI Pro: 2 seats short\./)).toBeTruthy();
    expect(screen.queryByText(/^Visio Plan 2: .* short/)).toBeNull();
    expect(screen.getByText("1 → -2")).toBeTruthy();
    // The one data-loss warning every remove path shows, then the confirmation Apply waits for.
    expect(screen.getByText("Data will be deleted")).toBeTruthy();
    expect(screen.getByText(/^Removing these licenses deletes the users' data/)).toBeTruthy();
    await user.click(screen.getByRole("checkbox", { name: /I have read the warning and want these licenses removed/ }));
    expect(screen.getByText("confirmed")).toBeTruthy();
  }, 20_000);
});
