import { randomUUID } from "node:crypto";
import { type BulkLicenseReport, bulkLicenseReportSchema, MAX_BULK_USERS } from "@allot/contracts";
import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { auditOf, type MadeUser, makeGroup, makeUser } from "./fixtures.js";
import {
  add,
  admin,
  assertCountersMatchRows,
  base,
  bulkUrl,
  consumed,
  expectWellFormed,
  fingerprint,
  groupUrl,
  licenseAdmin,
  planIds,
  post,
  refused,
  send,
  setUpBadInputApp,
  sku,
  t,
  userUrl,
} from "./license-bad-input-setup.js";

/**
 * Bad input on the licensing mutations, by request: body shape (malformed uuids, duplicates, unknown fields, wrong
 * types), license rules a bad request breaks, bulk size limits, query strings, and transport (size, media type,
 * JSON). Every refusal is problem+json with a known code and that code's status, nothing is ever a 500, and a refused
 * mutation changes nothing.
 */

setUpBadInputApp();

describe("body shape", () => {
  let user: MadeUser;
  let group: { id: string };
  const pbi = () => sku.POWER_BI_PRO as string;
  const exo = () => sku.EXCHANGESTANDARD as string;

  beforeAll(async () => {
    user = await makeUser(t.db, t.tenants.contoso);
    group = await makeGroup(t.db, t.tenants.contoso, [user.id]);
  });

  /** The three body routes with one request each: user and group take Graph's body, bulk its own. */
  const assignRoutes = () =>
    [
      ["user", (body: unknown) => post(userUrl(user.id), body)],
      ["group", (body: unknown) => post(groupUrl(group.id), body)],
    ] as const;
  const bulk = (body: Record<string, unknown>) => post(bulkUrl(), { userIds: [user.id], ...body });

  it("malformed uuids in the body are 400 ValidationFailed at their path", async () => {
    const bads = ["not-a-uuid", "", " ", `${randomUUID()}0`, `{${randomUUID()}}`, `${randomUUID()}\u0000`, "\ud800"];
    for (const bad of bads) {
      for (const [label, request] of assignRoutes()) {
        await refused(() => request(add(bad)), 400, "ValidationFailed", "body.addLicenses.0.skuId", label);
        await refused(
          () => request({ addLicenses: [{ skuId: pbi(), disabledPlans: [bad] }], removeLicenses: [] }),
          400,
          "ValidationFailed",
          "body.addLicenses.0.disabledPlans.0",
          label,
        );
        await refused(
          () => request({ addLicenses: [], removeLicenses: [pbi(), bad] }),
          400,
          "ValidationFailed",
          "body.removeLicenses.1",
          label,
        );
      }
      await refused(
        () => post(bulkUrl(), { userIds: [user.id, bad], add: [{ skuId: pbi() }] }),
        400,
        "ValidationFailed",
        "body.userIds.1",
      );
      await refused(() => bulk({ add: [{ skuId: bad }] }), 400, "ValidationFailed", "body.add.0.skuId");
      await refused(() => bulk({ remove: [bad] }), 400, "ValidationFailed", "body.remove.0");
      await refused(
        () => bulk({ add: [{ skuId: pbi(), disabledPlans: [bad] }] }),
        400,
        "ValidationFailed",
        "body.add.0.disabledPlans.0",
      );
    }
  });

  it("duplicates (in any letter case) are 400 with a message naming what repeats", async () => {
    const upper = (id: string) => id.toUpperCase();
    const plan = (planIds.POWER_BI_PRO as string[])[0] as string;
    for (const [label, request] of assignRoutes()) {
      for (const twin of [pbi(), upper(pbi())]) {
        const dupAdd = await refused(
          () => request({ addLicenses: [{ skuId: pbi() }, { skuId: twin }], removeLicenses: [] }),
          400,
          "ValidationFailed",
          "body.addLicenses",
          label,
        );
        expect(dupAdd.errors?.[0]?.message).toMatch(/repeat a skuId/);
        await refused(
          () => request({ addLicenses: [], removeLicenses: [pbi(), twin] }),
          400,
          "ValidationFailed",
          "body.removeLicenses",
          label,
        );
        const both = await refused(
          () => request({ addLicenses: [{ skuId: pbi() }], removeLicenses: [twin] }),
          400,
          "ValidationFailed",
          "body",
          label,
        );
        expect(both.errors?.[0]?.message).toMatch(/both added and removed/);
      }
      const dupPlan = await refused(
        () => request({ addLicenses: [{ skuId: pbi(), disabledPlans: [plan, upper(plan)] }], removeLicenses: [] }),
        400,
        "ValidationFailed",
        "body.addLicenses.0.disabledPlans",
        label,
      );
      expect(dupPlan.errors?.[0]?.message).toMatch(/repeat a service plan/);
      const empty = await refused(
        () => request({ addLicenses: [], removeLicenses: [] }),
        400,
        "ValidationFailed",
        "body",
        label,
      );
      expect(empty.errors?.[0]?.message).toMatch(/at least one license/);
    }
    for (const twin of [user.id, upper(user.id)]) {
      const dupUsers = await refused(
        () => post(bulkUrl(), { userIds: [user.id, twin], add: [{ skuId: pbi() }] }),
        400,
        "ValidationFailed",
        "body.userIds",
      );
      expect(dupUsers.errors?.[0]?.message).toMatch(/repeat a user/);
      await refused(
        () => bulk({ add: [{ skuId: exo() }, { skuId: upper(exo()) }] }),
        400,
        "ValidationFailed",
        "body.add",
      );
      await refused(() => bulk({ remove: [exo(), upper(exo())] }), 400, "ValidationFailed", "body.remove");
      await refused(() => bulk({ add: [{ skuId: exo() }], remove: [upper(exo())] }), 400, "ValidationFailed", "body");
    }
    for (const body of [{}, { add: [], remove: [] }, { mode: "add" }]) {
      const problem = await refused(() => bulk(body), 400, "ValidationFailed", "body");
      expect(problem.errors?.[0]?.message).toMatch(/at least one license/);
    }
  });

  it("mode replace with remove is 400; replace with nothing to add is a valid 'remove every direct license'", async () => {
    const problem = await refused(
      () => bulk({ mode: "replace", add: [{ skuId: pbi() }], remove: [exo()] }),
      400,
      "ValidationFailed",
      "body",
    );
    expect(problem.errors?.[0]?.message).toMatch(/leave remove empty/);
    for (const mode of ["REPLACE", "merge", "", "add "]) {
      await refused(() => bulk({ mode, add: [{ skuId: pbi() }] }), 400, "ValidationFailed", "body.mode", mode);
    }
    const fresh = await makeUser(t.db, t.tenants.contoso);
    const dry = await post(bulkUrl(), { userIds: [fresh.id], mode: "replace", dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect((dry.json() as BulkLicenseReport).summary).toEqual({ users: 1, succeeded: 1, failed: 0 });
  });

  it("unknown fields anywhere are 400 ValidationFailed", async () => {
    for (const [label, request] of assignRoutes()) {
      for (const body of [
        { ...add(pbi()), tenantId: t.tenants.fabrikam },
        { ...add(pbi()), userId: user.id },
        { ...add(pbi()), force: true },
        { addLicense: [{ skuId: pbi() }], removeLicenses: [] },
        { addLicenses: [{ skuId: pbi(), disabledPlans: [], enabledPlans: [] }], removeLicenses: [] },
        { addLicenses: [{ skuId: pbi(), skuPartNumber: "POWER_BI_PRO" }], removeLicenses: [] },
      ]) {
        await refused(() => request(body), 400, "ValidationFailed", undefined, `${label} ${JSON.stringify(body)}`);
      }
    }
    // Each unknown field is named by its own path.
    for (const [extra, path] of [
      [{ users: [user.id] }, "body.users"],
      [{ tenantId: t.tenants.fabrikam }, "body.tenantId"],
      [{ isAdmin: true }, "body.isAdmin"],
      [{ atomic: false, force: 1 }, "body.force"],
    ] as const) {
      await refused(() => bulk({ add: [{ skuId: pbi() }], ...extra }), 400, "ValidationFailed", path);
    }
    await refused(() => bulk({ add: [{ skuId: pbi(), seats: 2 }] }), 400, "ValidationFailed", "body.add.0.seats");
  });

  it("wrong types (string for array, numbers, null, objects) are 400 at the field's path", async () => {
    const wrong: Array<[Record<string, unknown>, string]> = [
      [{ addLicenses: pbi(), removeLicenses: [] }, "body.addLicenses"],
      [{ addLicenses: [{ skuId: pbi() }], removeLicenses: exo() }, "body.removeLicenses"],
      [{ addLicenses: null, removeLicenses: [] }, "body.addLicenses"],
      [{ addLicenses: {}, removeLicenses: [] }, "body.addLicenses"],
      [{ addLicenses: 1, removeLicenses: [] }, "body.addLicenses"],
      [{ addLicenses: [pbi()], removeLicenses: [] }, "body.addLicenses.0"],
      [{ addLicenses: [null], removeLicenses: [] }, "body.addLicenses.0"],
      [{ addLicenses: [{ skuId: 123 }], removeLicenses: [] }, "body.addLicenses.0.skuId"],
      [{ addLicenses: [{ skuId: [pbi()] }], removeLicenses: [] }, "body.addLicenses.0.skuId"],
      [{ addLicenses: [{ skuId: pbi(), disabledPlans: "x" }], removeLicenses: [] }, "body.addLicenses.0.disabledPlans"],
      [
        { addLicenses: [{ skuId: pbi(), disabledPlans: null }], removeLicenses: [] },
        "body.addLicenses.0.disabledPlans",
      ],
      [{ addLicenses: [], removeLicenses: [0] }, "body.removeLicenses.0"],
      [{ addLicenses: [], removeLicenses: [{ skuId: pbi() }] }, "body.removeLicenses.0"],
      [{ addLicenses: [{ skuId: pbi() }] }, "body.removeLicenses"],
      [{ removeLicenses: [pbi()] }, "body.addLicenses"],
    ];
    for (const [label, request] of assignRoutes()) {
      for (const [body, path] of wrong) {
        await refused(() => request(body), 400, "ValidationFailed", path, `${label} ${JSON.stringify(body)}`);
      }
      for (const raw of ["[]", '"text"', "42", "true", "null", `[${JSON.stringify(add(pbi()))}]`]) {
        await refused(
          () =>
            send("POST", label === "user" ? userUrl(user.id) : groupUrl(group.id), {
              payload: raw,
              contentType: "application/json",
            }),
          400,
          "ValidationFailed",
          "body",
          `${label} ${raw}`,
        );
      }
      // No body at all is not an empty change.
      await refused(() => request(undefined), 400, "ValidationFailed", "body", label);
    }
    const bulkWrong: Array<[Record<string, unknown>, string]> = [
      [{ userIds: user.id, add: [{ skuId: pbi() }] }, "body.userIds"],
      [{ userIds: null, add: [{ skuId: pbi() }] }, "body.userIds"],
      [{ userIds: [1], add: [{ skuId: pbi() }] }, "body.userIds.0"],
      [{ userIds: [user.id], add: { skuId: pbi() } }, "body.add"],
      [{ userIds: [user.id], add: null }, "body.add"],
      [{ userIds: [user.id], add: [{ skuId: pbi() }], remove: pbi() }, "body.remove"],
      [{ userIds: [user.id], add: [{ skuId: pbi() }], atomic: "true" }, "body.atomic"],
      [{ userIds: [user.id], add: [{ skuId: pbi() }], atomic: null }, "body.atomic"],
      [{ userIds: [user.id], add: [{ skuId: pbi() }], dryRun: 1 }, "body.dryRun"],
      [{ userIds: [user.id], add: [{ skuId: pbi() }], dryRun: "false" }, "body.dryRun"],
      [{ userIds: [user.id], add: [{ skuId: pbi() }], mode: 1 }, "body.mode"],
      [{ userIds: [user.id], add: [{ skuId: pbi() }], mode: null }, "body.mode"],
      [{ add: [{ skuId: pbi() }] }, "body.userIds"],
    ];
    for (const [body, path] of bulkWrong) {
      await refused(() => post(bulkUrl(), body), 400, "ValidationFailed", path, JSON.stringify(body));
    }
  });
});

describe("license rules on bad requests", () => {
  it("disabledPlans naming plans outside the SKU are 422 InvalidServicePlan, with the plans named", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const group = await makeGroup(t.db, t.tenants.contoso, [user.id]);
    const foreign = (planIds.VISIOCLIENT as string[]).filter((p) => !(planIds.POWER_BI_PRO as string[]).includes(p));
    const plans = [foreign[0] as string, randomUUID()];
    for (const disabledPlans of [[plans[0]], [plans[1]], [(planIds.POWER_BI_PRO as string[])[0], plans[0]]]) {
      const body = { addLicenses: [{ skuId: sku.POWER_BI_PRO, disabledPlans }], removeLicenses: [] };
      for (const url of [userUrl(user.id), groupUrl(group.id)]) {
        const problem = await refused(() => post(url, body), 422, "InvalidServicePlan", "body", url);
        expect(problem.errors?.[0]?.skuId).toBe(sku.POWER_BI_PRO);
        expect(problem.detail).toContain("POWER_BI_PRO");
      }
      const bulk = await refused(
        () => post(bulkUrl(), { userIds: [user.id], add: body.addLicenses }),
        422,
        "InvalidServicePlan",
        "body.add",
      );
      // The request's own fault, refused before any user is looked at: no per-user report.
      expect(bulk.report).toBeUndefined();
      expect(bulk.errors?.[0]).toMatchObject({ code: "InvalidServicePlan", skuId: sku.POWER_BI_PRO });
    }
    // A plan of the SKU itself is fine.
    const ok = await post(userUrl(user.id), {
      addLicenses: [{ skuId: sku.POWER_BI_PRO, disabledPlans: [(planIds.POWER_BI_PRO as string[])[0]] }],
      removeLicenses: [],
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  // The request itself is invalid whoever the users are: refused before any user is looked at, atomic or not.
  it("bulk with atomic:false refuses disabledPlans outside the SKU with 422 like every other route", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const foreign = (planIds.VISIOCLIENT as string[])[0] as string;
    await refused(
      () =>
        post(bulkUrl(), {
          userIds: [user.id],
          add: [{ skuId: sku.POWER_BI_PRO, disabledPlans: [foreign] }],
          atomic: false,
        }),
      422,
      "InvalidServicePlan",
    );
  });

  it("a capacity SKU (appliesTo Company) for a user or a group is 400 ValidationFailed saying why", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const group = await makeGroup(t.db, t.tenants.contoso, [user.id]);
    for (const part of ["POWERAUTOMATE_PROCESS", "POWERAUTOMATE_UNATTENDED_RPA", "FLOW_BUSINESS_PROCESS"]) {
      const capacity = sku[part] as string;
      const cases: Array<[() => Promise<LightMyRequestResponse>, string]> = [
        [() => post(userUrl(user.id), add(sku.POWER_BI_PRO as string, capacity)), "body.addLicenses"],
        [() => post(userUrl(user.id), { addLicenses: [], removeLicenses: [capacity] }), "body.removeLicenses"],
        [() => post(groupUrl(group.id), add(capacity)), "body.addLicenses"],
        [() => post(bulkUrl(), { userIds: [user.id], add: [{ skuId: capacity }], atomic: false }), "body.add"],
        [() => post(bulkUrl(), { userIds: [user.id], mode: "replace", add: [{ skuId: capacity }] }), "body.add"],
      ];
      for (const [request, path] of cases) {
        const problem = await refused(request, 400, "ValidationFailed", path, `${part} ${path}`);
        expect(problem.detail).toContain(part);
        expect(problem.detail).toMatch(/applies to the company/);
        expect(problem.errors?.[0]?.skuId).toBe(capacity);
      }
    }
    expect(await t.db.licenseAssignment.count({ where: { userId: user.id } })).toBe(0);
  });

  it("licensing a guest: 403 GuestRequiresGlobalAdmin for a license admin, 200 for the global admin", async () => {
    const guest = await makeUser(t.db, t.tenants.contoso, { userType: "guest" });
    const body = add(sku.POWER_BI_PRO as string);
    const problem = await refused(
      () => post(userUrl(guest.id), body, licenseAdmin),
      403,
      "GuestRequiresGlobalAdmin",
      "body",
    );
    expect(problem.detail).toMatch(/global admin/i);
    await refused(
      () => post(bulkUrl(), { userIds: [guest.id], add: body.addLicenses }, licenseAdmin),
      403,
      "GuestRequiresGlobalAdmin",
      "body.userIds",
    );
    // Not a silent success either: non-atomic bulk reports the guest as failed and licenses nobody.
    const partial = await post(bulkUrl(), { userIds: [guest.id], add: body.addLicenses, atomic: false }, licenseAdmin);
    expect(partial.statusCode, partial.body).toBe(200);
    expect((partial.json() as BulkLicenseReport).results[0]?.violations?.[0]?.code).toBe("GuestRequiresGlobalAdmin");
    expect(await t.db.licenseAssignment.count({ where: { userId: guest.id } })).toBe(0);

    const before = await consumed("POWER_BI_PRO");
    const ok = await post(userUrl(guest.id), body, admin);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await t.db.licenseAssignment.count({ where: { userId: guest.id, assignedByGroupId: null } })).toBe(1);
    expect(await consumed("POWER_BI_PRO")).toBe(before + 1);
    expect(await auditOf(t.db, ok)).toHaveLength(1);
    await assertCountersMatchRows(t.db, t.tenants.contoso);
  });

  // A refused atomic run carries its report whatever the first violation's status, 403 included.
  it("a refused atomic bulk run carries its report when the first violation is 403 GuestRequiresGlobalAdmin", async () => {
    const guest = await makeUser(t.db, t.tenants.contoso, { userType: "guest" });
    const member = await makeUser(t.db, t.tenants.contoso);
    const problem = await refused(
      () => post(bulkUrl(), { userIds: [guest.id, member.id], add: [{ skuId: sku.POWER_BI_PRO }] }, licenseAdmin),
      403,
      "GuestRequiresGlobalAdmin",
    );
    expect(problem.report).toMatchObject({ applied: false, summary: { users: 2, succeeded: 1, failed: 1 } });
  });

  it("a guest in a group a license admin licenses gets an inherited error, not a seat", async () => {
    const guest = await makeUser(t.db, t.tenants.contoso, { userType: "guest" });
    const group = await makeGroup(t.db, t.tenants.contoso, [guest.id]);
    const before = await consumed("POWER_BI_PRO");
    const response = await post(groupUrl(group.id), add(sku.POWER_BI_PRO as string), licenseAdmin);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().membersWithLicenseErrors).toMatchObject([
      { userId: guest.id, error: "GuestRequiresGlobalAdmin" },
    ]);
    expect(await consumed("POWER_BI_PRO")).toBe(before);
    await assertCountersMatchRows(t.db, t.tenants.contoso);
  });

  it("removing what is not held is 422 NotAssigned; adding what is held is 409 AlreadyAssigned", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const group = await makeGroup(t.db, t.tenants.contoso);
    for (const url of [userUrl(user.id), groupUrl(group.id)]) {
      await refused(
        () => post(url, { addLicenses: [], removeLicenses: [sku.POWER_BI_PRO] }),
        422,
        "NotAssigned",
        "body",
      );
      expect((await post(url, add(sku.POWER_BI_PRO as string))).statusCode).toBe(200);
      await refused(() => post(url, add(sku.POWER_BI_PRO as string)), 409, "AlreadyAssigned", "body");
    }
    await assertCountersMatchRows(t.db, t.tenants.contoso);
  });
});

