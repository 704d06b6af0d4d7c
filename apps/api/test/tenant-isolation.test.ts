import { createHash, randomUUID } from "node:crypto";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, makeGroup, makeUser } from "./fixtures.js";
import { accessToken, graphError, personalToken, registerApp } from "./graph-tokens.js";
import { createTestApp, login, problem, type Session, type TestApp } from "./helpers.js";
import { isGraph, registeredRoutes } from "./routes.js";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

interface Ids {
  tenantId: string;
  /** A user who is a member of `groupId`. */
  userId: string;
  /** A user who is not a member of `groupId`. */
  otherUserId: string;
  /** A deleted user, for the restore route. */
  deletedUserId: string;
  groupId: string;
  /** A finished license job of the tenant. */
  jobId: string;
  /** A paid subscription, a maker's self-service one and a trial of the tenant, with an order and its invoice. */
  subscriptionId: string;
  selfServiceSubscriptionId: string;
  trialSubscriptionId: string;
  orderId: string;
  invoiceId: string;
  /** A pending license request of the tenant's maker. */
  requestId: string;
  /** A partner's relationship with the tenant. */
  relationshipId: string;
  /** A Power Platform environment of the tenant, and a machine registered in it. */
  environmentId: string;
  machineId: string;
  flowId: string;
  /** An app registration of the tenant and one of its client secrets. */
  applicationId: string;
  secretId: string;
  /** A previewed user import of the tenant (one row). */
  importId: string;
}

interface RouteCase {
  method: Method;
  /** OpenAPI-style path, as app.swagger() lists it. */
  path: string;
  url: (ids: Ids) => string;
  /** A valid body, so that only the tenant check can stop the request. */
  body?: (ids: Ids) => unknown;
}

const T = "/api/tenants/{tenantId}";

/** Every tenant-scoped route, by hand; a test below checks that the app has no others. */
/** Microsoft's skuId of Power BI Pro, which both demo tenants subscribe to. */
const POWER_BI_PRO = "f8a1db68-be16-40ed-86d5-cb42ce701560";
/** Microsoft's skuId of Visio Plan 2, which both demo tenants subscribe to. */
const VISIO = "c5928f49-12ba-48f7-ada3-0d743a3601d5";

