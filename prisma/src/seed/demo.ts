import { randomUUID } from "node:crypto";
import { CONFLICT_RESOLVE_DAYS } from "@allot/domain";
import type { Db, Tx } from "../index.js";
import { hashPassword } from "../passwords.js";
import { CATALOG, SERVICE_PLANS } from "./catalog.js";
import { DEMO_PASSWORD } from "./demo-accounts.js";
import { people } from "./people.js";
import { seedPowerPlatform } from "./power-platform.js";

type TenantRoleName =
  | "globalAdmin"
  | "billingAdmin"
  | "userAdmin"
  | "licenseAdmin"
  | "helpdeskAdmin"
  | "serviceAdmin"
  | "powerPlatformAdmin";

const DAY = 86_400_000;
/** How long ago the seeded seat cuts that left a product short (Fabrikam's Power BI Pro) were made. */
const CONFLICT_CUT_DAYS_AGO = 20;

const DEMO_STAFF: ReadonlyArray<{ local: string; displayName: string; role: TenantRoleName | null }> = [
  { local: "admin", displayName: "Megan Bowen (Global admin)", role: "globalAdmin" },
  { local: "billing", displayName: "Alex Wilber (Billing admin)", role: "billingAdmin" },
  { local: "users", displayName: "Lidia Holloway (User admin)", role: "userAdmin" },
  { local: "licenses", displayName: "Nestor Wilke (License admin)", role: "licenseAdmin" },
  { local: "helpdesk", displayName: "Patti Fernandez (Helpdesk admin)", role: "helpdeskAdmin" },
  { local: "service", displayName: "Grady Archie (Service admin)", role: "serviceAdmin" },
  { local: "maker", displayName: "Isaiah Langer (Maker)", role: null },
];

interface SubscriptionPlan {
  sku: string;
  seats: number;
  assigned: number;
  source?: "admin" | "trial";
}

interface CustomerPlan {
  name: string;
  domain: string;
  guestDomain: string;
  locations: readonly string[];
  nameOffset: number;
  /** Generated members besides the demo staff (GENERATED_MEMBERS unless said). */
  members?: number;
  /** Which generated members have no usage location (the last WITHOUT_USAGE_LOCATION unless said). */
  withoutUsageLocation?: (displayName: string) => boolean;
  subscriptions: readonly SubscriptionPlan[];
  /** Environments, flows, machines, DLP and a Power Platform admin (seed 004); else two plain environments. */
  powerPlatform?: boolean;
}

// Contoso has free seats of most products (Power BI Pro: 45 of 100 free), exhausted Business Standard and Visio.
const CONTOSO: CustomerPlan = {
  name: "Contoso",
  domain: "contoso.test",
  guestDomain: "litware.test",
  locations: ["US", "US", "US", "NL", "GB", "DE"],
  nameOffset: 0,
  powerPlatform: true,
  subscriptions: [
    { sku: "SPE_E3", seats: 150, assigned: 120 },
    { sku: "O365_BUSINESS_PREMIUM", seats: 25, assigned: 25 },
    { sku: "EXCHANGESTANDARD", seats: 30, assigned: 10 },
    { sku: "EXCHANGEENTERPRISE", seats: 10, assigned: 5 },
    { sku: "EXCHANGEARCHIVE_ADDON", seats: 20, assigned: 8 },
    { sku: "POWER_BI_PRO", seats: 100, assigned: 55 },
    { sku: "VISIOCLIENT", seats: 5, assigned: 5 },
    { sku: "POWERAUTOMATE_ATTENDED_RPA", seats: 25, assigned: 3, source: "trial" },
    { sku: "POWERAUTOMATE_PROCESS", seats: 3, assigned: 0 },
    { sku: "FLOW_BUSINESS_PROCESS", seats: 5, assigned: 0 },
    { sku: "POWERAUTOMATE_UNATTENDED_RPA", seats: 2, assigned: 0 },
    { sku: "POWERAUTOMATE_HOSTED_PROCESS", seats: 1, assigned: 0 },
  ],
};