describe("bulk size limits", () => {
  const randomIds = (n: number) => Array.from({ length: n }, () => randomUUID());

  it("0 users and 10,001 users are 400 with clear messages", async () => {
    const none = await refused(
      () => post(bulkUrl(), { userIds: [], add: [{ skuId: sku.POWER_BI_PRO }] }),
      400,
      "ValidationFailed",
      "body.userIds",
    );
    expect(none.errors?.[0]?.message).toMatch(/at least one user/);
    const tooMany = await refused(
      () => post(bulkUrl(), { userIds: randomIds(MAX_BULK_USERS + 1), add: [{ skuId: sku.POWER_BI_PRO }] }),
      400,
      "ValidationFailed",
      "body.userIds",
    );
    expect(tooMany.errors?.map((e) => e.message).join(" ")).toMatch(/10000|10,000/);
    expect(tooMany.errors ?? []).toHaveLength(1);
  });

  it("exactly 10,000 users pass validation: non-atomic answers 200 with a NotFound per unknown user", async () => {
    const real = await Promise.all([makeUser(t.db, t.tenants.contoso), makeUser(t.db, t.tenants.contoso)]);
    const userIds = [...randomIds(MAX_BULK_USERS - 2), ...real.map((u) => u.id)];
    const before = await consumed("EXCHANGESTANDARD");
    const response = await post(bulkUrl(), { userIds, add: [{ skuId: sku.EXCHANGESTANDARD }], atomic: false });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const report = bulkLicenseReportSchema.parse(response.json());
    expect(report).toMatchObject({
      applied: true,
      atomic: false,
      summary: { users: 10_000, succeeded: 2, failed: 9_998 },
    });
    expect(report.results).toHaveLength(10_000);
    const failures = report.results.filter((r) => !r.ok);
    expect(new Set(failures.flatMap((r) => r.violations?.map((v) => v.code)))).toEqual(new Set(["NotFound"]));
    expect(
      report.results
        .filter((r) => r.ok)
        .map((r) => r.userId)
        .sort(),
    ).toEqual(real.map((u) => u.id).sort());
    expect(await consumed("EXCHANGESTANDARD")).toBe(before + 2);
    expect(await auditOf(t.db, response)).toHaveLength(3); // two users changed + the run
    await assertCountersMatchRows(t.db, t.tenants.contoso);
  });

  it("exactly 10,000 users, atomic: one unknown user refuses all with 404 and the full report", async () => {
    const real = await makeUser(t.db, t.tenants.contoso);
    const userIds = [...randomIds(MAX_BULK_USERS - 1), real.id];
    const problem = await refused(
      () => post(bulkUrl(), { userIds, add: [{ skuId: sku.EXCHANGESTANDARD }] }),
      404,
      "NotFound",
      "body.userIds",
    );
    expect(problem.report).toMatchObject({ applied: false, summary: { users: 10_000, succeeded: 1, failed: 9_999 } });
    expect(problem.errors).toHaveLength(9_999);
    expect(problem.errors?.[0]).toMatchObject({ code: "NotFound" });
  });

  it("a dry run of 10,000 unknown users commits nothing", async () => {
    await refused(
      () => post(bulkUrl(), { userIds: randomIds(MAX_BULK_USERS), add: [{ skuId: sku.POWER_BI_PRO }], dryRun: true }),
      404,
      "NotFound",
    );
    const before = await fingerprint(t.db);
    const response = await post(bulkUrl(), {
      userIds: randomIds(MAX_BULK_USERS),
      add: [{ skuId: sku.POWER_BI_PRO }],
      dryRun: true,
      atomic: false,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ dryRun: true, summary: { succeeded: 0, failed: 10_000 } });
    expect(await fingerprint(t.db)).toEqual(before);
  });

  // A run that changes nobody writes no audit event.
  it("a non-atomic run in which every user fails changes nothing, the audit log included", async () => {
    const before = await fingerprint(t.db);
    const response = await post(bulkUrl(), {
      userIds: randomIds(3),
      add: [{ skuId: sku.POWER_BI_PRO }],
      atomic: false,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ summary: { succeeded: 0, failed: 3 } });
    expect(await fingerprint(t.db)).toEqual(before);
  });
});

