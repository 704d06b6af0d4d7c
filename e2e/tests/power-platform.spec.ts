import type { Capacity, Environment, Flow } from "@allot/contracts";
import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { CONTOSO, expect, nav, signIn, signInInDutch, TenantApi, test } from "./fixtures";

// Seed 004's Power Platform admin center, as Contoso's Power Platform admin: Resources › Capacity › Add-ons › Edit on
// Production, 2 Process units, Save; a flow of Production switched to the Process license in its details pane;
// Production then uses 1 of its 2 Process units; a machine with 2 parallel runs is refused with what it lacks. Every
// page passes axe, in English and in Dutch. Its Buy more leads the admin to Buy products, Power Platform products only.

const POWER_PLATFORM_ADMIN = "powerplatform@contoso.test";

const TEXTS = {
  en: {
    editAddOns: "Edit add-ons of Production",
    process: "Power Automate Process",
    save: "Save",
    inUse: (used: number, allocated: number) => `${used} of ${allocated} in use`,
    openFlow: (name: string) => `Open details of ${name}`,
    editLicense: "Edit the flow's license",
    processMode: "Process",
    paidByProcess: "This flow is licensed by a Process add-on of Production.",
    registerMachine: "Register machine",
    machineName: "Name",
    parallelRuns: "Parallel runs",
    register: "Register",
    // Production has 2 Process units (1 left once the flow uses one) and its 2 Unattended RPA units run the seeded
    // machines: a machine with 2 parallel runs lacks 1 unit.
    shortfall: "1 more Process unit needed in Production",
    buyMoreProcess: "Buy more Power Automate Process",
    buyPage: "Buy products",
    powerPlatformOnly:
      "As a Power Platform administrator you can buy Power Automate, Power BI and Power Apps products.",
  },
  nl: {
    editAddOns: "Invoegtoepassingen van Production bewerken",
    process: "Power Automate Process",
    save: "Opslaan",
    inUse: (used: number, allocated: number) => `${used} van ${allocated} in gebruik`,
    openFlow: (name: string) => `Details van ${name} openen`,
    editLicense: "Licentie van de stroom bewerken",
    processMode: "Process",
    paidByProcess: "Deze stroom heeft een licentie via een Process-invoegtoepassing van Production.",
    registerMachine: "Machine registreren",
    machineName: "Naam",
    parallelRuns: "Parallelle uitvoeringen",
    register: "Registreren",
    shortfall: "Nog 1 eenheid Process nodig in Production",
    buyMoreProcess: "Meer kopen van Power Automate Process",
    buyPage: "Producten kopen",
    powerPlatformOnly:
      "Als Power Platform-beheerder kun je producten van Power Automate, Power BI en Power Apps kopen.",
  },
} as const;

/**
 * Puts Production back as the seed left it, so each language starts alike: every flow there on its owner's license
 * and no Process unit allocated (the other add-ons as they are). Answers Production and the flow to switch.
 */
async function resetProduction(admin: TenantApi): Promise<{ production: Environment; flow: Flow }> {
  const { items } = await admin.send<{ items: Environment[] }>("GET", "environments");
  const production = items.find((environment) => environment.name === "Production");
  if (!production) throw new Error("Contoso has no Production environment");
  const flows = (await admin.send<{ items: Flow[] }>("GET", `environments/${production.id}/flows`)).items;
  for (const flow of flows.filter((candidate) => candidate.licenseMode !== "owner")) {
    await admin.send("PATCH", `flows/${flow.id}`, { licenseMode: "owner" });
  }
  const capacity = await admin.send<Capacity>("GET", "capacity");
  const row = capacity.environments.find((environment) => environment.environmentId === production.id);
  const allocations = (row?.allocations ?? []).map((allocation) => ({
    skuId: allocation.skuId,
    quantity: allocation.capacityType === "process" ? 0 : allocation.quantity,
  }));
  await admin.send("PUT", `environments/${production.id}/capacity`, { allocations });
  const flow = flows.find((candidate) => candidate.kind === "cloud" && !candidate.suspendedByDlp);
  if (!flow) throw new Error("Production has no cloud flow");
  return { production, flow };
}