// Fabrikam is tighter: Microsoft 365 E3 is fully used, and Power BI Pro was cut to 10 seats while 12 people hold
// it, which the portal shows as a license conflict to resolve within 90 days of the cut.
const FABRIKAM: CustomerPlan = {
  name: "Fabrikam",
  domain: "fabrikam.test",
  guestDomain: "adatum.test",
  locations: ["NL", "NL", "BE", "DE"],
  nameOffset: 700,
  subscriptions: [
    { sku: "SPE_E3", seats: 80, assigned: 80 },
    { sku: "O365_BUSINESS_PREMIUM", seats: 50, assigned: 40 },
    { sku: "EXCHANGESTANDARD", seats: 40, assigned: 30 },
    { sku: "POWER_BI_PRO", seats: 10, assigned: 12 },
    { sku: "VISIOCLIENT", seats: 3, assigned: 1 },
    { sku: "POWERAUTOMATE_PROCESS", seats: 1, assigned: 0 },
  ],
};

// Tailspin Toys is the large customer (1,200 people) that makes the partner center's paging real. Visio and Business
// Standard have no free seats (Buy more), and the Gupta family has no usage location: one of the first 30 people by
// name (Adele Gupta), so a bulk assignment across the first two pages reports exactly one failure with its reason.
const TAILSPIN: CustomerPlan = {
  name: "Tailspin Toys",
  domain: "tailspin.test",
  guestDomain: "wingtip.test",
  locations: ["US", "US", "GB", "NL", "DE", "FR"],
  nameOffset: 200,
  members: 1_180,
  withoutUsageLocation: (displayName) => displayName.endsWith(" Gupta"),
  subscriptions: [
    { sku: "SPE_E3", seats: 1_100, assigned: 700 },
    { sku: "O365_BUSINESS_PREMIUM", seats: 100, assigned: 100 },
    { sku: "EXCHANGESTANDARD", seats: 200, assigned: 150 },
    { sku: "POWER_BI_PRO", seats: 400, assigned: 250 },
    { sku: "VISIOCLIENT", seats: 10, assigned: 10 },
  ],
};

/**
 * When generated person `index` (created index + 1 days ago) last signed in: most within the last month, every
 * fourth on the day after joining and never since, every sixth never. So the oldest of them are the inactive
 * license holders the Reclaim page finds.
 */
function lastSignIn(index: number, now: number): Date | null {
  if (index % 6 === 0) return null;
  const daysAgo = index % 4 === 1 ? index : Math.min(index, (index * 7) % 30);
  return new Date(now - daysAgo * DAY + 3_600_000);
}

const GENERATED_MEMBERS = 180;
const GUESTS = 13;
const WITHOUT_USAGE_LOCATION = 5;

/** Creates the demo tenants unless they exist. Returns false when the database was already seeded. */
export async function seedDemo(db: Db): Promise<boolean> {
  if (await db.tenant.findUnique({ where: { domain: "contoso.test" } })) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(
    async (tx) => {
      const products = await upsertCatalog(tx);
      const contoso = await seedCustomer(tx, CONTOSO, products, passwordHash);
      const fabrikam = await seedCustomer(tx, FABRIKAM, products, passwordHash);
      const tailspin = await seedCustomer(tx, TAILSPIN, products, passwordHash);
      await seedPartner(tx, { contoso, fabrikam, tailspin }, passwordHash);
    },
    { timeout: 120_000 },
  );
  return true;
}

/**
 * The product catalog (Microsoft's skuPartNumbers, service plans, exclusions, prerequisites): reference data every
 * start makes sure of, demo or not. Idempotent: what exists is left as it is.
 */
export async function seedCatalog(db: Db): Promise<void> {
  await db.$transaction((tx) => upsertCatalog(tx), { timeout: 60_000 });
}

