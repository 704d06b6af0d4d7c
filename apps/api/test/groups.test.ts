import { randomUUID } from "node:crypto";
import type { Group, User } from "@allot/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditOf, makeGroup, makeUser, UUID } from "./fixtures.js";
import { as, createTestApp, login, problem, type Session, type TestApp } from "./helpers.js";

describe("groups", () => {
  let t: TestApp;
  let admin: Session;
  let api: ReturnType<typeof as>;
  let base: string;

  const members = async (groupId: string): Promise<string[]> => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await api.get(`${base}/groups/${groupId}/members?limit=50${cursor ? `&cursor=${cursor}` : ""}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as { items: User[]; nextCursor: string | null };
      ids.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  };

  const memberRows = async (groupId: string) =>
    (await t.db.groupMember.findMany({ where: { groupId }, select: { userId: true } })).map((m) => m.userId).sort();

  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.app, "admin@contoso.test");
    api = as(t.app, admin);
    base = `/api/tenants/${t.tenants.contoso}`;
  });
  afterAll(() => t.close());

  describe("CRUD", () => {
    it("lists the seeded groups by name with member counts", async () => {
      const response = await api.get(`${base}/groups`);
      expect(response.statusCode).toBe(200);
      const page = response.json() as { items: Group[]; nextCursor: string | null };
      const names = page.items.map((g) => g.displayName);
      for (const seeded of ["All Contoso staff", "Sales", "Finance", "Power BI users", "Helpdesk"])
        expect(names).toContain(seeded);
      expect(names).toEqual([...names].sort());
      const counts = Object.fromEntries(page.items.map((g) => [g.displayName, g.memberCount]));
      expect(counts).toMatchObject({ Sales: 30, Finance: 15, "Power BI users": 20, Helpdesk: 5 });
      const search = await api.get(`${base}/groups?search=power%20BI`);
      expect(search.json().items.map((g: Group) => g.displayName)).toEqual(["Power BI users"]);
      expect((await api.get(`${base}/groups?search=%25`)).json().items).toEqual([]);
    });

    it("pages groups with a cursor, without duplicates", async () => {
      for (let i = 0; i < 6; i++) await makeGroup(t.db, t.tenants.contoso);
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Group[]; nextCursor: string | null } = (
          await api.get(`${base}/groups?limit=2${cursor ? `&cursor=${cursor}` : ""}`)
        ).json();
        expect(page.items.length).toBeLessThanOrEqual(2);
        ids.push(...page.items.map((g: Group) => g.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(await t.db.group.count({ where: { tenantId: t.tenants.contoso } }));
    });

    it("creates (201), reads, renames, describes and deletes a group, auditing each change", async () => {
      const created = await api.post(`${base}/groups`, {
        displayName: "  Project Falcon ",
        description: "Secret project",
      });
      expect(created.statusCode, created.body).toBe(201);
      const group = created.json() as Group;
      expect(group.id).toMatch(UUID);
      expect(group).toMatchObject({
        tenantId: t.tenants.contoso,
        displayName: "Project Falcon",
        description: "Secret project",
        memberCount: 0,
      });
      expect((await auditOf(t.db, created))[0]).toMatchObject({
        action: "group.created",
        targetId: group.id,
        actorUserId: admin.me.user.id,
      });

      const read = await api.get(`${base}/groups/${group.id}`);
      expect(read.json()).toEqual(group);

      const renamed = await api.patch(`${base}/groups/${group.id}`, { displayName: "Project Hawk" });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json()).toMatchObject({
        id: group.id,
        displayName: "Project Hawk",
        description: "Secret project",
      });
      expect((await auditOf(t.db, renamed))[0]).toMatchObject({
        action: "group.updated",
        before: { displayName: "Project Falcon", description: "Secret project" },
        after: { displayName: "Project Hawk" },
      });
      const undescribed = await api.patch(`${base}/groups/${group.id}`, { description: null });
      expect(undescribed.json()).toMatchObject({ displayName: "Project Hawk", description: null });

      const user = await makeUser(t.db, t.tenants.contoso);
      expect((await api.post(`${base}/groups/${group.id}/members`, { userIds: [user.id] })).statusCode).toBe(204);
      const removed = await api.delete(`${base}/groups/${group.id}`);
      expect(removed.statusCode).toBe(204);
      expect((await auditOf(t.db, removed))[0]).toMatchObject({
        action: "group.deleted",
        targetId: group.id,
        before: { displayName: "Project Hawk", memberCount: 1 },
      });
      expect(await t.db.groupMember.count({ where: { groupId: group.id } })).toBe(0);
      expect(await t.db.user.count({ where: { id: user.id, deletedAt: null } })).toBe(1);
      for (const response of [
        await api.get(`${base}/groups/${group.id}`),
        await api.delete(`${base}/groups/${group.id}`),
        await api.patch(`${base}/groups/${group.id}`, { displayName: "Back" }),
      ]) {
        expect(response.statusCode).toBe(404);
        expect(problem(response).code).toBe("NotFound");
      }
    });

    it("refuses a duplicate name with 409 GroupNameTaken on create and on rename, changing nothing", async () => {
      const auditBefore = await t.db.auditEvent.count();
      const groupsBefore = await t.db.group.count();
      for (const displayName of ["Sales", "  Finance  "]) {
        const response = await api.post(`${base}/groups`, { displayName });
        expect(response.statusCode).toBe(409);
        const body = problem(response);
        expect(body.code).toBe("GroupNameTaken");
        expect(body.errors).toEqual([{ path: "body.displayName", message: expect.any(String) }]);
      }
      const other = await makeGroup(t.db, t.tenants.contoso);
      const rename = await api.patch(`${base}/groups/${other.id}`, { displayName: "Helpdesk" });
      expect(rename.statusCode).toBe(409);
      expect(problem(rename).code).toBe("GroupNameTaken");
      expect((await t.db.group.findUniqueOrThrow({ where: { id: other.id } })).displayName).toBe(other.displayName);
      expect(await t.db.group.count()).toBe(groupsBefore + 1);
      expect(await t.db.auditEvent.count()).toBe(auditBefore);
    });

    it("allows the same name in another tenant, and renaming a group to its own name", async () => {
      const fabrikamSales = await t.db.group.count({ where: { tenantId: t.tenants.fabrikam, displayName: "Sales" } });
      expect(fabrikamSales).toBe(1);
      const group = await makeGroup(t.db, t.tenants.contoso);
      const same = await api.patch(`${base}/groups/${group.id}`, {
        displayName: group.displayName,
        description: "Same name",
      });
      expect(same.statusCode).toBe(200);
    });
  });

  describe("members", () => {
    it("adds (204), lists, and removes (204) members, keeping memberCount and memberOf in step", async () => {
      const group = await makeGroup(t.db, t.tenants.contoso);
      const [a, b, c] = await Promise.all([1, 2, 3].map(() => makeUser(t.db, t.tenants.contoso)));
      const add = await api.post(`${base}/groups/${group.id}/members`, { userIds: [a?.id, b?.id, c?.id] });
      expect(add.statusCode, add.body).toBe(204);
      expect(add.body).toBe("");
      const [event] = await auditOf(t.db, add);
      expect(event).toMatchObject({
        action: "group.membersAdded",
        targetId: group.id,
        after: { userIds: [a?.id, b?.id, c?.id] },
      });
      expect((await members(group.id)).sort()).toEqual([a?.id, b?.id, c?.id].sort());
      expect((await api.get(`${base}/groups/${group.id}`)).json().memberCount).toBe(3);
      const memberOf = (await api.get(`${base}/users/${a?.id}/memberOf`)).json();
      expect(memberOf.items.map((g: { id: string }) => g.id)).toEqual([group.id]);

      const remove = await api.delete(`${base}/groups/${group.id}/members/${b?.id}`);
      expect(remove.statusCode).toBe(204);
      expect((await auditOf(t.db, remove))[0]).toMatchObject({
        action: "group.memberRemoved",
        before: { userId: b?.id },
      });
      expect(await memberRows(group.id)).toEqual([a?.id, c?.id].sort());
      expect((await api.get(`${base}/groups/${group.id}`)).json().memberCount).toBe(2);

      const again = await api.delete(`${base}/groups/${group.id}/members/${b?.id}`);
      expect(again.statusCode).toBe(404);
      expect(problem(again).code).toBe("NotFound");
    });

    it("lists every member of a big group across pages (All Contoso staff)", async () => {
      const group = await t.db.group.findFirstOrThrow({
        where: { tenantId: t.tenants.contoso, displayName: "All Contoso staff" },
      });
      const listed = await members(group.id);
      expect(new Set(listed).size).toBe(listed.length);
      expect(listed.sort()).toEqual(await memberRows(group.id));
      expect(listed.length).toBeGreaterThan(150);
    });

    it("refuses to add someone already a member (409 AlreadyMember) and adds nobody from that call", async () => {
      const existing = await makeUser(t.db, t.tenants.contoso);
      const fresh = await makeUser(t.db, t.tenants.contoso);
      const group = await makeGroup(t.db, t.tenants.contoso, [existing.id]);
      const response = await api.post(`${base}/groups/${group.id}/members`, { userIds: [fresh.id, existing.id] });
      expect(response.statusCode).toBe(409);
      const body = problem(response);
      expect(body.code).toBe("AlreadyMember");
      expect(body.errors).toEqual([{ path: "body.userIds[1]", message: expect.any(String) }]);
      expect(await memberRows(group.id)).toEqual([existing.id]);
      expect(await auditOf(t.db, response)).toEqual([]);
    });

    it("refuses a Fabrikam user in a Contoso group (404) and adds nobody, even with valid users beside it", async () => {
      const group = await makeGroup(t.db, t.tenants.contoso);
      const contosoUser = await makeUser(t.db, t.tenants.contoso);
      const fabrikamUser = await makeUser(t.db, t.tenants.fabrikam);
      for (const userIds of [[fabrikamUser.id], [contosoUser.id, fabrikamUser.id]]) {
        const response = await api.post(`${base}/groups/${group.id}/members`, { userIds });
        expect(response.statusCode).toBe(404);
        const body = problem(response);
        expect(body.code).toBe("NotFound");
        expect(body.errors).toEqual([
          { path: `body.userIds[${userIds.indexOf(fabrikamUser.id)}]`, message: expect.any(String) },
        ]);
      }
      expect(await memberRows(group.id)).toEqual([]);
      expect(await t.db.groupMember.count({ where: { userId: fabrikamUser.id } })).toBe(0);
    });

    it("refuses unknown and deleted users (404) and unknown groups (404)", async () => {
      const group = await makeGroup(t.db, t.tenants.contoso);
      const deleted = await makeUser(t.db, t.tenants.contoso, { deletedAt: new Date() });
      for (const userIds of [[randomUUID()], [deleted.id]]) {
        const response = await api.post(`${base}/groups/${group.id}/members`, { userIds });
        expect(problem(response).code).toBe("NotFound");
      }
      const user = await makeUser(t.db, t.tenants.contoso);
      const unknownGroup = await api.post(`${base}/groups/${randomUUID()}/members`, { userIds: [user.id] });
      expect(unknownGroup.statusCode).toBe(404);
      expect(problem(unknownGroup).code).toBe("NotFound");
      expect((await api.get(`${base}/groups/${randomUUID()}/members`)).statusCode).toBe(404);
      expect(await memberRows(group.id)).toEqual([]);
    });

    it("a deleted member stops counting and listing; restored, it is back", async () => {
      const user = await makeUser(t.db, t.tenants.contoso);
      const other = await makeUser(t.db, t.tenants.contoso);
      const group = await makeGroup(t.db, t.tenants.contoso, [user.id, other.id]);
      expect((await api.delete(`${base}/users/${user.id}`)).statusCode).toBe(204);
      expect(await members(group.id)).toEqual([other.id]);
      expect((await api.get(`${base}/groups/${group.id}`)).json().memberCount).toBe(1);
      expect((await api.post(`${base}/users/${user.id}/restore`)).statusCode).toBe(200);
      expect((await members(group.id)).sort()).toEqual([user.id, other.id].sort());
      expect((await api.get(`${base}/groups/${group.id}`)).json().memberCount).toBe(2);
    });
  });
});