const ROUTES: RouteCase[] = [
  {
    method: "GET",
    path: `${T}/users/importTemplate`,
    url: (i) => `/api/tenants/${i.tenantId}/users/importTemplate`,
  },
  {
    method: "POST",
    path: `${T}/userImports`,
    url: (i) => `/api/tenants/${i.tenantId}/userImports?kind=users`,
    body: () => "User Name,Display Name\nintruder@contoso.test,Intruder\n",
  },
  { method: "GET", path: `${T}/userImports`, url: (i) => `/api/tenants/${i.tenantId}/userImports` },
  {
    method: "GET",
    path: `${T}/userImports/{importId}`,
    url: (i) => `/api/tenants/${i.tenantId}/userImports/${i.importId}`,
  },
  {
    method: "GET",
    path: `${T}/userImports/{importId}/problems/export`,
    url: (i) => `/api/tenants/${i.tenantId}/userImports/${i.importId}/problems/export`,
  },
  {
    method: "POST",
    path: `${T}/userImports/{importId}/preview`,
    url: (i) => `/api/tenants/${i.tenantId}/userImports/${i.importId}/preview`,
    body: () => ({}),
  },
  {
    method: "GET",
    path: `${T}/userImports/{importId}/rows`,
    url: (i) => `/api/tenants/${i.tenantId}/userImports/${i.importId}/rows`,
  },
  {
    method: "POST",
    path: `${T}/userImports/{importId}/apply`,
    url: (i) => `/api/tenants/${i.tenantId}/userImports/${i.importId}/apply`,
  },
  {
    method: "POST",
    path: `${T}/userImports/{importId}/passwords`,
    url: (i) => `/api/tenants/${i.tenantId}/userImports/${i.importId}/passwords`,
  },
  {
    method: "GET",
    path: `${T}/userImports/{importId}/results/export`,
    url: (i) => `/api/tenants/${i.tenantId}/userImports/${i.importId}/results/export`,
  },
  { method: "GET", path: `${T}/users`, url: (i) => `/api/tenants/${i.tenantId}/users` },
  {
    method: "POST",
    path: `${T}/users`,
    url: (i) => `/api/tenants/${i.tenantId}/users`,
    body: () => ({
      displayName: "Intruder",
      email: `intruder-${randomUUID().slice(0, 8)}@fabrikam.test`,
      usageLocation: "NL",
    }),
  },
  { method: "GET", path: `${T}/users/ids`, url: (i) => `/api/tenants/${i.tenantId}/users/ids` },
  { method: "GET", path: `${T}/users/paged`, url: (i) => `/api/tenants/${i.tenantId}/users/paged` },
  { method: "GET", path: `${T}/users/export`, url: (i) => `/api/tenants/${i.tenantId}/users/export` },
  { method: "GET", path: `${T}/users/{userId}`, url: (i) => `/api/tenants/${i.tenantId}/users/${i.userId}` },
  {
    method: "PATCH",
    path: `${T}/users/{userId}`,
    url: (i) => `/api/tenants/${i.tenantId}/users/${i.userId}`,
    body: () => ({ displayName: "Renamed by intruder", accountEnabled: false }),
  },
  { method: "DELETE", path: `${T}/users/{userId}`, url: (i) => `/api/tenants/${i.tenantId}/users/${i.userId}` },
  {
    method: "POST",
    path: `${T}/users/{userId}/restore`,
    url: (i) => `/api/tenants/${i.tenantId}/users/${i.deletedUserId}/restore`,
  },
  {
    method: "POST",
    path: `${T}/users/{userId}/resetPassword`,
    url: (i) => `/api/tenants/${i.tenantId}/users/${i.userId}/resetPassword`,
    body: () => ({ password: "Intruder-password-1" }),
  },
  {
    method: "GET",
    path: `${T}/users/{userId}/memberOf`,
    url: (i) => `/api/tenants/${i.tenantId}/users/${i.userId}/memberOf`,
  },
  { method: "GET", path: `${T}/groups`, url: (i) => `/api/tenants/${i.tenantId}/groups` },
  {
    method: "POST",
    path: `${T}/groups`,
    url: (i) => `/api/tenants/${i.tenantId}/groups`,
    body: () => ({ displayName: `Intruders ${randomUUID().slice(0, 8)}` }),
  },
  { method: "GET", path: `${T}/groups/{groupId}`, url: (i) => `/api/tenants/${i.tenantId}/groups/${i.groupId}` },
  {
    method: "PATCH",
    path: `${T}/groups/{groupId}`,
    url: (i) => `/api/tenants/${i.tenantId}/groups/${i.groupId}`,
    body: () => ({ displayName: "Renamed by intruder", description: "pwned" }),
  },
  { method: "DELETE", path: `${T}/groups/{groupId}`, url: (i) => `/api/tenants/${i.tenantId}/groups/${i.groupId}` },
  {
    method: "GET",
    path: `${T}/groups/{groupId}/members`,
    url: (i) => `/api/tenants/${i.tenantId}/groups/${i.groupId}/members`,
  },
  {
    method: "POST",
    path: `${T}/groups/{groupId}/members`,
    url: (i) => `/api/tenants/${i.tenantId}/groups/${i.groupId}/members`,
    body: (i) => ({ userIds: [i.otherUserId] }),
  },
  {
    method: "DELETE",
    path: `${T}/groups/{groupId}/members/{userId}`,
    url: (i) => `/api/tenants/${i.tenantId}/groups/${i.groupId}/members/${i.userId}`,
  },
  { method: "GET", path: `${T}/auditLog`, url: (i) => `/api/tenants/${i.tenantId}/auditLog` },
  { method: "GET", path: `${T}/auditLog/export`, url: (i) => `/api/tenants/${i.tenantId}/auditLog/export` },
  { method: "GET", path: `${T}/subscribedSkus`, url: (i) => `/api/tenants/${i.tenantId}/subscribedSkus` },
  { method: "GET", path: `${T}/licenseConflicts`, url: (i) => `/api/tenants/${i.tenantId}/licenseConflicts` },
  {
    method: "GET",
    path: `${T}/licenses/assignments/export`,
    url: (i) => `/api/tenants/${i.tenantId}/licenses/assignments/export`,
  },
  {
    method: "POST",
    path: `${T}/users/{userId}/assignLicense`,
    url: (i) => `/api/tenants/${i.tenantId}/users/${i.userId}/assignLicense`,
    body: () => ({ addLicenses: [{ skuId: POWER_BI_PRO }], removeLicenses: [] }),
  },
  {
    method: "GET",
    path: `${T}/users/{userId}/licenses`,
    url: (i) => `/api/tenants/${i.tenantId}/users/${i.userId}/licenses`,
  },
  {
    method: "GET",
    path: `${T}/users/{userId}/licenseDetails`,
    url: (i) => `/api/tenants/${i.tenantId}/users/${i.userId}/licenseDetails`,
  },
  {
    method: "POST",
    path: `${T}/licenses/bulk`,
    url: (i) => `/api/tenants/${i.tenantId}/licenses/bulk`,
    body: (i) => ({ userIds: [i.userId, i.otherUserId], add: [{ skuId: POWER_BI_PRO }], atomic: false }),
  },
  {
    method: "POST",
    path: `${T}/licenses/bulkJobs`,
    url: (i) => `/api/tenants/${i.tenantId}/licenses/bulkJobs`,
    body: (i) => ({ userIds: [i.userId, i.otherUserId], add: [{ skuId: POWER_BI_PRO }] }),
  },
  { method: "GET", path: `${T}/licenses/bulkJobs`, url: (i) => `/api/tenants/${i.tenantId}/licenses/bulkJobs` },
  {
    method: "GET",
    path: `${T}/licenses/bulkJobs/{jobId}`,
    url: (i) => `/api/tenants/${i.tenantId}/licenses/bulkJobs/${i.jobId}`,
  },
  {
    method: "GET",
    path: `${T}/licenses/bulkJobs/{jobId}/export`,
    url: (i) => `/api/tenants/${i.tenantId}/licenses/bulkJobs/${i.jobId}/export`,
  },
  {
    method: "POST",
    path: `${T}/licenses/selection`,
    url: (i) => `/api/tenants/${i.tenantId}/licenses/selection`,
    body: (i) => ({ userIds: [i.userId, i.otherUserId] }),
  },
  {
    method: "POST",
    path: `${T}/licenses/selection/holders`,
    url: (i) => `/api/tenants/${i.tenantId}/licenses/selection/holders`,
    body: (i) => ({ userIds: [i.userId, i.otherUserId], skuId: POWER_BI_PRO }),
  },
  {
    method: "GET",
    path: `${T}/licenses/holderCounts`,
    url: (i) => `/api/tenants/${i.tenantId}/licenses/holderCounts?skuId=${POWER_BI_PRO}`,
  },
  {
    method: "GET",
    path: `${T}/licenses/reclaimCandidates`,
    url: (i) => `/api/tenants/${i.tenantId}/licenses/reclaimCandidates`,
  },
  { method: "GET", path: `${T}/licenseRequests`, url: (i) => `/api/tenants/${i.tenantId}/licenseRequests` },
  {
    method: "GET",
    path: `${T}/groups/{groupId}/licenses`,
    url: (i) => `/api/tenants/${i.tenantId}/groups/${i.groupId}/licenses`,
  },
  {
    method: "POST",
    path: `${T}/groups/{groupId}/assignLicense`,
    url: (i) => `/api/tenants/${i.tenantId}/groups/${i.groupId}/assignLicense`,
    body: () => ({ addLicenses: [{ skuId: POWER_BI_PRO }], removeLicenses: [] }),
  },
  {
    method: "POST",
    path: `${T}/groups/{groupId}/reprocessLicenseAssignment`,
    url: (i) => `/api/tenants/${i.tenantId}/groups/${i.groupId}/reprocessLicenseAssignment`,
  },
  // Billing.
  { method: "GET", path: `${T}/subscriptions`, url: (i) => `/api/tenants/${i.tenantId}/subscriptions` },
  {
    method: "POST",
    path: `${T}/subscriptions`,
    url: (i) => `/api/tenants/${i.tenantId}/subscriptions`,
    body: () => ({ skuId: POWER_BI_PRO, seats: 1, billingTerm: "monthly" }),
  },
  {
    method: "GET",
    path: `${T}/subscriptions/{subscriptionId}`,
    url: (i) => `/api/tenants/${i.tenantId}/subscriptions/${i.subscriptionId}`,
  },
  {
    method: "PATCH",
    path: `${T}/subscriptions/{subscriptionId}`,
    url: (i) => `/api/tenants/${i.tenantId}/subscriptions/${i.subscriptionId}`,
    body: () => ({ autoRenew: false }),
  },
  {
    method: "POST",
    path: `${T}/subscriptions/{subscriptionId}/changeSeats`,
    url: (i) => `/api/tenants/${i.tenantId}/subscriptions/${i.subscriptionId}/changeSeats`,
    body: () => ({ seats: 500 }),
  },
  {
    method: "POST",
    path: `${T}/subscriptions/{subscriptionId}/renew`,
    url: (i) => `/api/tenants/${i.tenantId}/subscriptions/${i.subscriptionId}/renew`,
    body: () => ({}),
  },
  {
    method: "POST",
    path: `${T}/subscriptions/{subscriptionId}/cancel`,
    url: (i) => `/api/tenants/${i.tenantId}/subscriptions/${i.subscriptionId}/cancel`,
    body: () => ({}),
  },
  {
    method: "POST",
    path: `${T}/subscriptions/{subscriptionId}/takeOver`,
    url: (i) => `/api/tenants/${i.tenantId}/subscriptions/${i.selfServiceSubscriptionId}/takeOver`,
    body: () => ({}),
  },
  {
    method: "POST",
    path: `${T}/subscriptions/{subscriptionId}/convert`,
    url: (i) => `/api/tenants/${i.tenantId}/subscriptions/${i.trialSubscriptionId}/convert`,
    body: () => ({ billingTerm: "annual" }),
  },
  {
    method: "GET",
    path: `${T}/subscriptions/{subscriptionId}/assignments`,
    url: (i) => `/api/tenants/${i.tenantId}/subscriptions/${i.selfServiceSubscriptionId}/assignments`,
  },
  {
    method: "POST",
    path: `${T}/subscriptions/{subscriptionId}/assignLicenses`,
    url: (i) => `/api/tenants/${i.tenantId}/subscriptions/${i.selfServiceSubscriptionId}/assignLicenses`,
    body: (i) => ({ userIds: [i.otherUserId] }),
  },
  {
    method: "POST",
    path: `${T}/subscriptions/{subscriptionId}/unassignLicenses`,
    url: (i) => `/api/tenants/${i.tenantId}/subscriptions/${i.selfServiceSubscriptionId}/unassignLicenses`,
    body: (i) => ({ userIds: [i.userId] }),
  },
  {
    method: "POST",
    path: `${T}/billing/quote`,
    url: (i) => `/api/tenants/${i.tenantId}/billing/quote`,
    body: (i) => ({ kind: "seatChange", subscriptionId: i.subscriptionId, seats: 3 }),
  },
  {
    method: "POST",
    path: `${T}/trials`,
    url: (i) => `/api/tenants/${i.tenantId}/trials`,
    body: () => ({ skuId: VISIO }),
  },
  {
    method: "POST",
    path: `${T}/selfService/purchases`,
    url: (i) => `/api/tenants/${i.tenantId}/selfService/purchases`,
    body: () => ({
      skuId: POWER_BI_PRO,
      seats: 1,
      billingTerm: "monthly",
      card: { number: "4242424242424242", expMonth: 12, expYear: 2099, cvc: "123", holderName: "Intruder" },
    }),
  },
  { method: "GET", path: `${T}/selfService/policies`, url: (i) => `/api/tenants/${i.tenantId}/selfService/policies` },
  {
    method: "PUT",
    path: `${T}/selfService/policies/{skuId}`,
    url: (i) => `/api/tenants/${i.tenantId}/selfService/policies/${POWER_BI_PRO}`,
    body: () => ({ enabled: false }),
  },
  { method: "GET", path: `${T}/orders`, url: (i) => `/api/tenants/${i.tenantId}/orders` },
  { method: "GET", path: `${T}/orders/export`, url: (i) => `/api/tenants/${i.tenantId}/orders/export` },
  { method: "GET", path: `${T}/orders/{orderId}`, url: (i) => `/api/tenants/${i.tenantId}/orders/${i.orderId}` },
  { method: "GET", path: `${T}/invoices`, url: (i) => `/api/tenants/${i.tenantId}/invoices` },
  { method: "GET", path: `${T}/invoices/export`, url: (i) => `/api/tenants/${i.tenantId}/invoices/export` },
  {
    method: "GET",
    path: `${T}/invoices/{invoiceId}`,
    url: (i) => `/api/tenants/${i.tenantId}/invoices/${i.invoiceId}`,
  },
  // Pricing, My licenses, the people picker, license requests.
  { method: "GET", path: `${T}/pricing`, url: (i) => `/api/tenants/${i.tenantId}/pricing` },
  { method: "GET", path: `${T}/me/licenses`, url: (i) => `/api/tenants/${i.tenantId}/me/licenses` },
  {
    method: "POST",
    path: `${T}/trials/powerAutomate/signUp`,
    url: (i) => `/api/tenants/${i.tenantId}/trials/powerAutomate/signUp`,
    body: () => ({ as: "organization" }),
  },
  { method: "GET", path: `${T}/people`, url: (i) => `/api/tenants/${i.tenantId}/people?search=a` },
  {
    method: "POST",
    path: `${T}/licenseRequests`,
    url: (i) => `/api/tenants/${i.tenantId}/licenseRequests`,
    body: () => ({ skuId: VISIO, message: "intruder" }),
  },
  {
    method: "POST",
    path: `${T}/licenseRequests/{requestId}/approve`,
    url: (i) => `/api/tenants/${i.tenantId}/licenseRequests/${i.requestId}/approve`,
    body: () => ({}),
  },
  {
    method: "POST",
    path: `${T}/licenseRequests/{requestId}/deny`,
    url: (i) => `/api/tenants/${i.tenantId}/licenseRequests/${i.requestId}/deny`,
    body: () => ({ reason: "intruder" }),
  },
  {
    method: "POST",
    path: `${T}/licenseRequests/{requestId}/cancel`,
    url: (i) => `/api/tenants/${i.tenantId}/licenseRequests/${i.requestId}/cancel`,
  },
  {
    method: "GET",
    path: `${T}/partnerRelationships`,
    url: (i) => `/api/tenants/${i.tenantId}/partnerRelationships`,
  },
  {
    method: "PATCH",
    path: `${T}/partnerRelationships/{relationshipId}`,
    url: (i) => `/api/tenants/${i.tenantId}/partnerRelationships/${i.relationshipId}`,
    body: () => ({ endsAt: new Date(Date.now() + 30 * DAY_MS).toISOString() }),
  },
  {
    method: "POST",
    path: `${T}/partnerRelationships/{relationshipId}/removePrivileges`,
    url: (i) => `/api/tenants/${i.tenantId}/partnerRelationships/${i.relationshipId}/removePrivileges`,
  },
  {
    method: "POST",
    path: `${T}/partnerRelationships/{relationshipId}/reinstatePrivileges`,
    url: (i) => `/api/tenants/${i.tenantId}/partnerRelationships/${i.relationshipId}/reinstatePrivileges`,
  },
  { method: "GET", path: `${T}/environments`, url: (i) => `/api/tenants/${i.tenantId}/environments` },
  {
    method: "POST",
    path: `${T}/environments`,
    url: (i) => `/api/tenants/${i.tenantId}/environments`,
    body: () => ({ name: `Intruders ${randomUUID().slice(0, 8)}`, type: "production" }),
  },
  {
    method: "PATCH",
    path: `${T}/environments/{environmentId}`,
    url: (i) => `/api/tenants/${i.tenantId}/environments/${i.environmentId}`,
    body: () => ({ name: "Renamed by intruder" }),
  },
  {
    method: "DELETE",
    path: `${T}/environments/{environmentId}`,
    url: (i) => `/api/tenants/${i.tenantId}/environments/${i.environmentId}`,
  },
  { method: "GET", path: `${T}/capacity`, url: (i) => `/api/tenants/${i.tenantId}/capacity` },
  {
    method: "PUT",
    path: `${T}/environments/{environmentId}/capacity`,
    url: (i) => `/api/tenants/${i.tenantId}/environments/${i.environmentId}/capacity`,
    body: () => ({ allocations: [] }),
  },
  {
    method: "GET",
    path: `${T}/environments/{environmentId}/machines`,
    url: (i) => `/api/tenants/${i.tenantId}/environments/${i.environmentId}/machines`,
  },
  {
    method: "POST",
    path: `${T}/environments/{environmentId}/machines`,
    url: (i) => `/api/tenants/${i.tenantId}/environments/${i.environmentId}/machines`,
    body: () => ({ name: `Intruder ${randomUUID().slice(0, 8)}`, parallelRuns: 1 }),
  },
  {
    method: "PATCH",
    path: `${T}/machines/{machineId}`,
    url: (i) => `/api/tenants/${i.tenantId}/machines/${i.machineId}`,
    body: () => ({ parallelRuns: 2 }),
  },
  {
    method: "DELETE",
    path: `${T}/machines/{machineId}`,
    url: (i) => `/api/tenants/${i.tenantId}/machines/${i.machineId}`,
  },
  // Power Platform: flows, run checks, connectors, DLP policies.
  { method: "GET", path: `${T}/connectors`, url: (i) => `/api/tenants/${i.tenantId}/connectors` },
  {
    method: "GET",
    path: `${T}/environments/{environmentId}/flows`,
    url: (i) => `/api/tenants/${i.tenantId}/environments/${i.environmentId}/flows`,
  },
  {
    method: "POST",
    path: `${T}/environments/{environmentId}/flows`,
    url: (i) => `/api/tenants/${i.tenantId}/environments/${i.environmentId}/flows`,
    body: (i) => ({ name: "Intruder flow", ownerUserId: i.userId }),
  },
  { method: "GET", path: `${T}/flows/{flowId}`, url: (i) => `/api/tenants/${i.tenantId}/flows/${i.flowId}` },
  {
    method: "PATCH",
    path: `${T}/flows/{flowId}`,
    url: (i) => `/api/tenants/${i.tenantId}/flows/${i.flowId}`,
    body: () => ({ name: "Renamed by intruder", licenseMode: "owner" }),
  },
  {
    method: "POST",
    path: `${T}/flows/{flowId}/runChecks`,
    url: (i) => `/api/tenants/${i.tenantId}/flows/${i.flowId}/runChecks`,
    body: (i) => ({ runAsUserId: i.userId }),
  },
  { method: "GET", path: `${T}/dlpPolicies`, url: (i) => `/api/tenants/${i.tenantId}/dlpPolicies` },
  {
    method: "PUT",
    path: `${T}/dlpPolicies`,
    url: (i) => `/api/tenants/${i.tenantId}/dlpPolicies`,
    body: () => ({ policies: [{ name: "Intruder", environmentId: null, blocked: ["shared_sharepointonline"] }] }),
  },
  // Scripts: app registrations and their client secrets.
  { method: "GET", path: `${T}/applications`, url: (i) => `/api/tenants/${i.tenantId}/applications` },
  {
    method: "POST",
    path: `${T}/applications`,
    url: (i) => `/api/tenants/${i.tenantId}/applications`,
    body: () => ({ displayName: "Intruder", permissions: ["User.ReadWrite.All"] }),
  },
  {
    method: "PATCH",
    path: `${T}/applications/{applicationId}`,
    url: (i) => `/api/tenants/${i.tenantId}/applications/${i.applicationId}`,
    body: () => ({ permissions: ["User.ReadWrite.All", "LicenseAssignment.ReadWrite.All"] }),
  },
  {
    method: "DELETE",
    path: `${T}/applications/{applicationId}`,
    url: (i) => `/api/tenants/${i.tenantId}/applications/${i.applicationId}`,
  },
  {
    method: "POST",
    path: `${T}/applications/{applicationId}/secrets`,
    url: (i) => `/api/tenants/${i.tenantId}/applications/${i.applicationId}/secrets`,
    body: () => ({ displayName: "Intruder" }),
  },
  {
    method: "DELETE",
    path: `${T}/applications/{applicationId}/secrets/{secretId}`,
    url: (i) => `/api/tenants/${i.tenantId}/applications/${i.applicationId}/secrets/${i.secretId}`,
  },
];