async function upsertCatalog(tx: Tx): Promise<Map<string, string>> {
  const planIds = new Map<string, string>();
  for (const [servicePlanName, displayName] of Object.entries(SERVICE_PLANS)) {
    const plan = await tx.servicePlan.upsert({
      where: { servicePlanName },
      create: { servicePlanName, displayName },
      update: {},
    });
    planIds.set(servicePlanName, plan.id);
  }
  const productIds = new Map<string, string>();
  for (const product of CATALOG) {
    const row = await tx.product.upsert({
      where: { skuPartNumber: product.skuPartNumber },
      update: {},
      create: {
        skuId: product.skuId,
        skuPartNumber: product.skuPartNumber,
        displayName: product.displayName,
        kind: product.kind,
        capacityType: product.capacityType ?? null,
        pricePerSeatMonthCents: product.pricePerSeatMonthCents,
        trialDays: product.trialDays,
        selfServiceAvailable: product.selfServiceAvailable ?? true,
        servicePlans: {
          create: product.servicePlans.map((name) => ({ servicePlanId: planIds.get(name) as string })),
        },
        unavailableLocations: { create: (product.unavailableIn ?? []).map((countryCode) => ({ countryCode })) },
      },
    });
    productIds.set(product.skuPartNumber, row.id);
  }
  const id = (sku: string) => productIds.get(sku) as string;
  await tx.productExclusion.createMany({
    data: CATALOG.flatMap((p) =>
      (p.excludes ?? []).map((other) => ({ productId: id(p.skuPartNumber), excludedProductId: id(other) })),
    ),
    skipDuplicates: true,
  });
  await tx.productPrerequisite.createMany({
    data: CATALOG.flatMap((p) =>
      (p.requiresAnyOf ?? []).map((other) => ({ productId: id(p.skuPartNumber), prerequisiteProductId: id(other) })),
    ),
    skipDuplicates: true,
  });
  return productIds;
}

interface SeededCustomer {
  tenantId: string;
  /** Members with a usage location, in creation order: the ones licenses go to. */
  licensable: string[];
}

async function seedCustomer(
  tx: Tx,
  plan: CustomerPlan,
  products: Map<string, string>,
  passwordHash: string,
): Promise<SeededCustomer> {
  const tenant = await tx.tenant.create({ data: { name: plan.name, domain: plan.domain, kind: "customer" } });
  const now = Date.now();
  const users: Array<{
    id: string;
    tenantId: string;
    displayName: string;
    email: string;
    userType: "member" | "guest";
    usageLocation: string | null;
    passwordHash: string | null;
    lastSignInAt?: Date | null;
    createdAt: Date;
  }> = [];
  const roles: Array<{ tenantId: string; userId: string; role: TenantRoleName }> = [];

  for (const staff of DEMO_STAFF) {
    const id = randomUUID();
    users.push({
      id,
      tenantId: tenant.id,
      displayName: staff.displayName,
      email: `${staff.local}@${plan.domain}`,
      userType: "member",
      usageLocation: plan.locations[0] as string,
      passwordHash,
      createdAt: new Date(now - 400 * DAY),
      lastSignInAt: new Date(now - DAY),
    });
    if (staff.role) roles.push({ tenantId: tenant.id, userId: id, role: staff.role });
  }
  const members = plan.members ?? GENERATED_MEMBERS;
  const generated = people(members + GUESTS, plan.nameOffset);
  generated.forEach((person, index) => {
    const guest = index >= members;
    const withoutLocation =
      !guest &&
      (plan.withoutUsageLocation
        ? plan.withoutUsageLocation(person.displayName)
        : index >= members - WITHOUT_USAGE_LOCATION);
    users.push({
      id: randomUUID(),
      tenantId: tenant.id,
      displayName: guest ? `${person.displayName} (Guest)` : person.displayName,
      email: `${person.localPart}@${guest ? plan.guestDomain : plan.domain}`,
      userType: guest ? "guest" : "member",
      usageLocation: withoutLocation || guest ? null : (plan.locations[index % plan.locations.length] as string),
      passwordHash: null,
      createdAt: new Date(now - (index + 1) * DAY),
      lastSignInAt: lastSignIn(index, now),
    });
  });
  await tx.user.createMany({ data: users });
  await tx.roleAssignment.createMany({ data: roles });

  const licensable = users.filter((u) => u.userType === "member" && u.usageLocation !== null).map((u) => u.id);
  const joined = new Map(users.map((u) => [u.id, u.createdAt.getTime()]));
  await seedLicenses(tx, tenant.id, plan, products, licensable, joined);
  await seedGroups(tx, tenant.id, plan.name, licensable);
  if (plan.powerPlatform) {
    const makerId = users.find((u) => u.email === `maker@${plan.domain}`)?.id as string;
    const others = licensable.slice(DEMO_STAFF.length, DEMO_STAFF.length + 5);
    await seedPowerPlatform(tx, {
      tenantId: tenant.id,
      domain: plan.domain,
      makerId,
      people: others,
      products,
      passwordHash,
    });
  } else {
    await tx.environment.createMany({
      data: [
        { tenantId: tenant.id, name: `${plan.name} (default)`, type: "production" },
        { tenantId: tenant.id, name: `${plan.name} Sandbox`, type: "sandbox" },
      ],
    });
  }
  return { tenantId: tenant.id, licensable };
}

