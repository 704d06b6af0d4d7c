import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, type MadeUser, makeGroup, makeUser } from "./fixtures.js";
import {
  add,
  assertCountersMatchRows,
  base,
  bulkUrl,
  expectProblem,
  expectWellFormed,
  fabrikamGroup,
  fabrikamUser,
  fingerprint,
  groupUrl,
  type Method,
  planIds,
  post,
  productIdOf,
  refused,
  send,
  setUpBadInputApp,
  sku,
  t,
  userUrl,
} from "./license-bad-input-setup.js";

/**
 * Bad input on every licensing route, by id: malformed, non-UTF-8, unknown or out-of-reach ids in the path, and
 * unknown, deleted or foreign users, groups and skus. Every refusal is problem+json with a known code and that code's
 * status, nothing is ever a 500, and a refused mutation changes nothing (the checks live in license-bad-input-setup.ts;
 * the first test shows they can fail).
 */

setUpBadInputApp();

describe("the assertions themselves can fail", () => {
  it("a wrong status, a wrong code, a missing path or a change each fail the checks", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const notFound = await post(userUrl(randomUUID()), add(sku.POWER_BI_PRO as string));
    expect(() => expectProblem(notFound, 400, "NotFound")).toThrow();
    expect(() => expectProblem(notFound, 404, "ValidationFailed")).toThrow();
    expect(() => expectProblem(notFound, 404, "NotFound", "body.nowhere")).toThrow();
    expect(() => expectProblem(notFound, 404, "NotFound", "params.userId")).not.toThrow();
    // A request that succeeds is not a refusal, and the change it makes is seen.
    await expect(
      refused(() => post(userUrl(user.id), add(sku.POWER_BI_PRO as string)), 404, "NotFound"),
    ).rejects.toThrow();
    const before = await fingerprint(t.db);
    await post(userUrl(user.id), { addLicenses: [], removeLicenses: [sku.POWER_BI_PRO] });
    expect(await fingerprint(t.db)).not.toEqual(before);
    // A 500 is never well-formed, even as problem+json with the right code.
    const fake = { statusCode: 500, headers: { "content-type": "application/problem+json" }, body: "{}" };
    expect(() => expectWellFormed(fake as unknown as LightMyRequestResponse)).toThrow();
  });
});

interface RouteIds {
  tenant: string;
  user: string;
  group: string;
}

interface LicenseRoute {
  name: string;
  method: Method;
  url: (ids: RouteIds) => string;
  /** The ids the path holds. */
  params: Array<keyof RouteIds>;
  /** A body the route accepts, for POSTs that take one. */
  body?: () => unknown;
}

let target: MadeUser;
let targetGroup: { id: string };

const ROUTES: LicenseRoute[] = [
  {
    name: "GET subscribedSkus",
    method: "GET",
    url: (i) => `/api/tenants/${i.tenant}/subscribedSkus`,
    params: ["tenant"],
  },
  {
    name: "GET licenseConflicts",
    method: "GET",
    url: (i) => `/api/tenants/${i.tenant}/licenseConflicts`,
    params: ["tenant"],
  },
  {
    name: "GET users/:userId/licenses",
    method: "GET",
    url: (i) => `/api/tenants/${i.tenant}/users/${i.user}/licenses`,
    params: ["tenant", "user"],
  },
  {
    name: "GET users/:userId/licenseDetails",
    method: "GET",
    url: (i) => `/api/tenants/${i.tenant}/users/${i.user}/licenseDetails`,
    params: ["tenant", "user"],
  },
  {
    name: "GET groups/:groupId/licenses",
    method: "GET",
    url: (i) => `/api/tenants/${i.tenant}/groups/${i.group}/licenses`,
    params: ["tenant", "group"],
  },
  {
    name: "POST users/:userId/assignLicense",
    method: "POST",
    url: (i) => `/api/tenants/${i.tenant}/users/${i.user}/assignLicense`,
    params: ["tenant", "user"],
    body: () => add(sku.POWER_BI_PRO as string),
  },
  {
    name: "POST groups/:groupId/assignLicense",
    method: "POST",
    url: (i) => `/api/tenants/${i.tenant}/groups/${i.group}/assignLicense`,
    params: ["tenant", "group"],
    body: () => add(sku.POWER_BI_PRO as string),
  },
  {
    name: "POST groups/:groupId/reprocessLicenseAssignment",
    method: "POST",
    url: (i) => `/api/tenants/${i.tenant}/groups/${i.group}/reprocessLicenseAssignment`,
    params: ["tenant", "group"],
  },
  {
    name: "POST licenses/bulk",
    method: "POST",
    url: (i) => `/api/tenants/${i.tenant}/licenses/bulk`,
    params: ["tenant"],
    body: () => ({ userIds: [target.id], add: [{ skuId: sku.POWER_BI_PRO }] }),
  },
];