async function settle(page: Page): Promise<void> {
  await expect(page.locator("main h1")).toBeVisible({ timeout: 20_000 });
  await expect(page.locator("main .fui-Spinner")).toHaveCount(0, { timeout: 15_000 });
}

for (const language of ["en", "nl"] as const) {
  const x = TEXTS[language];
  test(`a Power Platform admin allocates Process units, licenses a flow with one and is refused a machine (${language})`, async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const admin = new TenantApi(request);
    await admin.signIn(CONTOSO.admin, CONTOSO.domain);
    const { production, flow } = await resetProduction(admin);
    const tenant = `/t/${admin.tenantId}/power-platform`;

    if (language === "nl") {
      await page.addInitScript(() => window.localStorage.setItem("allot.language", "nl"));
      await signInInDutch(page, POWER_PLATFORM_ADMIN);
    } else {
      await signIn(page, POWER_PLATFORM_ADMIN);
    }
    await expect(nav(page)).toBeVisible();

    await test.step("Capacity › Add-ons: Edit on Production, 2 Process units, Save", async () => {
      await page.goto(`${tenant}/capacity`);
      await settle(page);
      await expectNoSeriousA11yViolations(page);
      await page.getByRole("button", { name: x.editAddOns }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel(x.process).fill("2");
      await expectNoSeriousA11yViolations(page, { include: "[role='dialog']" });
      await dialog.getByRole("button", { name: x.save, exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole("row", { name: /Production/ })).toContainText(x.inUse(0, 2));
    });

    await test.step("Flows: the flow's Licensing section switched to Process", async () => {
      await page.goto(`${tenant}/flows?env=${production.id}`);
      await settle(page);
      await page.getByRole("button", { name: x.openFlow(flow.name) }).click();
      const pane = page.getByRole("dialog");
      await pane.getByRole("button", { name: x.editLicense }).click();
      await pane.getByRole("radio", { name: x.processMode, exact: true }).check();
      await pane.getByRole("button", { name: x.save, exact: true }).click();
      await expect(pane.getByText(x.paidByProcess)).toBeVisible();
      await expectNoSeriousA11yViolations(page, { include: "[role='dialog']" });
    });

    await test.step("Capacity: Production uses 1 of its 2 Process units", async () => {
      await page.goto(`${tenant}/capacity`);
      await settle(page);
      await expect(page.getByRole("row", { name: /Production/ })).toContainText(x.inUse(1, 2));
    });

    await test.step("Machines: 2 parallel runs are refused with the shortfall", async () => {
      await page.goto(`${tenant}/machines?env=${production.id}`);
      await settle(page);
      await expectNoSeriousA11yViolations(page);
      await page.getByRole("button", { name: x.registerMachine }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel(x.machineName).fill(`E2E robot ${Date.now()}`);
      await dialog.getByLabel(x.parallelRuns).fill("2");
      await dialog.getByRole("button", { name: x.register, exact: true }).click();
      await expect(dialog.getByText(x.shortfall)).toBeVisible();
      await expectNoSeriousA11yViolations(page, { include: "[role='dialog']" });
    });

    await test.step("Add-ons › Buy more leads to Buy products, limited to Power Platform products", async () => {
      await page.goto(`${tenant}/capacity`);
      await settle(page);
      await page.getByRole("link", { name: x.buyMoreProcess }).click();
      await expect(page.getByRole("heading", { level: 1, name: x.buyPage })).toBeVisible();
      await expect(page.getByText(x.powerPlatformOnly)).toBeVisible();
      await settle(page);
      await expectNoSeriousA11yViolations(page);
    });
  });
}