async function seedLicenses(
  tx: Tx,
  tenantId: string,
  plan: CustomerPlan,
  products: Map<string, string>,
  licensable: string[],
  joined: ReadonlyMap<string, number>,
): Promise<void> {
  const now = Date.now();
  const assignments: Array<{
    tenantId: string;
    userId: string;
    productId: string;
    disabledServicePlanIds: string[];
    createdAt: Date;
  }> = [];
  // Each holder was licensed on a day of their own between joining and now (whole days, spread by their position), so
  // "most recently licensed" means something in the demo as it does in a real tenant.
  const licensedAt = (userId: string, position: number) => {
    const since = joined.get(userId) ?? now - DAY;
    const days = Math.floor((now - since) / DAY);
    return new Date(now - ((position * 37) % Math.max(days, 1)) * DAY - (position % 600) * 60_000);
  };
  // Which users get a product: E3 and Business Standard go to disjoint users, Exchange plans to users without
  // either suite, archiving to E3 holders, everything else from the top of the list.
  const suiteE3 = plan.subscriptions.find((s) => s.sku === "SPE_E3")?.assigned ?? 0;
  const suiteBusiness = plan.subscriptions.find((s) => s.sku === "O365_BUSINESS_PREMIUM")?.assigned ?? 0;
  const exchangeOne = plan.subscriptions.find((s) => s.sku === "EXCHANGESTANDARD")?.assigned ?? 0;
  const holders: Record<string, string[]> = {
    SPE_E3: licensable.slice(0, suiteE3),
    O365_BUSINESS_PREMIUM: licensable.slice(suiteE3, suiteE3 + suiteBusiness),
    EXCHANGESTANDARD: licensable.slice(suiteE3 + suiteBusiness, suiteE3 + suiteBusiness + exchangeOne),
    EXCHANGEENTERPRISE: licensable.slice(suiteE3 + suiteBusiness + exchangeOne),
  };
  for (const subscription of plan.subscriptions) {
    const productId = products.get(subscription.sku) as string;
    const trial = subscription.source === "trial";
    // Bought (or started) on the day its current term began: no renewal has happened since.
    const termStartsAt = new Date(now - (trial ? 10 : 100) * DAY);
    await tx.subscription.create({
      data: {
        tenantId,
        productId,
        seats: subscription.seats,
        source: subscription.source ?? "admin",
        autoRenew: !trial,
        billingTerm: trial ? "monthly" : "annual",
        termStartsAt,
        termEndsAt: new Date(now + (trial ? 80 : 265) * DAY),
        createdAt: termStartsAt,
      },
    });
    const users = (holders[subscription.sku] ?? licensable).slice(0, subscription.assigned);
    for (const [position, userId] of users.entries()) {
      assignments.push({
        tenantId,
        userId,
        productId,
        disabledServicePlanIds: [],
        createdAt: licensedAt(userId, position),
      });
    }
    // A cut below what is held was accepted as a license conflict (the only way to get there), so it carries the
    // deadline the portal shows and the lifecycle job enforces: the cut was made CONFLICT_CUT_DAYS_AGO.
    const conflictResolveBy =
      users.length > subscription.seats ? new Date(now + (CONFLICT_RESOLVE_DAYS - CONFLICT_CUT_DAYS_AGO) * DAY) : null;
    await tx.tenantProduct.create({ data: { tenantId, productId, consumedUnits: users.length, conflictResolveBy } });
  }
  await tx.licenseAssignment.createMany({ data: assignments });
}