describe("query strings", () => {
  // Unknown query parameters are refused, as on every other route: `?dryRun=true` must not run for real.
  it("POST licenses/bulk?dryRun=true is refused, not run for real", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    await refused(
      () => post(`${bulkUrl()}?dryRun=true`, { userIds: [user.id], add: [{ skuId: sku.POWER_BI_PRO }] }),
      400,
      "ValidationFailed",
    );
  });

  it("a stray query parameter is refused on every license route", async () => {
    const response = await send("GET", `${base}/subscribedSkus?foo=bar`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "ValidationFailed", errors: [{ path: "querystring.foo" }] });
  });
});

describe("transport: size, media type, JSON", () => {
  let user: MadeUser;
  let group: { id: string };
  beforeAll(async () => {
    user = await makeUser(t.db, t.tenants.contoso);
    group = await makeGroup(t.db, t.tenants.contoso, [user.id]);
  });
  const bodyRoutes = () =>
    [
      [userUrl(user.id), add(sku.POWER_BI_PRO as string)],
      [groupUrl(group.id), add(sku.POWER_BI_PRO as string)],
      [bulkUrl(), { userIds: [user.id], add: [{ skuId: sku.POWER_BI_PRO }] }],
      [`${base}/groups/${group.id}/reprocessLicenseAssignment`, {}],
    ] as const;

  it("bulk bodies over 1 MiB are 413 PayloadTooLarge; the other routes keep the app-wide 256 KiB", async () => {
    const ids = Array.from({ length: 30_000 }, () => randomUUID());
    const huge = JSON.stringify({ userIds: ids, add: [{ skuId: sku.POWER_BI_PRO }] });
    expect(huge.length).toBeGreaterThan(1024 * 1024);
    await refused(
      () => send("POST", bulkUrl(), { payload: huge, contentType: "application/json" }),
      413,
      "PayloadTooLarge",
    );
    const padded = JSON.stringify({ userIds: [user.id], add: [{ skuId: sku.POWER_BI_PRO }], pad: "x".repeat(1 << 20) });
    await refused(
      () => send("POST", bulkUrl(), { payload: padded, contentType: "application/json" }),
      413,
      "PayloadTooLarge",
    );
    // 600 KiB on bulk passes the size check (and is then refused for what it says).
    const medium = JSON.stringify({
      userIds: [user.id],
      add: [{ skuId: sku.POWER_BI_PRO }],
      pad: "x".repeat(600 * 1024),
    });
    await refused(
      () => send("POST", bulkUrl(), { payload: medium, contentType: "application/json" }),
      400,
      "ValidationFailed",
    );
    for (const url of [userUrl(user.id), groupUrl(group.id)]) {
      const big = JSON.stringify({ ...add(sku.POWER_BI_PRO as string), pad: "x".repeat(300 * 1024) });
      await refused(() => send("POST", url, { payload: big, contentType: "application/json" }), 413, "PayloadTooLarge");
    }
  });

  it("text/plain, forms, XML and multipart are 415 UnsupportedMediaType", async () => {
    for (const [url, body] of bodyRoutes()) {
      for (const type of [
        "text/plain",
        "text/plain;charset=UTF-8",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
      ]) {
        await refused(
          () => send("POST", url, { payload: JSON.stringify(body), contentType: type }),
          415,
          "UnsupportedMediaType",
          undefined,
          `${url} ${type}`,
        );
      }
    }
  });

  it("malformed JSON and prototype-poisoning keys are 400", async () => {
    for (const [url] of bodyRoutes()) {
      for (const raw of ['{"addLicenses": ', "{addLicenses: []}", '{"a":1,}', "{'a':1}", "\u0000", "nul"]) {
        await refused(
          () => send("POST", url, { payload: raw, contentType: "application/json" }),
          400,
          "MalformedJson",
          undefined,
          `${url} ${raw}`,
        );
      }
      for (const raw of ['{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"isAdmin":true}}}']) {
        const before = await fingerprint(t.db);
        const response = await send("POST", url, { payload: raw, contentType: "application/json" });
        expectWellFormed(response, raw);
        expect(response.statusCode).toBe(400);
        expect(await fingerprint(t.db)).toEqual(before);
      }
    }
  });
});
