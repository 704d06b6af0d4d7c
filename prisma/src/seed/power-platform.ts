import type { Tx } from "../index.js";

/**
 * Contoso's Power Platform (seed 004): the default environment with Production and Sandbox beside it, about twenty
 * flows of makers (cloud and desktop, some with premium connectors, some co-owned), two machines for unattended
 * desktop flows in Production paid from the Unattended RPA add-on, one Per flow unit for the one flow on capacity,
 * a DLP policy on Production the flows comply with, and a Power Platform admin.
 *
 * Production keeps 0 Process units allocated (Contoso bought 3), so a demo or an e2e test can allocate Process to it
 * and then switch a flow to Process.
 */

interface SeedFlow {
  name: string;
  description?: string;
  environment: "Default" | "Production" | "Sandbox";
  kind?: "cloud" | "desktopAttended" | "desktopUnattended";
  /** "maker", or the index of a generated person. */
  owner: "maker" | number;
  coOwners?: Array<"maker" | number>;
  connectors: string[];
  licensedBy?: "owner" | "perFlow";
}

const FLOWS: readonly SeedFlow[] = [
  {
    name: "Approve expense reports",
    description: "Sends each new expense report to the manager for approval",
    environment: "Default",
    owner: "maker",
    coOwners: [0],
    connectors: ["shared_approvals", "shared_office365", "shared_sharepointonline"],
  },
  {
    name: "Save email attachments to OneDrive",
    environment: "Default",
    owner: "maker",
    connectors: ["shared_office365", "shared_onedriveforbusiness"],
  },
  {
    name: "Daily Planner digest",
    environment: "Default",
    owner: "maker",
    connectors: ["shared_planner", "shared_teams"],
  },
  {
    name: "Sync leads from Salesforce",
    description: "Copies new Salesforce leads to Dataverse every hour",
    environment: "Default",
    owner: "maker",
    connectors: ["shared_salesforce", "shared_commondataserviceforapps"],
  },
  { name: "Tweet new blog posts", environment: "Default", owner: 0, connectors: ["shared_rss", "shared_twitter"] },
  {
    name: "Invoice entry (attended)",
    environment: "Default",
    kind: "desktopAttended",
    owner: 1,
    coOwners: ["maker"],
    connectors: ["shared_uiflow", "shared_excelonlinebusiness"],
  },
  {
    name: "Welcome new hires",
    environment: "Default",
    owner: 2,
    coOwners: ["maker", 3],
    connectors: ["shared_office365users", "shared_teams"],
  },
  {
    name: "Back up Dropbox to Blob Storage",
    environment: "Default",
    owner: 3,
    connectors: ["shared_dropbox", "shared_azureblob"],
  },
  { name: "Forward Gmail to Teams", environment: "Default", owner: 4, connectors: ["shared_gmail", "shared_teams"] },
  {
    name: "Export Excel rows to SharePoint",
    environment: "Default",
    owner: 0,
    connectors: ["shared_excelonlinebusiness", "shared_sharepointonline"],
  },
  {
    name: "Order sync to SQL",
    description: "Writes approved orders from the SharePoint list to the order database",
    environment: "Production",
    owner: "maker",
    connectors: ["shared_sharepointonline", "shared_sql"],
  },
  {
    name: "Customer notifications",
    environment: "Production",
    owner: "maker",
    coOwners: [1],
    connectors: ["shared_office365", "shared_teams"],
  },
  {
    name: "Nightly ERP export (unattended)",
    environment: "Production",
    kind: "desktopUnattended",
    owner: 2,
    connectors: ["shared_uiflow"],
  },
  {
    name: "Service Bus order intake",
    description: "Runs for everyone on a Per flow unit of Production",
    environment: "Production",
    owner: 3,
    connectors: ["shared_servicebus"],
    licensedBy: "perFlow",
  },
  {
    name: "Weekly sales report",
    environment: "Production",
    owner: 4,
    coOwners: [0],
    connectors: ["shared_sql", "shared_sharepointonline", "shared_office365"],
  },
  {
    name: "Invoice scan (unattended)",
    environment: "Production",
    kind: "desktopUnattended",
    owner: "maker",
    connectors: ["shared_uiflow"],
  },
  { name: "Try HTTP with Entra ID", environment: "Sandbox", owner: "maker", connectors: ["shared_webcontents"] },
  {
    name: "Dataverse clean-up",
    environment: "Sandbox",
    owner: 0,
    coOwners: ["maker"],
    connectors: ["shared_commondataserviceforapps"],
  },
  { name: "RSS headlines to Teams", environment: "Sandbox", owner: 1, connectors: ["shared_rss", "shared_teams"] },
  {
    name: "Form filler (attended)",
    environment: "Sandbox",
    kind: "desktopAttended",
    owner: 2,
    connectors: ["shared_uiflow"],
  },
];

