import type { ReachableTenant } from "@allot/contracts";
import type { Action } from "@allot/domain";
import { can } from "@allot/domain";
import {
  BuildingMultipleFilled,
  BuildingMultipleRegular,
  bundleIcon,
  CartFilled,
  CartRegular,
  FlowchartFilled,
  FlowchartRegular,
  FlowFilled,
  FlowRegular,
  HistoryFilled,
  HistoryRegular,
  HomeFilled,
  HomeRegular,
  KeyFilled,
  KeyRegular,
  PeopleCheckmarkFilled,
  PeopleCheckmarkRegular,
  PeopleFilled,
  PeopleRegular,
  PeopleTeamFilled,
  PeopleTeamRegular,
  PersonAccountsFilled,
  PersonAccountsRegular,
  PersonBoardFilled,
  PersonBoardRegular,
  ReceiptFilled,
  ReceiptRegular,
  SettingsFilled,
  SettingsRegular,
  TaskListSquareLtrFilled,
  TaskListSquareLtrRegular,
  TimelineFilled,
  TimelineRegular,
} from "@fluentui/react-icons";
import type { Messages } from "@/lib/i18n";

export const SECTIONS = [
  "home",
  "customers",
  "usersAndLicenses",
  "staff",
  "activity",
  "users",
  "groups",
  "licenses",
  "billing",
  "requests",
  "powerPlatform",
  "myFlows",
  "pricing",
  "account",
  "audit",
  "settings",
] as const;
export type Section = (typeof SECTIONS)[number];

export interface NavItemDefinition {
  section: Section;
  /** Path below /t/:tenantId. */
  path: string;
  /** The right a role needs to see the item and open the page; none: everyone in the tenant. */
  action?: Action;
  /** Only in a partner tenant, for its own staff (its customers are theirs to see, not the delegated agents'). */
  partnerStaff?: true;
  /** Only for a partner's agent in a customer (Partner Center's workflow; the customer's own admins have Users). */
  delegatedOnly?: true;
  /**
   * Left out of the navigation for those with this right, who reach the same pages through `instead` (a maker's My
   * flows is the Power Platform admin's Flows); the page itself stays open to them.
   */
  hiddenWith?: { action: Action; instead: Section };
  icon: ReturnType<typeof bundleIcon>;
}

/** The left navigation, and the one table that says which right each area needs. */
export const NAV_ITEMS: readonly NavItemDefinition[] = [
  { section: "home", path: "", icon: bundleIcon(HomeFilled, HomeRegular) },
  {
    section: "customers",
    path: "customers",
    partnerStaff: true,
    icon: bundleIcon(BuildingMultipleFilled, BuildingMultipleRegular),
  },
  {
    section: "usersAndLicenses",
    path: "users-and-licenses",
    action: "licenses.assign",
    delegatedOnly: true,
    icon: bundleIcon(PeopleCheckmarkFilled, PeopleCheckmarkRegular),
  },
  {
    section: "staff",
    path: "staff",
    partnerStaff: true,
    action: "partnerStaff.manage",
    icon: bundleIcon(PersonBoardFilled, PersonBoardRegular),
  },
  {
    section: "activity",
    path: "activity",
    partnerStaff: true,
    icon: bundleIcon(TimelineFilled, TimelineRegular),
  },
  { section: "users", path: "users", action: "directory.read", icon: bundleIcon(PeopleFilled, PeopleRegular) },
  {
    section: "groups",
    path: "groups",
    action: "directory.read",
    icon: bundleIcon(PeopleTeamFilled, PeopleTeamRegular),
  },
  { section: "licenses", path: "licenses", action: "directory.read", icon: bundleIcon(KeyFilled, KeyRegular) },
  { section: "billing", path: "billing", action: "billing.read", icon: bundleIcon(ReceiptFilled, ReceiptRegular) },
  {
    section: "requests",
    path: "requests",
    action: "requests.approve",
    icon: bundleIcon(TaskListSquareLtrFilled, TaskListSquareLtrRegular),
  },
  // Power Platform admin center: environments, capacity, flows, machines and DLP policies.
  {
    section: "powerPlatform",
    path: "power-platform/environments",
    action: "powerPlatform.manage",
    icon: bundleIcon(FlowchartFilled, FlowchartRegular),
  },
  // Makers' own flows: the Power Platform's Flows page, which the API fills with their own and co-owned flows.
  {
    section: "myFlows",
    path: "power-platform/flows",
    action: "flows.create",
    hiddenWith: { action: "powerPlatform.manage", instead: "powerPlatform" },
    icon: bundleIcon(FlowFilled, FlowRegular),
  },
  // Every signed-in person: makers buy or request licenses here and see their own.
  {
    section: "pricing",
    path: "pricing",
    icon: bundleIcon(CartFilled, CartRegular),
  },
  {
    section: "account",
    path: "account/licenses",
    icon: bundleIcon(PersonAccountsFilled, PersonAccountsRegular),
  },
  { section: "audit", path: "audit", action: "audit.read", icon: bundleIcon(HistoryFilled, HistoryRegular) },
  { section: "settings", path: "settings", icon: bundleIcon(SettingsFilled, SettingsRegular) },
];

export function isSection(value: unknown): value is Section {
  return typeof value === "string" && (SECTIONS as readonly string[]).includes(value);
}

/** Whether the signed-in user may open the section in this tenant (their roles there, and the tenant's kind). */
export function canOpenSection(section: Section, tenant: Pick<ReachableTenant, "roles" | "kind" | "access">): boolean {
  const item = NAV_ITEMS.find((candidate) => candidate.section === section);
  if (item?.partnerStaff && !(tenant.kind === "partner" && tenant.access === "member")) return false;
  if (item?.delegatedOnly && tenant.access !== "delegated") return false;
  return item?.action === undefined || can(tenant.roles, item.action);
}

/**
 * Whether the signed-in user may open a page of `section`: with `anyOf`, any of those rights opens it (a page of the
 * section that others may reach too, such as Buy products for Power Platform admins); else the section's rules.
 */
export function canOpenPage(
  section: Section,
  anyOf: readonly Action[] | undefined,
  tenant: Pick<ReachableTenant, "roles" | "kind" | "access">,
): boolean {
  if (anyOf) return anyOf.some((action) => can(tenant.roles, action));
  return canOpenSection(section, tenant);
}

/** The navigation's items for these roles in this tenant. */
export function navItemsFor(tenant: Pick<ReachableTenant, "roles" | "kind" | "access">): NavItemDefinition[] {
  return NAV_ITEMS.filter(
    (item) => canOpenSection(item.section, tenant) && !(item.hiddenWith && can(tenant.roles, item.hiddenWith.action)),
  );
}

/** The item to mark as current on a page of `section`: the section's own, or the one that stands in for it. */
export function selectedNavSection(
  section: Section | undefined,
  items: readonly NavItemDefinition[],
): Section | undefined {
  if (section === undefined || items.some((item) => item.section === section)) return section;
  return NAV_ITEMS.find((item) => item.section === section)?.hiddenWith?.instead;
}

export function sectionPath(tenantId: string, section: Section): string {
  const item = NAV_ITEMS.find((candidate) => candidate.section === section);
  return item?.path ? `/t/${tenantId}/${item.path}` : `/t/${tenantId}`;
}

export function sectionLabel(section: Section, t: Messages): string {
  return t.shell.nav[section];
}