async function seedGroups(tx: Tx, tenantId: string, tenantName: string, members: string[]): Promise<void> {
  const groups = [
    { name: `All ${tenantName} staff`, description: "Every member of the organisation", members },
    { name: "Sales", description: "Sales and account management", members: members.slice(10, 40) },
    { name: "Finance", description: "Finance and controlling", members: members.slice(40, 55) },
    { name: "Power BI users", description: "People who build reports", members: members.slice(0, 20) },
    { name: "Helpdesk", description: null, members: members.slice(55, 60) },
  ];
  for (const group of groups) {
    const row = await tx.group.create({ data: { tenantId, displayName: group.name, description: group.description } });
    await tx.groupMember.createMany({ data: group.members.map((userId) => ({ tenantId, groupId: row.id, userId })) });
  }
}

async function seedPartner(
  tx: Tx,
  customers: Record<"contoso" | "fabrikam" | "tailspin", SeededCustomer>,
  passwordHash: string,
) {
  const partner = await tx.tenant.create({
    data: { name: "Northwind Partners", domain: "partner.test", kind: "partner" },
  });
  const [agent, helpdesk, sales] = await Promise.all(
    [
      { email: "agent@partner.test", displayName: "Ruben Dekker (Admin agent)" },
      { email: "helpdesk@partner.test", displayName: "Sanne Visser (Helpdesk agent)" },
      { email: "sales@partner.test", displayName: "Daan Jansen (Sales agent)" },
    ].map((u) =>
      tx.user.create({ data: { ...u, tenantId: partner.id, usageLocation: "NL", passwordHash, userType: "member" } }),
    ),
  );
  // The partner's own global admin: manages its staff and sees every customer in the partner center.
  await tx.user.create({
    data: {
      email: "admin@partner.test",
      displayName: "Lotte de Vries (Partner admin)",
      tenantId: partner.id,
      usageLocation: "NL",
      passwordHash,
      userType: "member",
      roleAssignments: { create: { role: "globalAdmin" } },
    },
  });
  const relationshipWith = (customer: SeededCustomer) =>
    tx.partnerRelationship.create({ data: { partnerTenantId: partner.id, customerTenantId: customer.tenantId } });
  const withContoso = await relationshipWith(customers.contoso);
  const withFabrikam = await relationshipWith(customers.fabrikam);
  const withTailspin = await relationshipWith(customers.tailspin);
  await tx.delegatedAccess.createMany({
    data: [
      { relationshipId: withContoso.id, partnerUserId: agent!.id, tenantId: partner.id, role: "adminAgent" },
      { relationshipId: withTailspin.id, partnerUserId: agent!.id, tenantId: partner.id, role: "adminAgent" },
      { relationshipId: withContoso.id, partnerUserId: helpdesk!.id, tenantId: partner.id, role: "helpdeskAgent" },
      { relationshipId: withFabrikam.id, partnerUserId: helpdesk!.id, tenantId: partner.id, role: "helpdeskAgent" },
      { relationshipId: withTailspin.id, partnerUserId: helpdesk!.id, tenantId: partner.id, role: "helpdeskAgent" },
      { relationshipId: withContoso.id, partnerUserId: sales!.id, tenantId: partner.id, role: "salesAgent" },
    ],
  });
}