export async function seedPowerPlatform(
  tx: Tx,
  input: {
    tenantId: string;
    domain: string;
    /** The demo maker's user id and a few other people of the tenant (flows' owners and co-owners). */
    makerId: string;
    people: readonly string[];
    products: ReadonlyMap<string, string>;
    passwordHash: string;
  },
): Promise<void> {
  const { tenantId } = input;
  // Not among the demo staff of every customer: Contoso's alone, and created after its people were licensed, so
  // the seeded licenses of everyone else stay where they were.
  await tx.user.create({
    data: {
      tenantId,
      email: `powerplatform@${input.domain}`,
      displayName: "Pia Platform (Power Platform admin)",
      userType: "member",
      usageLocation: "US",
      passwordHash: input.passwordHash,
      createdAt: new Date(Date.now() - 300 * 86_400_000),
      roleAssignments: { create: { role: "powerPlatformAdmin" } },
    },
  });
  const environments = {
    Default: await tx.environment.create({ data: { tenantId, name: "Default", type: "default", isDefault: true } }),
    Production: await tx.environment.create({ data: { tenantId, name: "Production", type: "production" } }),
    Sandbox: await tx.environment.create({ data: { tenantId, name: "Sandbox", type: "sandbox" } }),
  };
  const production = environments.Production.id;
  const product = (sku: string) => input.products.get(sku) as string;
  await tx.capacityAllocation.createMany({
    data: [
      { tenantId, environmentId: production, productId: product("POWERAUTOMATE_UNATTENDED_RPA"), quantity: 2 },
      { tenantId, environmentId: production, productId: product("FLOW_BUSINESS_PROCESS"), quantity: 1 },
    ],
  });
  await tx.machine.createMany({
    data: [
      { tenantId, environmentId: production, name: "CONTOSO-RPA-01", parallelRuns: 1 },
      { tenantId, environmentId: production, name: "CONTOSO-RPA-02", parallelRuns: 1 },
    ],
  });
  await tx.dlpPolicy.create({
    data: {
      tenantId,
      environmentId: production,
      name: "Production business data",
      businessConnectors: ["shared_sharepointonline", "shared_office365", "shared_teams", "shared_sql"],
      nonBusinessConnectors: [],
      blockedConnectors: ["shared_twitter"],
    },
  });
  const person = (who: "maker" | number) => (who === "maker" ? input.makerId : (input.people[who] as string));
  for (const flow of FLOWS) {
    const ownerUserId = person(flow.owner);
    await tx.flow.create({
      data: {
        tenantId,
        environmentId: environments[flow.environment].id,
        name: flow.name,
        description: flow.description ?? null,
        kind: flow.kind ?? "cloud",
        licensedBy: flow.licensedBy ?? "owner",
        ownerUserId,
        connectors: flow.connectors,
        coOwners: { create: (flow.coOwners ?? []).map((who) => ({ userId: person(who) })) },
      },
    });
  }
}