const label = (r: RouteCase) => `${r.method} ${r.path}`;

/**
 * "METHOD /path/{param}" for every route in Fastify's printRoutes tree (HEAD left out: Fastify adds it to each GET).
 * Lines look like `│   └── /:userId (GET, HEAD, PATCH, DELETE)`; four characters of indent per level.
 */
function routerRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split("\n")) {
    const match = /^((?:│ {3}| {4})*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line.trimEnd());
    if (!match) continue;
    const depth = (match[1] as string).length / 4;
    stack.length = depth;
    stack.push(match[2] as string);
    const path = stack.join("").replace(/:(\w+)/g, "{$1}");
    for (const method of (match[3] ?? "").split(", ").filter((m) => m && m !== "HEAD"))
      routes.push(`${method} ${path}`);
  }
  return routes.sort();
}

describe("tenant isolation", () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  let fabrikam: Ids;
  let contoso: Ids;
  /** A fingerprint of everything a Contoso admin could try to change in Fabrikam. */
  let fabrikamBefore: string;

  async function fingerprint(tenantId: string): Promise<string> {
    const [
      users,
      groups,
      members,
      audit,
      licenses,
      sessions,
      assignments,
      groupLicenses,
      jobs,
      requests,
      subscriptions,
      orders,
      invoices,
      keys,
      relationships,
      environments,
      flows,
      dlpPolicies,
      applications,
      userImports,
    ] = await Promise.all([
      t.db.user.findMany({
        where: { tenantId },
        orderBy: { id: "asc" },
        select: {
          id: true,
          displayName: true,
          email: true,
          accountEnabled: true,
          deletedAt: true,
          passwordHash: true,
          updatedAt: true,
        },
      }),
      t.db.group.findMany({
        where: { tenantId },
        orderBy: { id: "asc" },
        select: { id: true, displayName: true, description: true, updatedAt: true },
      }),
      t.db.groupMember.findMany({ where: { group: { tenantId } }, orderBy: [{ groupId: "asc" }, { userId: "asc" }] }),
      t.db.auditEvent.count({ where: { tenantId } }),
      t.db.tenantProduct.findMany({ where: { tenantId }, orderBy: { productId: "asc" } }),
      t.db.session.count({ where: { user: { tenantId } } }),
      t.db.licenseAssignment.findMany({
        where: { tenantId },
        orderBy: { id: "asc" },
        select: { id: true, disabledServicePlanIds: true, state: true, updatedAt: true },
      }),
      t.db.groupLicense.findMany({ where: { group: { tenantId } }, orderBy: { id: "asc" } }),
      t.db.licenseJob.findMany({ where: { tenantId }, orderBy: { id: "asc" }, include: { results: true } }),
      t.db.licenseRequest.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
      t.db.subscription.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
      t.db.order.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
      t.db.invoice.findMany({ where: { tenantId }, orderBy: { id: "asc" }, include: { lines: true } }),
      t.db.idempotencyKey.count({ where: { tenantId } }),
      t.db.partnerRelationship.findMany({ where: { customerTenantId: tenantId }, orderBy: { id: "asc" } }),
      t.db.environment.findMany({
        where: { tenantId },
        orderBy: { id: "asc" },
        include: { allocations: { orderBy: { id: "asc" } }, machines: { orderBy: { id: "asc" } } },
      }),
      t.db.flow.findMany({ where: { environment: { tenantId } }, orderBy: { id: "asc" }, include: { coOwners: true } }),
      t.db.dlpPolicy.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
      t.db.application.findMany({ where: { tenantId }, orderBy: { id: "asc" }, include: { secrets: true } }),
      t.db.userImport.findMany({ where: { tenantId }, orderBy: { id: "asc" }, include: { rows: true } }),
    ]);
    return createHash("sha256")
      .update(
        JSON.stringify({
          users,
          groups,
          members,
          audit,
          licenses,
          sessions,
          assignments,
          groupLicenses,
          jobs,
          requests,
          subscriptions,
          orders,
          invoices,
          keys,
          relationships,
          environments,
          flows,
          dlpPolicies,
          applications,
          userImports,
        }),
      )
      .digest("hex");
  }

  function send(session: Session | null, route: RouteCase, ids: Ids, method: Method | "HEAD" = route.method) {
    const body = route.body?.(ids);
    // A file upload (POST userImports) is the raw CSV.
    const type = typeof body === "string" ? { "content-type": "text/csv" } : {};
    const options: InjectOptions = {
      method,
      url: route.url(ids),
      headers: session
        ? {
            cookie: session.cookie,
            ...(method === "GET" || method === "HEAD" ? {} : { "x-csrf-token": session.csrfToken }),
            ...type,
          }
        : type,
      ...(body === undefined ? {} : { payload: body as InjectOptions["payload"] }),
    };
    return t.app.inject(options);
  }

  async function idsOf(tenantId: string): Promise<Ids> {
    const user = await makeUser(t.db, tenantId);
    const deleted = await makeUser(t.db, tenantId, { deletedAt: new Date(Date.now() - DAY_MS) });
    const other = await makeUser(t.db, tenantId);
    const group = await makeGroup(t.db, tenantId, [user.id]);
    const job = await t.db.licenseJob.create({
      data: {
        tenantId,
        actorRoles: ["globalAdmin"],
        request: { userIds: [user.id], add: [{ skuId: POWER_BI_PRO, disabledPlans: [] }], remove: [], mode: "add" },
        total: 1,
        status: "succeeded",
      },
    });
    const pbi = await t.db.product.findUniqueOrThrow({ where: { skuId: POWER_BI_PRO } });
    const maker = await t.db.user.findFirstOrThrow({ where: { tenantId, email: { startsWith: "maker@" } } });
    const term = { termStartsAt: new Date(), termEndsAt: new Date(Date.now() + 30 * DAY_MS) };
    const subscription = await t.db.subscription.create({
      data: { tenantId, productId: pbi.id, seats: 5, source: "admin", ...term },
    });
    const selfService = await t.db.subscription.create({
      data: { tenantId, productId: pbi.id, seats: 2, source: "selfService", ownerUserId: maker.id, ...term },
    });
    // One of its seats is the user's, so unassignLicenses has someone to take it from.
    await t.db.licenseAssignment.create({
      data: {
        tenantId,
        userId: user.id,
        productId: pbi.id,
        disabledServicePlanIds: [],
        subscriptionId: selfService.id,
      },
    });
    await t.db.tenantProduct.update({
      where: { tenantId_productId: { tenantId, productId: pbi.id } },
      data: { consumedUnits: { increment: 1 } },
    });
    const trial = await t.db.subscription.create({
      data: { tenantId, productId: pbi.id, seats: 25, source: "trial", autoRenew: false, ...term },
    });
    const order = await t.db.order.create({
      data: {
        tenantId,
        subscriptionId: subscription.id,
        productId: pbi.id,
        kind: "purchase",
        seatsDelta: 5,
        amountCents: 6550,
        currency: "EUR",
        paymentProvider: "invoice",
      },
    });
    const invoice = await t.db.invoice.create({
      data: {
        tenantId,
        number: `INV-T-${randomUUID()}`,
        totalCents: 6550,
        currency: "EUR",
        dueAt: new Date(Date.now() + 30 * DAY_MS),
        lines: {
          create: {
            orderId: order.id,
            description: "Power BI Pro, 5 seats",
            quantity: 5,
            unitPriceCents: 1310,
            amountCents: 6550,
            periodStart: term.termStartsAt,
            periodEnd: term.termEndsAt,
          },
        },
      },
    });
    const visio = await t.db.product.findUniqueOrThrow({ where: { skuId: VISIO } });
    const request = await t.db.licenseRequest.create({
      data: { tenantId, requesterUserId: maker.id, productId: visio.id, message: "please" },
    });
    const environment = await t.db.environment.create({
      data: { tenantId, name: `Isolated ${randomUUID().slice(0, 8)}`, type: "sandbox" },
    });
    const machine = await t.db.machine.create({
      data: { tenantId, environmentId: environment.id, name: "Isolated machine" },
    });
    const flow = await t.db.flow.create({
      data: { tenantId, environmentId: environment.id, name: "Isolated flow", ownerUserId: maker.id, connectors: [] },
    });
    const application = await t.db.application.create({
      data: {
        tenantId,
        displayName: "Isolated app",
        permissions: ["User.Read.All"],
        secrets: {
          create: {
            displayName: "Isolated secret",
            hint: "abc",
            secretHash: randomUUID(),
            expiresAt: new Date(Date.now() + DAY_MS),
          },
        },
      },
      select: { id: true, secrets: { select: { id: true } } },
    });
    const userImport = await t.db.userImport.create({
      data: {
        tenantId,
        kind: "users",
        status: "previewed",
        encoding: "utf-8",
        delimiter: "comma",
        actorRoles: ["globalAdmin"],
        rowCount: 1,
        problemRowCount: 0,
        options: { accountEnabled: true, usageLocation: null, licenses: [] },
        rows: {
          create: {
            line: 2,
            userPrincipalName: `isolated-${randomUUID()}@example.test`,
            displayName: "Isolated",
            data: { values: { displayName: "Isolated" }, verifiedChanges: [] },
            action: "create",
          },
        },
      },
    });
    return {
      importId: userImport.id,
      applicationId: application.id,
      secretId: application.secrets[0]?.id as string,
      tenantId,
      flowId: flow.id,
      userId: user.id,
      otherUserId: other.id,
      deletedUserId: deleted.id,
      groupId: group.id,
      jobId: job.id,
      subscriptionId: subscription.id,
      selfServiceSubscriptionId: selfService.id,
      trialSubscriptionId: trial.id,
      orderId: order.id,
      invoiceId: invoice.id,
      requestId: request.id,
      relationshipId: (await t.db.partnerRelationship.findFirstOrThrow({ where: { customerTenantId: tenantId } })).id,
      environmentId: environment.id,
      machineId: machine.id,
    };
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.app, "admin@contoso.test");
    agent = await login(t.app, "agent@partner.test");
    fabrikam = await idsOf(t.tenants.fabrikam);
    contoso = await idsOf(t.tenants.contoso);
    fabrikamBefore = await fingerprint(t.tenants.fabrikam);
  });
  afterAll(() => t.close());

  it("the hand list covers every tenant-scoped route the app serves (router and OpenAPI document)", () => {
    const expected = ROUTES.map(label).sort();
    expect(new Set(expected).size).toBe(expected.length);
    expect(
      routerRoutes(t.app.printRoutes({ commonPrefix: false })).filter((r) => r.includes(" /api/tenants/")),
    ).toEqual(expected);
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith("/api/tenants/"))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(expected);
  });

  describe("a Contoso global admin addressing Fabrikam's tenant id gets 404 NotFound", () => {
    for (const route of ROUTES) {
      it(label(route), async () => {
        const response = await send(admin, route, fabrikam);
        expect(response.statusCode, response.body).toBe(404);
        expect(problem(response).code).toBe("NotFound");
        // The answer is the same as for a tenant that does not exist: nothing tells that Fabrikam is real.
        const ghost = await send(admin, route, { ...fabrikam, tenantId: randomUUID() });
        expect({ ...problem(ghost), requestId: undefined, instance: undefined }).toEqual({
          ...problem(response),
          requestId: undefined,
          instance: undefined,
        });
      });
    }

    it("HEAD requests of the readable routes too", async () => {
      for (const route of ROUTES.filter((r) => r.method === "GET")) {
        const response = await send(admin, route, fabrikam, "HEAD");
        expect(response.statusCode, label(route)).toBe(404);
      }
    });
  });

  describe("Fabrikam ids under Contoso's tenant id are unknown (404 NotFound)", () => {
    const withForeignIds = ROUTES.filter((r) =>
      [
        "{userId}",
        "{groupId}",
        "{jobId}",
        "{subscriptionId}",
        "{orderId}",
        "{invoiceId}",
        "{requestId}",
        "{environmentId}",
        "{machineId}",
        "{flowId}",
        "{applicationId}",
        "{secretId}",
        "{importId}",
      ].some((param) => r.path.includes(param)),
    );
    for (const route of withForeignIds) {
      it(label(route), async () => {
        const ids: Ids = { ...fabrikam, tenantId: t.tenants.contoso };
        const response = await send(admin, route, ids);
        expect(response.statusCode, response.body).toBe(404);
        expect(problem(response).code).toBe("NotFound");
      });
    }

    it("a Contoso group with a Fabrikam user: add member, remove member", async () => {
      const add = await send(
        admin,
        ROUTES.find((r) => label(r) === `POST ${T}/groups/{groupId}/members`) as RouteCase,
        {
          ...contoso,
          otherUserId: fabrikam.otherUserId,
        },
      );
      expect(add.statusCode).toBe(404);
      expect(problem(add).code).toBe("NotFound");
      const remove = await send(
        admin,
        ROUTES.find((r) => label(r) === `DELETE ${T}/groups/{groupId}/members/{userId}`) as RouteCase,
        {
          ...contoso,
          userId: fabrikam.userId,
        },
      );
      expect(remove.statusCode).toBe(404);
      expect(
        await t.db.groupMember.count({
          where: { groupId: contoso.groupId, userId: { in: [fabrikam.userId, fabrikam.otherUserId] } },
        }),
      ).toBe(0);
    });

    it("Fabrikam user ids in Contoso's bulk job and selection are unknown users: nothing happens to them", async () => {
      const bulkJobs = ROUTES.find((r) => label(r) === `POST ${T}/licenses/bulkJobs`) as RouteCase;
      const ids: Ids = { ...fabrikam, tenantId: t.tenants.contoso };
      const response = await send(admin, bulkJobs, ids);
      expect(response.statusCode, response.body).toBe(202);
      const job = response.json() as { id: string };
      await t.app.licenseJobs.settled(job.id);
      const details = await send(
        admin,
        { ...bulkJobs, method: "GET", url: () => `/api/tenants/${t.tenants.contoso}/licenses/bulkJobs/${job.id}` },
        ids,
      );
      expect(details.json()).toMatchObject({ status: "succeeded", succeeded: 0, failed: 2 });
      for (const result of details.json().results) {
        expect(result).toMatchObject({ displayName: null, ok: false, violations: [{ code: "NotFound" }] });
      }
      const selection = ROUTES.find((r) => label(r) === `POST ${T}/licenses/selection`) as RouteCase;
      const selected = await send(admin, selection, ids);
      expect(selected.statusCode, selected.body).toBe(200);
      expect(selected.json()).toEqual({ users: 0, value: [] });
    });

    it("Contoso's lists never show Fabrikam's users, groups or audit events", async () => {
      const get = (url: string) => t.app.inject({ method: "GET", url, headers: { cookie: admin.cookie } });
      const fabrikamUser = await t.db.user.findUniqueOrThrow({ where: { id: fabrikam.userId } });
      const search = await get(
        `/api/tenants/${t.tenants.contoso}/users?search=${encodeURIComponent(fabrikamUser.email)}`,
      );
      expect(search.json().items).toEqual([]);
      const fabrikamDomain = await get(`/api/tenants/${t.tenants.contoso}/users?search=fabrikam.test&limit=200`);
      expect(fabrikamDomain.json().items).toEqual([]);
      const groups = await get(`/api/tenants/${t.tenants.contoso}/groups?limit=200`);
      expect(groups.statusCode).toBe(200);
      expect(groups.json().items.every((g: { tenantId: string }) => g.tenantId === t.tenants.contoso)).toBe(true);
      expect(groups.json().items.map((g: { id: string }) => g.id)).not.toContain(fabrikam.groupId);
      const jobs = await get(`/api/tenants/${t.tenants.contoso}/licenses/bulkJobs?limit=200`);
      expect(jobs.statusCode).toBe(200);
      expect(jobs.json().items.map((j: { id: string }) => j.id)).not.toContain(fabrikam.jobId);
      const ids = await get(`/api/tenants/${t.tenants.contoso}/users/ids`);
      expect(ids.json().ids).not.toContain(fabrikam.userId);
      const audit = await get(`/api/tenants/${t.tenants.contoso}/auditLog?limit=200`);
      expect(audit.json().items.length).toBeGreaterThan(0);
      expect(audit.json().items.every((e: { tenantId: string }) => e.tenantId === t.tenants.contoso)).toBe(true);
    });
  });

  describe("a tenant id nobody has gets 404 NotFound", () => {
    for (const route of ROUTES) {
      it(label(route), async () => {
        for (const session of [admin, agent]) {
          const response = await send(session, route, { ...contoso, tenantId: randomUUID() });
          expect(response.statusCode, response.body).toBe(404);
          expect(problem(response).code).toBe("NotFound");
        }
      });
    }

    it("the partner tenant is out of reach of a customer admin, Fabrikam of Contoso's admin agent", async () => {
      const route = ROUTES[0] as RouteCase;
      const partner = await send(admin, route, { ...contoso, tenantId: t.tenants.partner });
      expect(problem(partner).code).toBe("NotFound");
      const fabrikamForAgent = await send(agent, route, fabrikam);
      expect(problem(fabrikamForAgent).code).toBe("NotFound");
    });
  });

  describe("without a session: 401 Unauthenticated, even for a tenant that exists", () => {
    for (const route of ROUTES) {
      it(label(route), async () => {
        for (const ids of [contoso, fabrikam, { ...contoso, tenantId: randomUUID() }]) {
          const response = await send(null, route, ids);
          expect(response.statusCode, response.body).toBe(401);
          expect(problem(response).code).toBe("Unauthenticated");
        }
      });
    }
  });

  describe("Graph: the tenant is the token's; Fabrikam's ids with a Contoso token are 404 Request_ResourceNotFound", () => {
    /** A valid body per Graph route that takes one, so that only the tenant can stop the request. */
    const GRAPH_BODIES: Record<string, (ids: Ids) => unknown> = {
      "PATCH /graph/v1.0/users/:user": () => ({ displayName: "Intruder" }),
      "POST /graph/v1.0/users/:user/assignLicense": () => ({ addLicenses: [{ skuId: VISIO }], removeLicenses: [] }),
      "POST /graph/v1.0/groups/:groupId/members/$ref": (ids) => ({
        "@odata.id": `https://graph.microsoft.com/v1.0/directoryObjects/${ids.otherUserId}`,
      }),
      "POST /graph/v1.0/groups/:groupId/assignLicense": () => ({ addLicenses: [{ skuId: VISIO }], removeLicenses: [] }),
    };
    /** Fabrikam's ids by the Graph routes' parameter names (a user also by user principal name). */
    const graphParams = (ids: Ids, email: string): Record<string, string[]> => ({
      user: [ids.userId, email],
      groupId: [ids.groupId],
      memberId: [ids.userId],
      id: [`${ids.tenantId}_${POWER_BI_PRO}`],
    });

    it("every Graph route with an id in its path, with an app's token and a person's", async () => {
      const contosoApp = await registerApp(t.app, admin, t.tenants.contoso, [
        "User.ReadWrite.All",
        "Group.ReadWrite.All",
        "LicenseAssignment.ReadWrite.All",
        "Directory.Read.All",
        "Organization.Read.All",
      ]);
      const tokens = [await accessToken(t.app, contosoApp), await personalToken(t.app, admin)];
      const email = (await t.db.user.findUniqueOrThrow({ where: { id: fabrikam.userId } })).email;
      const routes = registeredRoutes(t).filter((route) => isGraph(route) && route.path.includes("/:"));
      expect(routes.length).toBeGreaterThan(8);
      const params = graphParams(fabrikam, email);
      for (const route of routes) {
        const name = `${route.method} ${route.path}`;
        const names = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1] as string);
        for (const param of names) expect(params[param], `${route.path}: a Fabrikam id for :${param}`).toBeDefined();
        // Each way of naming the resource (a user by id and by user principal name).
        for (const variant of [0, 1]) {
          const url = route.path.replace(/:(\w+)/g, (_, param: string) => {
            const values = params[param] as string[];
            return encodeURIComponent(values[variant] ?? (values[0] as string));
          });
          const body = GRAPH_BODIES[name]?.(fabrikam);
          for (const token of tokens) {
            const response = await t.app.inject({
              method: route.method,
              url,
              headers: { authorization: `Bearer ${token}` },
              ...(body === undefined ? {} : { payload: body as InjectOptions["payload"] }),
            });
            expect(response.statusCode, `${name} ${url}: ${response.body.slice(0, 300)}`).toBe(404);
            if (route.method !== "HEAD") {
              expect(graphError(response), name).toMatchObject({
                code: "Request_ResourceNotFound",
                details: [{ code: "NotFound" }],
              });
            }
          }
        }
      }
    });

    it("a Fabrikam user as a Contoso group's new member, and in a Contoso batch", async () => {
      const token = await personalToken(t.app, admin);
      const send = (method: "POST" | "GET", url: string, payload?: unknown) =>
        t.app.inject({
          method,
          url: `/graph/v1.0${url}`,
          headers: { authorization: `Bearer ${token}` },
          ...(payload === undefined ? {} : { payload: payload as InjectOptions["payload"] }),
        });
      const ref = { "@odata.id": `https://graph.microsoft.com/v1.0/directoryObjects/${fabrikam.otherUserId}` };
      const add = await send("POST", `/groups/${contoso.groupId}/members/$ref`, ref);
      expect(graphError(add)).toMatchObject({ status: 404, details: [{ code: "NotFound" }] });
      const batch = await send("POST", "/$batch", {
        requests: [
          { id: "1", method: "GET", url: `/users/${fabrikam.userId}` },
          { id: "2", method: "GET", url: `/groups/${fabrikam.groupId}/members` },
          { id: "3", method: "PATCH", url: `/users/${fabrikam.userId}`, body: { accountEnabled: false } },
        ],
      });
      expect(batch.statusCode).toBe(200);
      expect((batch.json() as { responses: Array<{ status: number }> }).responses.map((r) => r.status)).toEqual([
        404, 404, 404,
      ]);
      const users = await send(
        "GET",
        `/users?$filter=${encodeURIComponent("startswith(userPrincipalName,'admin@fabrikam')")}`,
      );
      expect(users.json()).toMatchObject({ value: [] });
    });
  });

  it("after all of the above, nothing in Fabrikam changed", async () => {
    expect(await fingerprint(t.tenants.fabrikam)).toBe(fabrikamBefore);
  });
});