const goodIds = (): RouteIds => ({ tenant: t.tenants.contoso, user: target.id, group: targetGroup.id });
const sendRoute = (route: LicenseRoute, ids: RouteIds, payload = route.body?.()) =>
  send(route.method, route.url(ids), payload === undefined ? {} : { payload });

describe("ids in the path", () => {
  beforeAll(async () => {
    target = await makeUser(t.db, t.tenants.contoso, { displayName: "Path Target" });
    targetGroup = await makeGroup(t.db, t.tenants.contoso, [target.id]);
  });

  const BAD_IDS = [
    "123",
    "not-a-uuid",
    "00000000-0000-0000-0000-00000000000g",
    `${randomUUID()}0`,
    `{${randomUUID()}}`,
    randomUUID().replaceAll("-", ""),
    "12345678-1234-0234-8234-123456789012", // version 0
    "12345678-1234-4234-c234-123456789012", // variant outside RFC 9562
    "%27%20OR%201%3D1--",
    "%27%3B%20DROP%20TABLE%20%22User%22%3B--",
    "%00",
    "null",
    "undefined",
  ];

  it.each(ROUTES)("$name: a malformed id is 400 InvalidId, before the body is even looked at", async (route) => {
    for (const which of route.params) {
      for (const bad of BAD_IDS) {
        const ids = { ...goodIds(), [which]: bad };
        const request = () => sendRoute(route, ids, route.body ? { nonsense: true } : undefined);
        const path = which === "tenant" ? undefined : `params.${which}Id`;
        if (route.method === "GET") expectProblem(await request(), 400, "InvalidId", path, `${which}=${bad}`);
        else await refused(request, 400, "InvalidId", path, `${which}=${bad}`);
      }
    }
  });

  // A path that is not valid UTF-8 once percent-decoded (%ED%A0%80 is a lone surrogate, %FF no character at all) is
  // refused by Fastify's router before any route runs; app.ts's frameworkErrors answers it as problem+json.
  it("a path id that is not valid UTF-8 is a problem+json 400 on every license route", async () => {
    for (const route of ROUTES) {
      for (const which of route.params) {
        for (const bad of ["%ED%A0%80", "%FF", "%C0%AF"]) {
          const response = await sendRoute(route, { ...goodIds(), [which]: bad });
          expectWellFormed(response, `${route.name} ${which}=${bad}`);
          expect(response.statusCode).toBe(400);
        }
      }
    }
  });

  it.each(ROUTES)("$name: a tenant that is unknown or out of reach is 404, even with a bad body", async (route) => {
    const tenants = [
      randomUUID(),
      "00000000-0000-0000-0000-000000000000",
      "ffffffff-ffff-ffff-ffff-ffffffffffff",
      t.tenants.fabrikam,
      t.tenants.fabrikam.toUpperCase(),
      t.tenants.partner,
    ];
    for (const tenant of tenants) {
      for (const payload of route.body ? [route.body(), { nonsense: true }, "[]"] : [undefined]) {
        const request = () => sendRoute(route, { ...goodIds(), tenant }, payload);
        const problem =
          route.method === "GET"
            ? expectProblem(await request(), 404, "NotFound", undefined, tenant)
            : await refused(request, 404, "NotFound", undefined, tenant);
        expect(problem.detail).toBe("Tenant was not found.");
      }
    }
  });

  it("ids are UUIDs in any letter case: upper-case tenant, user, group and sku ids reach the same things", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const group = await makeGroup(t.db, t.tenants.contoso);
    const tenant = t.tenants.contoso.toUpperCase();
    const plan = (planIds.POWER_BI_PRO as string[])[0] as string;
    const assigned = await post(`/api/tenants/${tenant}/users/${user.id.toUpperCase()}/assignLicense`, {
      addLicenses: [{ skuId: (sku.POWER_BI_PRO as string).toUpperCase(), disabledPlans: [plan.toUpperCase()] }],
      removeLicenses: [],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().assignedLicenses).toEqual([{ skuId: sku.POWER_BI_PRO, disabledPlans: [plan] }]);
    const groupAssigned = await post(`/api/tenants/${tenant}/groups/${group.id.toUpperCase()}/assignLicense`, {
      addLicenses: [],
      removeLicenses: [(sku.POWER_BI_PRO as string).toUpperCase()],
    });
    // The group holds nothing yet: the rule answer proves the ids resolved.
    expectProblem(groupAssigned, 422, "NotAssigned");
    await assertCountersMatchRows(t.db, t.tenants.contoso);
  });
});

