import { randomUUID } from "node:crypto";
import type { User } from "@allot/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditOf, DAY_MS, makeGroup, makeUser, UUID } from "./fixtures.js";
import { as, createTestApp, login, problem, type Session, type TestApp, walkPages } from "./helpers.js";

interface Page {
  items: User[];
  nextCursor: string | null;
}

describe("users", () => {
  let t: TestApp;
  let admin: Session;
  let api: ReturnType<typeof as>;
  let base: string;

  const list = async (query: string): Promise<Page> => {
    const response = await api.get(`${base}/users?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Page;
  };

  const walk = (query: string, limit: number) => walkPages<User>(list, query, limit, 100);

  /** The tenant's live users in (displayName, id) order, straight from SQL. */
  const liveUsersInOrder = async (): Promise<Array<{ id: string; displayName: string; email: string }>> =>
    t.db.$queryRaw`SELECT id::text, "displayName", email FROM "User"
                    WHERE "tenantId" = ${t.tenants.contoso}::uuid AND "deletedAt" IS NULL
                    ORDER BY "displayName", id`;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.app, "admin@contoso.test");
    api = as(t.app, admin);
    base = `/api/tenants/${t.tenants.contoso}`;
  });
  afterAll(() => t.close());

  describe("list", () => {
    it("walks every page with limit 50: no duplicates, (displayName, id) order, all live users, deleted ones left out", async () => {
      // 60 namesakes guarantee that a page boundary falls inside a run of equal names (the keyset's tie-breaker).
      await Promise.all(
        Array.from({ length: 60 }, () => makeUser(t.db, t.tenants.contoso, { displayName: "Kim Namesake" })),
      );
      const deleted = await makeUser(t.db, t.tenants.contoso, { displayName: "Aaron Deleted", deletedAt: new Date() });

      const walked = await walk("", 50);
      const ids = walked.map((u) => u.id);
      expect(new Set(ids).size).toBe(ids.length);
      const expected = await liveUsersInOrder();
      expect(ids).toEqual(expected.map((u) => u.id));
      expect(walked.length).toBe(await t.db.user.count({ where: { tenantId: t.tenants.contoso, deletedAt: null } }));
      expect(walked.length).toBeGreaterThan(250);
      expect(ids).not.toContain(deleted.id);
      expect(walked.every((u) => u.tenantId === t.tenants.contoso && u.deletedAt === null)).toBe(true);
    });

    it("defaults to 50 per page and honours limits 1 and 200", async () => {
      expect((await list("")).items).toHaveLength(50);
      const one = await list("limit=1");
      expect(one.items).toHaveLength(1);
      expect(one.nextCursor).not.toBeNull();
      const first = (await liveUsersInOrder())[0];
      expect(one.items[0]?.id).toBe(first?.id);
      expect((await list("limit=200")).items).toHaveLength(200);
    });

    it("searches a substring of the name, case-insensitively", async () => {
      const all = await liveUsersInOrder();
      const expected = all.filter((u) => u.displayName.toLowerCase().includes("hollow") || u.email.includes("hollow"));
      expect(expected.length).toBeGreaterThan(1);
      for (const search of ["hollow", "HOLLOW", "HoLlOw", "  hollow  "]) {
        const found = await walk(`search=${encodeURIComponent(search)}`, 200);
        expect(found.map((u) => u.id)).toEqual(expected.map((u) => u.id));
      }
      expect(expected.map((u) => u.displayName)).toContain("Lidia Holloway (User admin)");
    });

    it("searches a substring of the email, case-insensitively", async () => {
      const all = await liveUsersInOrder();
      const guests = all.filter((u) => u.email.endsWith("@litware.test"));
      expect(guests).toHaveLength(13);
      const found = await walk("search=LITWARE.Test", 200);
      expect(found.map((u) => u.id)).toEqual(guests.map((u) => u.id));
      const one = await list("search=helpdesk%40contoso");
      expect(one.items.map((u) => u.email)).toEqual(["helpdesk@contoso.test"]);
    });

    it("treats % and _ in a search as plain characters, not wildcards", async () => {
      const percent = await list("search=%25");
      expect(percent.items).toEqual([]);
      const underscore = await list("search=_");
      expect(underscore.items).toEqual([]);
      const odd = await makeUser(t.db, t.tenants.contoso, { displayName: "Odd 100%_name" });
      expect((await list("search=0%25_n")).items.map((u) => u.id)).toEqual([odd.id]);
    });

    it("type=guest lists exactly the guests; type=member none of them", async () => {
      const guests = await walk("type=guest", 200);
      expect(guests).toHaveLength(13);
      expect(guests.every((u) => u.userType === "guest")).toBe(true);
      const members = await walk("type=member", 200);
      expect(members.every((u) => u.userType === "member")).toBe(true);
      expect(members.length + guests.length).toBe(
        await t.db.user.count({ where: { tenantId: t.tenants.contoso, deletedAt: null } }),
      );
    });

    it("role= lists the holders of a role; role=member the users without any", async () => {
      const licenseAdmins = await walk("role=licenseAdmin", 200);
      expect(licenseAdmins.map((u) => u.email)).toEqual(["licenses@contoso.test"]);
      expect(licenseAdmins[0]?.roles).toEqual(["licenseAdmin"]);
      const globalAdmins = await walk("role=globalAdmin", 200);
      expect(globalAdmins.map((u) => u.email)).toEqual(["admin@contoso.test"]);
      const members = await walk("role=member", 200);
      expect(members.every((u) => u.roles.length === 0)).toBe(true);
      expect(members.map((u) => u.email)).toContain("maker@contoso.test");
      expect(members.map((u) => u.email)).not.toContain("admin@contoso.test");
      const powerPlatformAdmins = await walk("role=powerPlatformAdmin", 200);
      expect(powerPlatformAdmins.map((u) => u.email)).toEqual(["powerplatform@contoso.test"]);
      // Seven admins: the six demo staff admins and Contoso's Power Platform admin.
      expect(members.length + 7).toBe(
        await t.db.user.count({ where: { tenantId: t.tenants.contoso, deletedAt: null } }),
      );
    });

    it("licensed=false lists exactly the users without a license, licensed=true the others", async () => {
      const unlicensed = await walk("licensed=false", 200);
      const expectedUnlicensed = await t.db.user.count({
        where: { tenantId: t.tenants.contoso, deletedAt: null, licenseAssignments: { none: {} } },
      });
      expect(unlicensed).toHaveLength(expectedUnlicensed);
      expect(unlicensed.every((u) => u.licenseCount === 0)).toBe(true);
      const licensed = await walk("licensed=true", 200);
      expect(licensed.length).toBeGreaterThan(100);
      expect(licensed.every((u) => u.licenseCount > 0)).toBe(true);
      // Combined with other filters: every guest is unlicensed.
      expect(await walk("licensed=true&type=guest", 200)).toEqual([]);
    });

    it("deleted=true lists the users deleted in the last 30 days, and only them", async () => {
      const now = t.clock.now().getTime();
      const recent = await makeUser(t.db, t.tenants.contoso, { deletedAt: new Date(now - 29 * DAY_MS) });
      const old = await makeUser(t.db, t.tenants.contoso, { deletedAt: new Date(now - 31 * DAY_MS) });
      const deleted = await walk("deleted=true", 200);
      const ids = deleted.map((u) => u.id);
      expect(ids).toContain(recent.id);
      expect(ids).not.toContain(old.id);
      expect(deleted.every((u) => u.deletedAt !== null)).toBe(true);
      expect(deleted.length).toBe(
        await t.db.user.count({
          where: { tenantId: t.tenants.contoso, deletedAt: { gte: new Date(now - 30 * DAY_MS) } },
        }),
      );
      expect((await walk("deleted=false", 200)).every((u) => u.deletedAt === null)).toBe(true);
    });
  });

  describe("create", () => {
    it("creates a user (201): UUID id, normalised fields, a working temporary password, an audit event", async () => {
      const response = await api.post(`${base}/users`, {
        displayName: "  Nora Newcomer  ",
        email: "Nora.Newcomer@Contoso.TEST",
        usageLocation: "nl",
      });
      expect(response.statusCode, response.body).toBe(201);
      const created = response.json();
      expect(created.id).toMatch(UUID);
      expect(created).toMatchObject({
        tenantId: t.tenants.contoso,
        displayName: "Nora Newcomer",
        email: "nora.newcomer@contoso.test",
        usageLocation: "NL",
        userType: "member",
        accountEnabled: true,
        roles: [],
        licenseCount: 0,
        deletedAt: null,
        lastSignInAt: null,
      });
      expect(created.temporaryPassword).toMatch(/^[A-HJ-NP-Za-km-z2-9]{16}$/);
      const { temporaryPassword, ...user } = created;
      const read = await api.get(`${base}/users/${created.id}`);
      expect(read.json()).toEqual(user);

      const audit = await auditOf(t.db, response);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        tenantId: t.tenants.contoso,
        actorUserId: admin.me.user.id,
        action: "user.created",
        targetType: "user",
        targetId: created.id,
        after: expect.objectContaining({ email: "nora.newcomer@contoso.test" }),
      });
      expect(JSON.stringify(audit[0])).not.toContain(temporaryPassword);
      expect(JSON.stringify(audit[0])).not.toContain("argon2");

      const session = await login(t.app, "nora.newcomer@contoso.test", temporaryPassword);
      expect(session.me.user.id).toBe(created.id);
      expect(session.me.tenants).toEqual([expect.objectContaining({ id: t.tenants.contoso, roles: ["member"] })]);
    });

    it("uses a chosen password (no temporary one returned), creates guests and blocked accounts", async () => {
      const chosen = await api.post(`${base}/users`, {
        displayName: "Chosen Password",
        email: "chosen.password@contoso.test",
        usageLocation: null,
        password: "Chosen-password-1",
      });
      expect(chosen.statusCode).toBe(201);
      expect(chosen.json()).toMatchObject({ temporaryPassword: null, usageLocation: null });
      expect((await login(t.app, "chosen.password@contoso.test", "Chosen-password-1")).me.user.id).toBe(
        chosen.json().id,
      );

      const guest = await api.post(`${base}/users`, {
        displayName: "Visiting Guest",
        email: "visitor@adatum.test",
        usageLocation: null,
        userType: "guest",
      });
      expect(guest.statusCode).toBe(201);
      expect(guest.json().userType).toBe("guest");

      const blocked = await api.post(`${base}/users`, {
        displayName: "Blocked From Start",
        email: "blocked.start@contoso.test",
        usageLocation: "DE",
        accountEnabled: false,
        password: "Blocked-password-1",
      });
      expect(blocked.statusCode).toBe(201);
      expect(blocked.json().accountEnabled).toBe(false);
      const attempt = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: "blocked.start@contoso.test", password: "Blocked-password-1" },
      });
      expect(problem(attempt).code).toBe("InvalidCredentials");
    });

    it("refuses a taken email with 409 EmailTaken, whatever its case, in any tenant, even a deleted user's", async () => {
      const first = await api.post(`${base}/users`, {
        displayName: "Dup One",
        email: "dup.user@contoso.test",
        usageLocation: "US",
      });
      expect(first.statusCode).toBe(201);
      const deleted = await makeUser(t.db, t.tenants.contoso, { deletedAt: new Date() });
      const before = await t.db.user.count();
      const auditBefore = await t.db.auditEvent.count();
      for (const email of [
        "dup.user@contoso.test",
        "DUP.User@Contoso.Test",
        " dup.user@contoso.test ",
        "admin@fabrikam.test",
        deleted.email,
      ]) {
        const response = await api.post(`${base}/users`, { displayName: "Dup Two", email, usageLocation: "US" });
        expect(response.statusCode, email).toBe(409);
        const body = problem(response);
        expect(body.code).toBe("EmailTaken");
        expect(body.errors).toEqual([{ path: "body.email", message: expect.any(String) }]);
      }
      expect(await t.db.user.count()).toBe(before);
      expect(await t.db.auditEvent.count()).toBe(auditBefore);
    });
  });

  describe("edit", () => {
    it("changes name and usage location, answers the new user and audits before/after", async () => {
      const user = await makeUser(t.db, t.tenants.contoso, { displayName: "Before Edit", usageLocation: "US" });
      const response = await api.patch(`${base}/users/${user.id}`, { displayName: "After Edit", usageLocation: "be" });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        id: user.id,
        displayName: "After Edit",
        usageLocation: "BE",
        accountEnabled: true,
      });
      expect((await api.get(`${base}/users/${user.id}`)).json()).toEqual(response.json());
      const [event] = await auditOf(t.db, response);
      expect(event).toMatchObject({
        action: "user.updated",
        targetId: user.id,
        before: { displayName: "Before Edit", usageLocation: "US", accountEnabled: true },
        after: { displayName: "After Edit", usageLocation: "BE", accountEnabled: true },
      });
      const cleared = await api.patch(`${base}/users/${user.id}`, { usageLocation: null });
      expect(cleared.json()).toMatchObject({ displayName: "After Edit", usageLocation: null });
    });

    it("blocks sign-in (accountEnabled false) and shows it in the list", async () => {
      const user = await makeUser(t.db, t.tenants.contoso, {
        displayName: "Zyx Blockable",
        password: "Blockable-pw-1",
      });
      const session = await login(t.app, user.email, "Blockable-pw-1");
      const response = await api.patch(`${base}/users/${user.id}`, { accountEnabled: false });
      expect(response.statusCode).toBe(200);
      expect((await auditOf(t.db, response))[0]).toMatchObject({
        before: { accountEnabled: true },
        after: { accountEnabled: false },
      });
      const found = await list("search=Zyx%20Blockable");
      expect(found.items.map((u) => [u.id, u.accountEnabled])).toEqual([[user.id, false]]);
      expect(problem(await as(t.app, session).get("/api/me")).code).toBe("Unauthenticated");
    });

    it("answers 404 for an unknown user and 409 UserDeleted for a deleted one, changing nothing", async () => {
      const unknown = await api.patch(`${base}/users/${randomUUID()}`, { displayName: "Ghost" });
      expect(unknown.statusCode).toBe(404);
      expect(problem(unknown).code).toBe("NotFound");
      const deleted = await makeUser(t.db, t.tenants.contoso, { deletedAt: new Date(), displayName: "Deleted Person" });
      const response = await api.patch(`${base}/users/${deleted.id}`, { displayName: "Zombie" });
      expect(response.statusCode).toBe(409);
      expect(problem(response).code).toBe("UserDeleted");
      expect((await t.db.user.findUniqueOrThrow({ where: { id: deleted.id } })).displayName).toBe("Deleted Person");
      expect(await auditOf(t.db, response)).toEqual([]);
    });
  });

  describe("delete and restore", () => {
    /** A non-admin seeded user holding the given products directly (and nothing else). */
    async function holderOf(skus: string[]): Promise<{ id: string; productIds: string[] }> {
      const products = await t.db.product.findMany({ where: { skuPartNumber: { in: skus } }, select: { id: true } });
      const wanted = products.map((p) => p.id).sort();
      const candidates = await t.db.user.findMany({
        where: {
          tenantId: t.tenants.contoso,
          deletedAt: null,
          roleAssignments: { none: {} },
          email: { not: "maker@contoso.test" },
        },
        select: { id: true, licenseAssignments: { select: { productId: true, assignedByGroupId: true } } },
        orderBy: { createdAt: "asc" },
      });
      const user = candidates.find((c) => {
        const held = c.licenseAssignments.map((l) => l.productId).sort();
        return (
          JSON.stringify(held) === JSON.stringify(wanted) &&
          c.licenseAssignments.every((l) => l.assignedByGroupId === null)
        );
      });
      if (!user) throw new Error(`no seeded user holds exactly ${skus.join(", ")}`);
      return { id: user.id, productIds: wanted };
    }

    const consumed = async (productIds: string[]) =>
      Object.fromEntries(
        (
          await t.db.tenantProduct.findMany({ where: { tenantId: t.tenants.contoso, productId: { in: productIds } } })
        ).map((r) => [r.productId, r.consumedUnits]),
      );

    const allConsumed = async () =>
      Object.fromEntries(
        (await t.db.tenantProduct.findMany({ where: { tenantId: t.tenants.contoso } })).map((r) => [
          r.productId,
          r.consumedUnits,
        ]),
      );

    it("deleting frees the user's licenses (consumedUnits -1 each, assignments gone); restoring gives them back", async () => {
      const holder = await holderOf(["SPE_E3", "POWER_BI_PRO"]);
      const everything = await allConsumed();
      const before = await consumed(holder.productIds);

      const removed = await api.delete(`${base}/users/${holder.id}`);
      expect(removed.statusCode).toBe(204);
      expect(removed.body).toBe("");
      expect(await t.db.licenseAssignment.count({ where: { userId: holder.id } })).toBe(0);
      const afterDelete = await allConsumed();
      for (const [productId, units] of Object.entries(everything)) {
        expect(afterDelete[productId], productId).toBe(holder.productIds.includes(productId) ? units - 1 : units);
      }
      const [event] = await auditOf(t.db, removed);
      expect(event).toMatchObject({ action: "user.deleted", targetId: holder.id, actorUserId: admin.me.user.id });
      expect((event?.before as { licenses?: unknown[] } | undefined)?.licenses).toHaveLength(2);

      const read = (await api.get(`${base}/users/${holder.id}`)).json();
      expect(read.deletedAt).not.toBeNull();
      expect(read.licenseCount).toBe(0);
      expect((await walk("deleted=true", 200)).map((u) => u.id)).toContain(holder.id);
      expect((await walk("", 200)).map((u) => u.id)).not.toContain(holder.id);

      const restored = await api.post(`${base}/users/${holder.id}/restore`);
      expect(restored.statusCode, restored.body).toBe(200);
      expect(restored.json()).toMatchObject({
        id: holder.id,
        deletedAt: null,
        licenseCount: 2,
        licensesNotRestored: [],
      });
      expect(await consumed(holder.productIds)).toEqual(before);
      expect(await allConsumed()).toEqual(everything);
      const back = await t.db.licenseAssignment.findMany({ where: { userId: holder.id }, select: { productId: true } });
      expect(back.map((l) => l.productId).sort()).toEqual(holder.productIds);
      expect((await auditOf(t.db, restored, "user.restored"))[0]).toMatchObject({
        action: "user.restored",
        targetId: holder.id,
      });
      expect((await walk("", 200)).map((u) => u.id)).toContain(holder.id);

      const again = await api.post(`${base}/users/${holder.id}/restore`);
      expect(again.statusCode).toBe(409);
      expect(problem(again).code).toBe("UserNotDeleted");
    });

    it("restoring when a product's seats are gone brings back the others and reports it as CountViolation", async () => {
      const holder = await holderOf(["SPE_E3", "POWER_BI_PRO"]);
      const [e3, powerBi] = await Promise.all(
        ["SPE_E3", "POWER_BI_PRO"].map((sku) => t.db.product.findUniqueOrThrow({ where: { skuPartNumber: sku } })),
      );
      expect((await api.delete(`${base}/users/${holder.id}`)).statusCode).toBe(204);
      // Meanwhile every E3 seat went to someone else.
      const seats = await t.db.subscription.aggregate({
        where: { tenantId: t.tenants.contoso, productId: e3?.id, state: "active" },
        _sum: { seats: true },
      });
      await t.db.tenantProduct.update({
        where: { tenantId_productId: { tenantId: t.tenants.contoso, productId: e3?.id as string } },
        data: { consumedUnits: seats._sum.seats as number },
      });
      const powerBiBefore = (await consumed([powerBi?.id as string]))[powerBi?.id as string] as number;

      const restored = await api.post(`${base}/users/${holder.id}/restore`);
      expect(restored.statusCode, restored.body).toBe(200);
      expect(restored.json()).toMatchObject({
        deletedAt: null,
        licenseCount: 1,
        licensesNotRestored: [{ productId: e3?.id, skuPartNumber: "SPE_E3", code: "CountViolation" }],
      });
      const after = await consumed([e3?.id as string, powerBi?.id as string]);
      expect(after[e3?.id as string]).toBe(seats._sum.seats);
      expect(after[powerBi?.id as string]).toBe(powerBiBefore + 1);
      const held = await t.db.licenseAssignment.findMany({ where: { userId: holder.id } });
      expect(held.map((l) => l.productId)).toEqual([powerBi?.id]);
    });

    it("a user deleted more than 30 days ago cannot be restored (410 RestoreWindowExpired)", async () => {
      const now = t.clock.now().getTime();
      const user = await makeUser(t.db, t.tenants.contoso, { deletedAt: new Date(now) });
      await t.db.user.update({
        where: { id: user.id },
        data: { deletedAt: new Date(now - 30 * DAY_MS - 60_000) },
      });
      const response = await api.post(`${base}/users/${user.id}/restore`);
      expect(response.statusCode).toBe(410);
      expect(problem(response).code).toBe("RestoreWindowExpired");
      expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).deletedAt).not.toBeNull();
      expect(await auditOf(t.db, response)).toEqual([]);

      const justInside = await makeUser(t.db, t.tenants.contoso, { deletedAt: new Date(now - 29 * DAY_MS) });
      expect((await api.post(`${base}/users/${justInside.id}/restore`)).statusCode).toBe(200);
    });

    it("the 30 days are the app clock's: moving it moves the Deleted list and the restore deadline", async () => {
      const start = t.clock.now();
      try {
        const user = await makeUser(t.db, t.tenants.contoso);
        expect((await api.delete(`${base}/users/${user.id}`)).statusCode).toBe(204);
        const { deletedAt } = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
        expect(deletedAt?.toISOString()).toBe(start.toISOString());
        const listedAsDeleted = async () => (await walk("deleted=true", 200)).some((u) => u.id === user.id);

        t.clock.advanceDays(30);
        expect(await listedAsDeleted()).toBe(true);
        t.clock.advanceDays(1);
        expect(await listedAsDeleted()).toBe(false);
        const late = await api.post(`${base}/users/${user.id}/restore`);
        expect(late.statusCode).toBe(410);
        expect(problem(late).code).toBe("RestoreWindowExpired");

        // Back to day 29 of the window: listed and restorable again (nothing was purged).
        t.clock.advanceDays(-2);
        expect(await listedAsDeleted()).toBe(true);
        const restored = await api.post(`${base}/users/${user.id}/restore`);
        expect(restored.statusCode, restored.body).toBe(200);
        expect(restored.json()).toMatchObject({ id: user.id, deletedAt: null });
      } finally {
        t.clock.set(start);
      }
    });

    it("deleting twice answers 409 UserDeleted and frees nothing more; unknown ids 404", async () => {
      const holder = await holderOf(["SPE_E3", "POWER_BI_PRO"]);
      expect((await api.delete(`${base}/users/${holder.id}`)).statusCode).toBe(204);
      const after = await allConsumed();
      const again = await api.delete(`${base}/users/${holder.id}`);
      expect(again.statusCode).toBe(409);
      expect(problem(again).code).toBe("UserDeleted");
      expect(await allConsumed()).toEqual(after);
      const unknown = await api.delete(`${base}/users/${randomUUID()}`);
      expect(unknown.statusCode).toBe(404);
      expect(problem(unknown).code).toBe("NotFound");
    });

    it("two simultaneous deletes of one user free its licenses once", async () => {
      const holder = await holderOf(["SPE_E3", "POWER_BI_PRO"]);
      const before = await allConsumed();
      const answers = await Promise.all([
        api.delete(`${base}/users/${holder.id}`),
        api.delete(`${base}/users/${holder.id}`),
      ]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([204, 409]);
      const after = await allConsumed();
      for (const productId of holder.productIds) expect(after[productId]).toBe((before[productId] as number) - 1);
      expect(await t.db.auditEvent.count({ where: { action: "user.deleted", targetId: holder.id } })).toBe(1);
    });

    it("two simultaneous restores of one user take its seats once", async () => {
      const holder = await holderOf(["SPE_E3", "POWER_BI_PRO"]);
      expect((await api.delete(`${base}/users/${holder.id}`)).statusCode).toBe(204);
      const before = await allConsumed();
      const answers = await Promise.all([
        api.post(`${base}/users/${holder.id}/restore`),
        api.post(`${base}/users/${holder.id}/restore`),
      ]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
      const after = await allConsumed();
      for (const productId of holder.productIds) expect(after[productId]).toBe((before[productId] as number) + 1);
      expect(await t.db.licenseAssignment.count({ where: { userId: holder.id } })).toBe(2);
    });
  });

  describe("memberOf", () => {
    it("lists the user's groups by name", async () => {
      const user = await makeUser(t.db, t.tenants.contoso);
      const zeta = await t.db.group.create({
        data: { tenantId: t.tenants.contoso, displayName: "Zeta team", description: "Last" },
      });
      const alpha = await t.db.group.create({ data: { tenantId: t.tenants.contoso, displayName: "Alpha team" } });
      await makeGroup(t.db, t.tenants.contoso); // one the user is not in
      await t.db.groupMember.createMany({
        data: [zeta, alpha].map((g) => ({ tenantId: t.tenants.contoso, groupId: g.id, userId: user.id })),
      });
      const response = await api.get(`${base}/users/${user.id}/memberOf`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        items: [
          { id: alpha.id, displayName: "Alpha team", description: null },
          { id: zeta.id, displayName: "Zeta team", description: "Last" },
        ],
      });
    });

    it("matches the seeded memberships of a staff member", async () => {
      const seeded = await t.db.user.findFirstOrThrow({
        where: { tenantId: t.tenants.contoso, groupMemberships: { some: { group: { displayName: "Sales" } } } },
        include: { groupMemberships: { include: { group: true } } },
      });
      const response = await api.get(`${base}/users/${seeded.id}/memberOf`);
      const names = response.json().items.map((g: { displayName: string }) => g.displayName);
      expect(names).toEqual(seeded.groupMemberships.map((m) => m.group.displayName).sort());
      expect(names).toContain("All Contoso staff");
    });

    it("a user in no group gets an empty list; an unknown user 404", async () => {
      const user = await makeUser(t.db, t.tenants.contoso);
      expect((await api.get(`${base}/users/${user.id}/memberOf`)).json()).toEqual({ items: [] });
      const unknown = await api.get(`${base}/users/${randomUUID()}/memberOf`);
      expect(unknown.statusCode).toBe(404);
      expect(problem(unknown).code).toBe("NotFound");
    });
  });

  describe("audit log", () => {
    it("pages through every event of the tenant, newest first, without duplicates", async () => {
      const total = await t.db.auditEvent.count({ where: { tenantId: t.tenants.contoso } });
      expect(total).toBeGreaterThan(20);
      const seen: Array<{ id: string; createdAt: string; tenantId: string }> = [];
      let cursor: string | null = null;
      do {
        const response = await api.get(`${base}/auditLog?limit=7${cursor ? `&cursor=${cursor}` : ""}`);
        expect(response.statusCode).toBe(200);
        const page = response.json() as { items: typeof seen; nextCursor: string | null };
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      // Events written after the count (our own sign-in is not among them) could only add, never duplicate.
      expect(seen.length).toBeGreaterThanOrEqual(total);
      expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
      expect(seen.every((e) => e.tenantId === t.tenants.contoso)).toBe(true);
      const times = seen.map((e) => Date.parse(e.createdAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it("names the actor and carries before/after", async () => {
      const user = await makeUser(t.db, t.tenants.contoso, { displayName: "Audited Person" });
      const response = await api.patch(`${base}/users/${user.id}`, { displayName: "Audited Person 2" });
      const [newest] = (await api.get(`${base}/auditLog?limit=1`)).json().items;
      expect(newest).toMatchObject({
        action: "user.updated",
        actorUserId: admin.me.user.id,
        actorDisplayName: "Megan Bowen (Global admin)",
        targetId: user.id,
        requestId: response.headers["x-request-id"],
        before: expect.objectContaining({ displayName: "Audited Person" }),
        after: expect.objectContaining({ displayName: "Audited Person 2" }),
      });
    });
  });

  describe("audit trail is part of the change", () => {
    // A trigger makes every audit insert fail: if the audit event shares the mutation's transaction, the mutation
    // must be rolled back with it.
    beforeAll(async () => {
      await t.db.$executeRawUnsafe(`
        CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit refused by test'; END $$`);
      await t.db.$executeRawUnsafe(
        `CREATE TRIGGER test_refuse_audit BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()`,
      );
    });
    afterAll(async () => {
      await t.db.$executeRawUnsafe(`DROP TRIGGER test_refuse_audit ON "AuditEvent"`);
      await t.db.$executeRawUnsafe("DROP FUNCTION test_refuse_audit()");
    });

    const fails = (response: { statusCode: number }) => expect(response.statusCode).toBe(500);

    it("user create, edit, delete, restore and password reset leave no trace when the audit write fails", async () => {
      const email = "never.created@contoso.test";
      fails(await api.post(`${base}/users`, { displayName: "Never Created", email, usageLocation: "NL" }));
      expect(await t.db.user.count({ where: { email } })).toBe(0);

      const user = await makeUser(t.db, t.tenants.contoso, { displayName: "Unchanged", password: "Unchanged-pw-1" });
      fails(await api.patch(`${base}/users/${user.id}`, { displayName: "Changed", accountEnabled: false }));
      fails(await api.post(`${base}/users/${user.id}/resetPassword`, { password: "Another-pw-123" }));
      const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(row).toMatchObject({ displayName: "Unchanged", accountEnabled: true, deletedAt: null });

      const holder = await t.db.user.findFirstOrThrow({
        where: {
          tenantId: t.tenants.contoso,
          deletedAt: null,
          roleAssignments: { none: {} },
          licenseAssignments: { some: {} },
        },
        include: { licenseAssignments: true },
      });
      const seats = await t.db.tenantProduct.findMany({
        where: { tenantId: t.tenants.contoso },
        orderBy: { productId: "asc" },
      });
      fails(await api.delete(`${base}/users/${holder.id}`));
      expect(await t.db.user.findUniqueOrThrow({ where: { id: holder.id } })).toMatchObject({ deletedAt: null });
      expect(await t.db.licenseAssignment.count({ where: { userId: holder.id } })).toBe(
        holder.licenseAssignments.length,
      );
      expect(
        await t.db.tenantProduct.findMany({ where: { tenantId: t.tenants.contoso }, orderBy: { productId: "asc" } }),
      ).toEqual(seats);

      const deleted = await makeUser(t.db, t.tenants.contoso, { deletedAt: new Date() });
      fails(await api.post(`${base}/users/${deleted.id}/restore`));
      expect((await t.db.user.findUniqueOrThrow({ where: { id: deleted.id } })).deletedAt).not.toBeNull();
    });

    it("group create, edit, delete and membership changes leave no trace when the audit write fails", async () => {
      const groupsBefore = await t.db.group.count();
      fails(await api.post(`${base}/groups`, { displayName: "Never Created Group" }));
      expect(await t.db.group.count()).toBe(groupsBefore);

      const member = await makeUser(t.db, t.tenants.contoso);
      const outsider = await makeUser(t.db, t.tenants.contoso);
      const group = await makeGroup(t.db, t.tenants.contoso, [member.id]);
      fails(await api.patch(`${base}/groups/${group.id}`, { displayName: "Renamed Group" }));
      fails(await api.post(`${base}/groups/${group.id}/members`, { userIds: [outsider.id] }));
      fails(await api.delete(`${base}/groups/${group.id}/members/${member.id}`));
      fails(await api.delete(`${base}/groups/${group.id}`));
      const row = await t.db.group.findUniqueOrThrow({ where: { id: group.id }, include: { members: true } });
      expect(row.displayName).toBe(group.displayName);
      expect(row.members.map((m) => m.userId)).toEqual([member.id]);
    });

    it("the 500 answer is problem+json and leaks no internals", async () => {
      const user = await makeUser(t.db, t.tenants.contoso);
      const response = await api.patch(`${base}/users/${user.id}`, { displayName: "Leak?" });
      expect(problem(response).code).toBe("InternalError");
      expect(response.body).not.toMatch(/audit refused|prisma|AuditEvent|stack/i);
      expect(response.json().requestId).toBe(response.headers["x-request-id"]);
    });
  });
});
