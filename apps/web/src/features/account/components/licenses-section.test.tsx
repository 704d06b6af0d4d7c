import type { MyLicenses } from "@allot/contracts";
import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderInApp } from "@/test/render";
import { accountTexts } from "../texts";
import { LicensesSection } from "./licenses-section";

type License = MyLicenses["licenses"][number];

const TRIAL: License = {
  skuId: "f30db892-07e9-47e9-837c-80727f46fd3d",
  skuPartNumber: "FLOW_FREE",
  productName: "Microsoft Power Automate Free",
  state: "Active",
  direct: true,
  groups: [],
  trialEndsAt: "2027-05-30T09:00:00.000Z",
  trialDaysLeft: 87,
  individualTrial: false,
  servicePlans: [],
};
const INDIVIDUAL: License = { ...TRIAL, direct: false, trialDaysLeft: 1, individualTrial: true };
const PAID: License = {
  ...TRIAL,
  skuId: "f8a1db68-be16-40ed-86d5-cb42ce701560",
  skuPartNumber: "POWER_BI_PRO",
  productName: "Power BI Pro",
  trialEndsAt: null,
  trialDaysLeft: null,
};

afterEach(() => window.localStorage.clear());

describe("My licenses: trials", () => {
  it("shows a trial license's days left, and marks an individual trial beside it", async () => {
    await accountTexts.load("en");
    await renderInApp(<LicensesSection licenses={[TRIAL, INDIVIDUAL, PAID]} />);
    const [organization, individual] = screen.getAllByRole("region", { name: "Microsoft Power Automate Free" });
    expect(within(organization as HTMLElement).getByText("Trial · 87 days left")).toBeTruthy();
    expect(within(organization as HTMLElement).queryByText("Individual trial")).toBeNull();
    expect(within(individual as HTMLElement).getByText("Trial · 1 day left")).toBeTruthy();
    expect(within(individual as HTMLElement).getByText("Individual trial")).toBeTruthy();
    const paid = screen.getByRole("region", { name: "Power BI Pro" });
    expect(within(paid).queryByText(/Trial/)).toBeNull();
  });

  it("speaks Dutch", async () => {
    await accountTexts.load("nl");
    await renderInApp(<LicensesSection licenses={[INDIVIDUAL]} />, "nl");
    expect(screen.getByText("Proefversie · nog 1 dag")).toBeTruthy();
    expect(screen.getByText("Individuele proefversie")).toBeTruthy();
  });
});