describe("unknown users, groups and skus are 404 and change nothing", () => {
  let deleted: MadeUser;
  beforeAll(async () => {
    target ??= await makeUser(t.db, t.tenants.contoso);
    targetGroup ??= await makeGroup(t.db, t.tenants.contoso, [target.id]);
    deleted = await makeUser(t.db, t.tenants.contoso, { deletedAt: new Date(Date.now() - DAY_MS) });
  });

  it("an unknown, deleted or other tenant's user, or a group's id, on the user routes", async () => {
    for (const userId of [
      randomUUID(),
      "00000000-0000-0000-0000-000000000000",
      fabrikamUser.id,
      deleted.id,
      targetGroup.id,
      productIdOf.POWER_BI_PRO as string,
    ]) {
      for (const read of userId === deleted.id ? ["licenseDetails"] : ["licenses", "licenseDetails"]) {
        expectProblem(await send("GET", `${base}/users/${userId}/${read}`), 404, "NotFound", undefined, userId);
      }
      const problem = await refused(
        () => post(userUrl(userId), add(sku.POWER_BI_PRO as string)),
        404,
        "NotFound",
        "params.userId",
        userId,
      );
      expect(problem.detail).toMatch(/user/i);
    }
    expect(await t.db.licenseAssignment.count({ where: { userId: deleted.id } })).toBe(0);
    // Like GET users/:userId (the restore view opens deleted users), GET users/:userId/licenses shows a deleted
    // user, while licenseDetails answers 404 for it (reported as an inconsistency, not asserted as a rule).
    const shown = await send("GET", `${base}/users/${deleted.id}/licenses`);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({ id: deleted.id, assignedLicenses: [] });
    expect(shown.json().deletedAt).not.toBeNull();
  });

  it("an unknown or other tenant's group, or a user's id, on the group routes", async () => {
    for (const groupId of [randomUUID(), "00000000-0000-0000-0000-000000000000", fabrikamGroup.id, target.id]) {
      expectProblem(await send("GET", `${base}/groups/${groupId}/licenses`), 404, "NotFound", undefined, groupId);
      await refused(
        () => post(groupUrl(groupId), add(sku.POWER_BI_PRO as string)),
        404,
        "NotFound",
        undefined,
        groupId,
      );
      await refused(() => post(`${base}/groups/${groupId}/reprocessLicenseAssignment`), 404, "NotFound");
    }
  });

  it("an unknown skuId (random, nil, a product's internal id, a service plan's id) in any list", async () => {
    const unknownSkus = [
      randomUUID(),
      "00000000-0000-0000-0000-000000000000",
      productIdOf.POWER_BI_PRO as string,
      (planIds.POWER_BI_PRO as string[])[0] as string,
    ];
    const known = sku.EXCHANGESTANDARD as string;
    for (const skuId of unknownSkus) {
      const cases: Array<[string, () => Promise<LightMyRequestResponse>, string]> = [
        ["user add", () => post(userUrl(target.id), add(known, skuId)), "body.addLicenses"],
        [
          "user remove",
          () => post(userUrl(target.id), { addLicenses: [], removeLicenses: [skuId.toUpperCase()] }),
          "body.removeLicenses",
        ],
        ["group add", () => post(groupUrl(targetGroup.id), add(skuId)), "body.addLicenses"],
        [
          "group remove",
          () => post(groupUrl(targetGroup.id), { addLicenses: [], removeLicenses: [skuId] }),
          "body.removeLicenses",
        ],
        ["bulk add", () => post(bulkUrl(), { userIds: [target.id], add: [{ skuId: known }, { skuId }] }), "body.add"],
        ["bulk remove", () => post(bulkUrl(), { userIds: [target.id], remove: [skuId], atomic: false }), "body.remove"],
        ["bulk dry run", () => post(bulkUrl(), { userIds: [target.id], add: [{ skuId }], dryRun: true }), "body.add"],
      ];
      for (const [label, request, path] of cases) {
        const problem = await refused(request, 404, "NotFound", path, `${label} ${skuId}`);
        expect(problem.errors?.[0]?.skuId, label).toBe(skuId.toLowerCase());
        expect(problem.detail, label).toContain(skuId.toLowerCase());
      }
    }
  });

  it("an unknown sku on an unknown user is still 404 (the sku is named), never a 500", async () => {
    await refused(() => post(userUrl(randomUUID()), add(randomUUID())), 404, "NotFound", "body.addLicenses");
  });
});
