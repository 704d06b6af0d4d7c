import { randomUUID } from "node:crypto";
import type { AuditAction, AuditEvent } from "@allot/contracts";
import type { Prisma } from "@allot/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit } from "../src/lib/audit.js";
import { makeUser } from "./fixtures.js";
import { as, createTestApp, login, problem, type Session, type TestApp, walkPages } from "./helpers.js";

interface Page {
  items: AuditEvent[];
  nextCursor: string | null;
}

const BOM = "\uFEFF";
const CSV_HEADER = "createdAt,actor,actorUserId,action,targetType,targetId,productIds,requestId,before,after";

/**
 * A strict RFC 4180 reader, written here rather than taken from the API so that the test checks the format: every
 * record ends in CRLF, a quote may only open a field, a quoted field ends at a lone quote followed by a comma or
 * the line end, and a bare CR or LF outside quotes is an error.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === "") {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i];
        i++;
      }
      if (text[i] !== "," && text[i] !== "\r") throw new Error(`text after a closing quote at ${i}`);
      continue;
    }
    const c = text[i] as string;
    if (c === ",") {
      row.push(field);
      field = "";
      i++;
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
    } else if (c === "\r" || c === "\n" || c === '"') {
      throw new Error(`bare ${JSON.stringify(c)} outside quotes at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (field !== "" || row.length > 0) throw new Error("the last record does not end in CRLF");
  return rows;
}

const CSV_COLUMNS = CSV_HEADER.split(",") as Array<keyof CsvRecord>;
type CsvRecord = Record<
  | "createdAt"
  | "actor"
  | "actorUserId"
  | "action"
  | "targetType"
  | "targetId"
  | "productIds"
  | "requestId"
  | "before"
  | "after",
  string
>;

/** The export's records, after checking the file opens with the UTF-8 byte order mark Excel needs. */
function csvRecords(text: string): CsvRecord[] {
  expect(text.startsWith(BOM)).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(BOM.length));
  expect(header?.join(",")).toBe(CSV_HEADER);
  return rows.map((row) => {
    expect(row).toHaveLength(CSV_COLUMNS.length);
    return Object.fromEntries(CSV_COLUMNS.map((name, i) => [name, row[i] as string])) as CsvRecord;
  });
}

describe("audit log: filters, paging and CSV export", () => {
  let t: TestApp;
  let admin: Session;
  let api: ReturnType<typeof as>;
  let base: string;
  let e3: { id: string; skuId: string };
  let powerBi: { id: string; skuId: string };

  const list = async (query: string): Promise<Page> => {
    const response = await api.get(`${base}/auditLog?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Page;
  };

  const walk = (query: string, limit: number) => walkPages<AuditEvent>(list, query, limit, 500);

  /** The ids the filter must yield, straight from Prisma (not the API's SQL), newest first. */
  const expectedIds = async (where: Prisma.AuditEventWhereInput, tenantId = t.tenants.contoso): Promise<string[]> =>
    (
      await t.db.auditEvent.findMany({
        where: { tenantId, ...where },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true },
      })
    ).map((e) => e.id);

  const ids = (events: readonly AuditEvent[]) => events.map((e) => e.id);

  /** An event written straight into the table, with a chosen time. */
  const insertEvent = async (
    data: Partial<Prisma.AuditEventUncheckedCreateInput> & { action: string },
  ): Promise<{ id: string; createdAt: Date }> =>
    t.db.auditEvent.create({
      data: { tenantId: t.tenants.contoso, targetType: "user", targetId: randomUUID(), ...data },
      select: { id: true, createdAt: true },
    });

  /** An event written the way services write them: `audit()` inside a transaction. */
  const auditAs = (actor: Session, tenantId: string, entry: Parameters<typeof audit>[2]) =>
    t.db.$transaction((tx) =>
      audit(tx, { tenantId, actor: { userId: actor.me.user.id } as never, requestId: `test-${randomUUID()}` }, entry),
    );

  const exportCsv = (query = "", session = admin, tenantId = t.tenants.contoso) =>
    as(t.app, session).get(`/api/tenants/${tenantId}/auditLog/export${query ? `?${query}` : ""}`);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.app, "admin@contoso.test");
    api = as(t.app, admin);
    base = `/api/tenants/${t.tenants.contoso}`;
    const product = (skuPartNumber: string) =>
      t.db.product.findUniqueOrThrow({ where: { skuPartNumber }, select: { id: true, skuId: true } });
    e3 = await product("SPE_E3");
    powerBi = await product("POWER_BI_PRO");
  });
  afterAll(() => t.close());

  describe("filters", () => {
    it("without filters lists every event of the tenant, newest first, across pages", async () => {
      const created = await api.post(`${base}/users`, {
        displayName: "Audit Walker",
        email: `walker-${randomUUID().slice(0, 8)}@contoso.test`,
        usageLocation: "NL",
      });
      expect(created.statusCode, created.body).toBe(201);
      const walked = await walk("", 7);
      expect(ids(walked)).toEqual(await expectedIds({}));
      expect(walked.length).toBeGreaterThan(1);
      expect(walked[0]?.action).toBe("user.created");
    });

    it("actorUserId: only what that user did", async () => {
      const userAdmin = await login(t.app, "users@contoso.test");
      const made = [];
      for (let i = 0; i < 3; i++) {
        const response = await as(t.app, userAdmin).post(`${base}/users`, {
          displayName: `Made by user admin ${i}`,
          email: `ua-${randomUUID().slice(0, 8)}@contoso.test`,
          usageLocation: "NL",
        });
        expect(response.statusCode, response.body).toBe(201);
        made.push(response.json().id as string);
      }
      const found = await walk(`actorUserId=${userAdmin.me.user.id}`, 2);
      expect(ids(found)).toEqual(await expectedIds({ actorUserId: userAdmin.me.user.id }));
      // Three creations and the sign-in, nothing by the global admin.
      expect(found.map((e) => e.action)).toEqual(["user.created", "user.created", "user.created", "auth.signedIn"]);
      expect(found.slice(0, 3).map((e) => e.targetId)).toEqual([...made].reverse());
      expect(found.every((e) => e.actorUserId === userAdmin.me.user.id)).toBe(true);
      expect(found.every((e) => e.actorDisplayName === userAdmin.me.user.displayName)).toBe(true);
      // Upper-case letters name the same user.
      expect(ids((await list(`actorUserId=${userAdmin.me.user.id.toUpperCase()}&limit=200`)).items)).toEqual(
        ids(found),
      );
      // Someone who did nothing: an empty list, not an error.
      const idle = await makeUser(t.db, t.tenants.contoso);
      expect((await list(`actorUserId=${idle.id}`)).items).toEqual([]);
    });

    it("action: exact codes, one or a comma-separated list; a prefix or unknown code matches nothing", async () => {
      const victim = await makeUser(t.db, t.tenants.contoso);
      expect((await api.delete(`${base}/users/${victim.id}`)).statusCode).toBe(204);

      const deleted = await walk("action=user.deleted", 50);
      expect(ids(deleted)).toEqual(await expectedIds({ action: "user.deleted" }));
      expect(deleted.map((e) => e.targetId)).toContain(victim.id);
      expect(deleted.every((e) => e.action === "user.deleted")).toBe(true);

      const both = await walk(`action=${encodeURIComponent("user.created, user.deleted,user.created")}`, 3);
      expect(ids(both)).toEqual(await expectedIds({ action: { in: ["user.created", "user.deleted"] } }));
      expect(new Set(both.map((e) => e.action))).toEqual(new Set(["user.created", "user.deleted"]));
      expect(both.length).toBeGreaterThan(deleted.length);

      for (const query of ["action=user", "action=USER.DELETED", "action=user.deleted.x", "action=user.deleted_"]) {
        expect((await list(query)).items, query).toEqual([]);
      }
      // Wildcards are not a thing: refused rather than silently matching nothing.
      const wildcard = await api.get(`${base}/auditLog?action=user.*`);
      expect(wildcard.statusCode).toBe(400);
      expect(problem(wildcard).code).toBe("ValidationFailed");
      const twenty = Array.from({ length: 19 }, (_, i) => `x.unknown${i}`).concat("user.deleted");
      expect(ids((await list(`action=${twenty.join(",")}&limit=200`)).items)).toEqual(ids(deleted));
    });

    it("userId: events whose target is that user, not events with the same id on another target type", async () => {
      const created = await api.post(`${base}/users`, {
        displayName: "Target Person",
        email: `target-${randomUUID().slice(0, 8)}@contoso.test`,
        usageLocation: "NL",
      });
      const id = created.json().id as string;
      expect((await api.patch(`${base}/users/${id}`, { displayName: "Target Person 2" })).statusCode).toBe(200);
      expect((await api.delete(`${base}/users/${id}`)).statusCode).toBe(204);
      // Same id string, different target type: not the user's event.
      await insertEvent({ action: "group.updated", targetType: "group", targetId: id });
      // The user as the actor, not the target: not the user's event either.
      await insertEvent({ action: "group.updated", targetType: "group", targetId: randomUUID(), actorUserId: id });

      const found = await walk(`userId=${id}`, 2);
      expect(found.map((e) => e.action)).toEqual(["user.deleted", "user.updated", "user.created"]);
      expect(found.every((e) => e.targetType === "user" && e.targetId === id)).toBe(true);
      expect(ids(found)).toEqual(await expectedIds({ targetType: "user", targetId: id }));
      expect(ids((await list(`userId=${id.toUpperCase()}`)).items)).toEqual(ids(found));
    });

    it("skuId: events whose products include that product; an unknown skuId is 404 NotFound", async () => {
      // A code of its own (not one the API writes), so that only these events match.
      const marker = `license.test${randomUUID().slice(0, 8)}` as AuditAction;
      await auditAs(admin, t.tenants.contoso, {
        action: marker,
        targetType: "user",
        targetId: "a",
        productIds: [e3.id],
      });
      await auditAs(admin, t.tenants.contoso, {
        action: marker,
        targetType: "user",
        targetId: "b",
        productIds: [powerBi.id, e3.id],
      });
      await auditAs(admin, t.tenants.contoso, {
        action: marker,
        targetType: "user",
        targetId: "c",
        productIds: [powerBi.id],
      });
      await auditAs(admin, t.tenants.contoso, { action: marker, targetType: "user", targetId: "d" });
      // Fabrikam's event on the same product stays in Fabrikam.
      await auditAs(admin, t.tenants.fabrikam, {
        action: marker,
        targetType: "user",
        targetId: "e",
        productIds: [e3.id],
      });

      const withE3 = await walk(`skuId=${e3.skuId}`, 1);
      expect(withE3.map((e) => e.targetId)).toEqual(["b", "a"]);
      expect(ids(withE3)).toEqual(await expectedIds({ productIds: { has: e3.id } }));
      const withPowerBi = await walk(`skuId=${powerBi.skuId.toUpperCase()}`, 50);
      expect(withPowerBi.map((e) => e.targetId)).toEqual(["c", "b"]);

      // The internal product id is not a skuId.
      const internal = await api.get(`${base}/auditLog?skuId=${e3.id}`);
      expect(internal.statusCode).toBe(404);
      expect(problem(internal).code).toBe("NotFound");
      const unknown = await api.get(`${base}/auditLog?skuId=${randomUUID()}`);
      expect(unknown.statusCode).toBe(404);
      expect(problem(unknown).code).toBe("NotFound");
    });

    it("from (inclusive) and to (exclusive), with any offset; finer than a millisecond rounds correctly", async () => {
      const action = `test.clock${randomUUID().slice(0, 8)}`;
      const at = (s: number) => new Date(Date.UTC(2001, 0, 1, 0, 0, s));
      const events = [];
      for (const s of [0, 1, 2, 3]) events.push(await insertEvent({ action, createdAt: at(s), targetId: `s${s}` }));
      const seconds = async (query: string) =>
        (await walk(`action=${action}&${query}`, 2)).map((e) => e.targetId).reverse();

      expect(await seconds("")).toEqual(["s0", "s1", "s2", "s3"]);
      expect(await seconds("from=2001-01-01T00:00:01Z")).toEqual(["s1", "s2", "s3"]);
      expect(await seconds("to=2001-01-01T00:00:02Z")).toEqual(["s0", "s1"]);
      expect(await seconds("from=2001-01-01T00:00:01Z&to=2001-01-01T00:00:03Z")).toEqual(["s1", "s2"]);
      // The same instants written in other offsets ('+' must be sent as %2B in a query string).
      expect(
        await seconds(`from=${encodeURIComponent("2001-01-01T01:00:01+01:00")}&to=2000-12-31T21:00:03-03:00`),
      ).toEqual(["s1", "s2"]);
      expect(await seconds("from=2001-01-01T00:00:01.000000Z&to=2001-01-01T00:00:01.000000Z")).toEqual([]);
      // 00:00:01.000 is before 01.0001 and not at or after it.
      expect(await seconds("to=2001-01-01T00:00:01.0001Z")).toEqual(["s0", "s1"]);
      expect(await seconds("from=2001-01-01T00:00:01.0001Z")).toEqual(["s2", "s3"]);
      expect(await seconds("from=2001-01-01T00:00:00.999Z&to=2001-01-01T00:00:01.001Z")).toEqual(["s1"]);
      expect(await seconds("from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59.999Z")).toEqual(["s0", "s1", "s2", "s3"]);
      expect(events).toHaveLength(4);
    });

    it("combines every filter with AND: each event that misses one filter is left out", async () => {
      const actor = await makeUser(t.db, t.tenants.contoso);
      const otherActor = await makeUser(t.db, t.tenants.contoso);
      const target = randomUUID();
      const when = new Date(Date.UTC(2002, 5, 15, 12));
      const match = {
        actorUserId: actor.id,
        action: "license.assigned",
        targetType: "user",
        targetId: target,
        productIds: [e3.id, powerBi.id],
        createdAt: when,
      };
      const hit = await insertEvent(match);
      const misses = await Promise.all([
        insertEvent({ ...match, actorUserId: otherActor.id }),
        insertEvent({ ...match, actorUserId: null }),
        insertEvent({ ...match, action: "license.removed" }),
        insertEvent({ ...match, targetId: randomUUID() }),
        insertEvent({ ...match, targetType: "group" }),
        insertEvent({ ...match, productIds: [powerBi.id] }),
        insertEvent({ ...match, productIds: [] }),
        insertEvent({ ...match, createdAt: new Date(when.getTime() - 1) }),
        insertEvent({ ...match, createdAt: new Date(when.getTime() + 60_000) }),
        insertEvent({ ...match, tenantId: t.tenants.fabrikam }),
      ]);
      const all = [
        `actorUserId=${actor.id}`,
        "action=license.assigned,license.revoked",
        `userId=${target}`,
        `skuId=${e3.skuId}`,
        `from=${when.toISOString()}`,
        `to=${new Date(when.getTime() + 60_000).toISOString()}`,
      ];
      expect(ids(await walk(all.join("&"), 50))).toEqual([hit.id]);
      // Dropping any one filter lets at least one more event in: each filter does its part.
      for (let i = 0; i < all.length; i++) {
        const query = all.filter((_, j) => j !== i).join("&");
        const found = ids(await walk(query, 50));
        expect(found, query).toContain(hit.id);
        expect(found.length, query).toBeGreaterThan(1);
        expect(found, query).not.toContain(misses.at(-1)?.id);
      }
    });

    it("names each target: users and groups also once deleted, products for subscriptions, nothing of other tenants", async () => {
      const person = await api.post(`${base}/users`, {
        displayName: "Audit Named Person",
        email: `named-${randomUUID().slice(0, 8)}@contoso.test`,
        usageLocation: "NL",
      });
      expect(person.statusCode, person.body).toBe(201);
      const userId = person.json().id as string;
      expect((await api.delete(`${base}/users/${userId}`)).statusCode).toBe(204);
      const group = await api.post(`${base}/groups`, { displayName: "Audit Named Group", description: "gone soon" });
      expect(group.statusCode, group.body).toBe(201);
      const groupId = group.json().id as string;
      expect((await api.delete(`${base}/groups/${groupId}`)).statusCode).toBe(204);
      const subscription = await t.db.subscription.findFirstOrThrow({
        where: { tenantId: t.tenants.contoso, productId: e3.id },
        select: { id: true, product: { select: { displayName: true } } },
      });
      const outsider = await makeUser(t.db, t.tenants.fabrikam, { displayName: "Fabrikam Secret" });
      const marker = `test.named${randomUUID().slice(0, 8)}`;
      const named = async (targetType: string, targetId: string | null) => {
        const event = await insertEvent({ action: marker, targetType, targetId });
        const found = (await walk(`action=${marker}`, 50)).find((e) => e.id === event.id);
        return found?.targetDisplayName;
      };

      const userEvents = await walk(`userId=${userId}`, 50);
      expect(userEvents.map((e) => [e.action, e.targetDisplayName])).toEqual([
        ["user.deleted", "Audit Named Person"],
        ["user.created", "Audit Named Person"],
      ]);
      const groupEvents = (await walk("action=group.created,group.deleted", 50)).filter((e) => e.targetId === groupId);
      expect(groupEvents.map((e) => [e.action, e.targetDisplayName])).toEqual([
        ["group.deleted", "Audit Named Group"],
        ["group.created", "Audit Named Group"],
      ]);
      expect(await named("subscription", subscription.id)).toBe(subscription.product.displayName);
      expect(await named("product", e3.skuId)).toBe("Microsoft 365 E3");
      expect(await named("tenant", t.tenants.contoso)).toBe("Contoso");
      expect(await named("licenseJob", randomUUID())).toBeNull();
      // Ids that name nothing here, another tenant's user, or no id at all: no name, and no error.
      expect(await named("user", outsider.id)).toBeNull();
      expect(await named("tenant", t.tenants.fabrikam)).toBeNull();
      expect(await named("user", "not-a-uuid")).toBeNull();
      expect(await named("group", null)).toBeNull();
    });

    it("pages through filtered results by (createdAt, id), ties included, with no row twice or missed", async () => {
      const action = `test.paged${randomUUID().slice(0, 8)}`;
      const actor = await makeUser(t.db, t.tenants.contoso);
      const start = Date.UTC(2003, 0, 1);
      // 30 events on 10 instants: page boundaries fall inside runs of equal times (the id tie-breaker).
      for (let i = 0; i < 30; i++) {
        await insertEvent({ action, actorUserId: actor.id, createdAt: new Date(start + Math.floor(i / 3) * 1000) });
      }
      // Noise the filter must skip on every page: same action by someone else, same actor other action.
      for (let i = 0; i < 10; i++) {
        await insertEvent({ action, createdAt: new Date(start + i * 1000) });
        await insertEvent({ action: "user.updated", actorUserId: actor.id, createdAt: new Date(start + i * 1000) });
      }
      const expected = await expectedIds({ action, actorUserId: actor.id });
      expect(expected).toHaveLength(30);
      for (const limit of [1, 4, 7, 29, 30, 200]) {
        const walked = ids(await walk(`action=${action}&actorUserId=${actor.id}`, limit));
        expect(walked, `limit ${limit}`).toEqual(expected);
      }
      // A cursor keeps its place when the filter stays: newer events do not shift the pages after it.
      const first = await list(`action=${action}&actorUserId=${actor.id}&limit=10`);
      await insertEvent({ action, actorUserId: actor.id, createdAt: new Date(start + 60_000) });
      const second = await list(
        `action=${action}&actorUserId=${actor.id}&limit=10&cursor=${encodeURIComponent(first.nextCursor ?? "")}`,
      );
      expect(ids(second.items)).toEqual(expected.slice(10, 20));
    });
  });

  describe("bad queries are 400 ValidationFailed with the field", () => {
    const expect400 = async (query: string, path: string, url = `${base}/auditLog`) => {
      const response = await api.get(`${url}?${query}`);
      expect(response.statusCode, `${query}: ${response.body}`).toBe(400);
      const body = problem(response);
      expect(body.code).toBe("ValidationFailed");
      // An item of a list (action) reports its index below the field: querystring.action.1.
      expect(
        body.errors?.some((e) => e.path === path || e.path.startsWith(`${path}.`)),
        `${query}: ${response.body}`,
      ).toBe(true);
      return body;
    };

    it("ids that are not UUIDs", async () => {
      for (const name of ["actorUserId", "userId", "skuId"]) {
        for (const value of ["nope", "1", "", `${randomUUID()}x`, "%00"]) {
          await expect400(`${name}=${value}`, `querystring.${name}`);
        }
      }
    });

    it("dates that are not ISO date-times with an offset, or out of range", async () => {
      for (const value of [
        "yesterday",
        "2024-01-01",
        "2024-01-01T00:00:00",
        "2024-02-30T00:00:00Z",
        "2024-01-01T25:00:00Z",
        "1700000000",
        "2024-01-01T00:00:00 01:00",
        "0000-06-01T00:00:00Z",
        "0001-01-01T00:00:00%2B01:00",
      ]) {
        await expect400(`from=${value}`, "querystring.from");
        await expect400(`to=${value}`, "querystring.to");
      }
    });

    it("from after to, with a message that says so", async () => {
      const body = await expect400("from=2024-01-02T00:00:00Z&to=2024-01-01T23:59:59.999Z", "querystring.to");
      expect(body.errors?.find((e) => e.path === "querystring.to")?.message).toBe("must not be before from");
      // Equal is an empty range, not an error.
      expect((await list("from=2024-01-01T00:00:00Z&to=2024-01-01T00:00:00Z")).items).toEqual([]);
    });

    it("action lists that are empty, too long or hold odd characters", async () => {
      const many = Array.from({ length: 21 }, (_, i) => `a.b${i}`).join(",");
      for (const value of ["", ",", "user.created,,user.deleted", many, "user%20deleted", "user.deleted;drop", "%00"]) {
        await expect400(`action=${value}`, "querystring.action");
      }
      await expect400("action=a&action=b", "querystring.action");
    });

    it("unknown parameters, on the list and on the export", async () => {
      for (const query of ["search=x", "actor=x", "sku=x", "from_=2024-01-01T00:00:00Z"]) {
        expect(problem(await api.get(`${base}/auditLog?${query}`)).code).toBe("ValidationFailed");
      }
      // The export takes no paging.
      for (const query of ["limit=10", `cursor=abc`, "format=json"]) {
        const response = await exportCsv(query);
        expect(response.statusCode, query).toBe(400);
        expect(problem(response).code).toBe("ValidationFailed");
      }
    });

    it("the export refuses the same bad filters, and an unknown skuId is 404", async () => {
      for (const query of ["actorUserId=x", "from=2024-01-02T00:00:00Z&to=2024-01-01T00:00:00Z", "action="]) {
        const response = await exportCsv(query);
        expect(response.statusCode, query).toBe(400);
        expect(problem(response).code).toBe("ValidationFailed");
      }
      const unknown = await exportCsv(`skuId=${randomUUID()}`);
      expect(unknown.statusCode).toBe(404);
      expect(problem(unknown).code).toBe("NotFound");
    });
  });

  describe("who may read it", () => {
    it("roles without audit.read get 403 Forbidden on the list and the export; no session is 401", async () => {
      for (const email of [
        "billing@contoso.test",
        "users@contoso.test",
        "helpdesk@contoso.test",
        "maker@contoso.test",
      ]) {
        const session = await login(t.app, email);
        for (const response of [
          await as(t.app, session).get(`${base}/auditLog?action=user.deleted`),
          await exportCsv("", session),
        ]) {
          expect(response.statusCode, email).toBe(403);
          expect(problem(response).code).toBe("Forbidden");
        }
      }
      const anonymous = await t.app.inject({ method: "GET", url: `${base}/auditLog/export` });
      expect(anonymous.statusCode).toBe(401);
      expect(problem(anonymous).code).toBe("Unauthenticated");
    });

    it("a partner's admin agent reads its customer's log and export", async () => {
      const agent = await login(t.app, "agent@partner.test");
      expect((await as(t.app, agent).get(`${base}/auditLog?action=user.deleted`)).statusCode).toBe(200);
      const csv = await exportCsv("action=user.deleted", agent);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers["content-disposition"]).toMatch(/filename="audit-log-contoso\.test-/);
    });
  });

  describe("tenant isolation", () => {
    it("another tenant's events never appear, whatever the filter; its log is 404 to an outsider", async () => {
      const fabrikamAdmin = await login(t.app, "admin@fabrikam.test");
      const fabrikamBase = `/api/tenants/${t.tenants.fabrikam}`;
      const foreign = await makeUser(t.db, t.tenants.fabrikam);
      expect((await as(t.app, fabrikamAdmin).delete(`${fabrikamBase}/users/${foreign.id}`)).statusCode).toBe(204);
      const foreignEvents = await expectedIds({}, t.tenants.fabrikam);
      expect(foreignEvents.length).toBeGreaterThan(1);

      for (const query of [
        "",
        `actorUserId=${fabrikamAdmin.me.user.id}`,
        `userId=${foreign.id}`,
        "action=user.deleted,auth.signedIn",
        `skuId=${e3.skuId}`,
        "from=2000-01-01T00:00:00Z",
      ]) {
        const found = await walk(query, 200);
        expect(found.every((e) => e.tenantId === t.tenants.contoso)).toBe(true);
        expect(
          ids(found).filter((id) => foreignEvents.includes(id)),
          query,
        ).toEqual([]);
        const csv = csvRecords((await exportCsv(query)).body);
        expect(csv).toHaveLength(found.length);
        expect(csv.map((r) => r.requestId)).toEqual(found.map((e) => e.requestId ?? ""));
      }
      expect((await list(`actorUserId=${fabrikamAdmin.me.user.id}`)).items).toEqual([]);
      expect((await list(`userId=${foreign.id}`)).items).toEqual([]);

      // And the other way round: Contoso's admin cannot reach Fabrikam's log at all.
      for (const response of [
        await api.get(`${fabrikamBase}/auditLog`),
        await exportCsv("", admin, t.tenants.fabrikam),
      ]) {
        expect(response.statusCode).toBe(404);
        expect(problem(response).code).toBe("NotFound");
      }
      // Fabrikam's admin sees its own events and none of Contoso's.
      const own = (await as(t.app, fabrikamAdmin).get(`${fabrikamBase}/auditLog?limit=200`)).json() as Page;
      expect(own.items.length).toBeGreaterThan(0);
      expect(own.items.every((e) => e.tenantId === t.tenants.fabrikam)).toBe(true);
    });
  });

  describe("CSV export", () => {
    it("answers a CSV attachment named after the tenant and the UTC date, header first, newest first", async () => {
      const response = await exportCsv();
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
      const today = t.clock.now().toISOString().slice(0, 10);
      expect(response.headers["content-disposition"]).toBe(
        `attachment; filename="audit-log-contoso.test-${today}.csv"`,
      );
      expect(response.headers["cache-control"]).toBe("no-store");
      expect(response.body.startsWith(`${BOM}${CSV_HEADER}\r\n`)).toBe(true);

      const records = csvRecords(response.body);
      const expected = await t.db.auditEvent.findMany({
        where: { tenantId: t.tenants.contoso },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        include: { actor: { select: { displayName: true } } },
      });
      expect(records).toHaveLength(expected.length);
      const first = expected[0];
      const firstRecord = records[0];
      expect(firstRecord?.createdAt).toBe(first?.createdAt.toISOString());
      expect(records.map((r) => `${r.createdAt} ${r.action} ${r.targetId} ${r.requestId}`)).toEqual(
        expected.map((e) => `${e.createdAt.toISOString()} ${e.action} ${e.targetId ?? ""} ${e.requestId ?? ""}`),
      );
      // Columns as the list shows them: actor name and id, JSON before/after, product ids.
      const created = expected.find((e) => e.action === "user.created" && e.actor !== null);
      const createdRecord = records[expected.indexOf(created as (typeof expected)[number])];
      expect(createdRecord).toMatchObject({
        actor: created?.actor?.displayName,
        actorUserId: created?.actorUserId,
        targetType: "user",
        before: "",
      });
      expect(JSON.parse(createdRecord?.after ?? "null")).toEqual(created?.after);
      const licensed = records.find((r) => r.productIds.includes(" "));
      expect(licensed?.productIds.split(" ").sort()).toEqual([e3.id, powerBi.id].sort());
    });

    it("the file's date is the app clock's day in UTC", async () => {
      const start = t.clock.now();
      try {
        for (const [instant, day] of [
          ["2031-05-06T23:59:59.999Z", "2031-05-06"],
          ["2031-05-07T00:00:00.000Z", "2031-05-07"],
        ]) {
          t.clock.set(new Date(instant as string));
          const head = await t.app.inject({
            method: "HEAD",
            url: `${base}/auditLog/export`,
            headers: { cookie: admin.cookie },
          });
          expect(head.statusCode).toBe(200);
          expect(head.headers["content-disposition"]).toBe(`attachment; filename="audit-log-contoso.test-${day}.csv"`);
        }
      } finally {
        t.clock.set(start);
      }
    });

    it("HEAD answers the headers without reading the log; a bad filter is still refused", async () => {
      const head = await t.app.inject({
        method: "HEAD",
        url: `${base}/auditLog/export?action=user.created`,
        headers: { cookie: admin.cookie },
      });
      expect(head.statusCode).toBe(200);
      expect(head.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect(head.headers["content-disposition"]).toMatch(/^attachment; filename="audit-log-contoso\.test-/);
      expect(head.body).toBe("");
      const unknown = await t.app.inject({
        method: "HEAD",
        url: `${base}/auditLog/export?skuId=${randomUUID()}`,
        headers: { cookie: admin.cookie },
      });
      expect(unknown.statusCode).toBe(404);
    });

    it("quotes commas, quotes and line breaks (RFC 4180) and round-trips them", async () => {
      const nasty = 'Smith, "Jr."\r\nline two\nline three\rend';
      const before = { displayName: nasty };
      const action = `test.csv${randomUUID().slice(0, 8)}`;
      await insertEvent({ action, targetId: nasty, before, after: { list: ["a,b", 'c"d'] }, requestId: "plain" });
      const response = await exportCsv(`action=${action}`);
      expect(response.statusCode).toBe(200);
      const records = csvRecords(response.body);
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ targetId: nasty, requestId: "plain", actor: "", actorUserId: "" });
      expect(JSON.parse(records[0]?.before ?? "")).toEqual(before);
      expect(JSON.parse(records[0]?.after ?? "")).toEqual({ list: ["a,b", 'c"d'] });
      // Literally: quoted, quotes doubled; unquoted where nothing needs it.
      expect(response.body).toContain(`,"Smith, ""Jr.""\r\nline two\nline three\rend",,plain,`);
      expect(response.body).toContain(`,plain,"{""displayName"":""Smith, \\""Jr.\\""\\r\\nline two`);
    });

    it("puts a ' before values a spreadsheet would run as a formula (=, +, -, @, tab, CR)", async () => {
      const action = `test.formula${randomUUID().slice(0, 8)}`;
      const evil = await makeUser(t.db, t.tenants.contoso, { displayName: '=HYPERLINK("http://evil.test","x")' });
      const values = [
        "=1+1",
        "+1+1",
        "-1+1",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "=cmd|' /C calc'!A0",
        "safe=1",
        "1-1",
        "'quoted",
      ];
      const start = Date.UTC(2004, 0, 1);
      for (const [i, value] of values.entries()) {
        await insertEvent({
          action,
          actorUserId: evil.id,
          targetType: "user",
          targetId: value,
          requestId: value,
          before: value === "=1+1" ? "=2" : undefined,
          createdAt: new Date(start - i * 1000),
        });
      }
      const response = await exportCsv(`action=${action}`);
      const records = csvRecords(response.body);
      expect(records.map((r) => r.targetId)).toEqual([
        "'=1+1",
        "'+1+1",
        "'-1+1",
        "'@SUM(A1)",
        "'\t=1",
        "'\r=1",
        "'=cmd|' /C calc'!A0",
        "safe=1",
        "1-1",
        "'quoted",
      ]);
      expect(records.map((r) => r.requestId)).toEqual(records.map((r) => r.targetId));
      expect(records.every((r) => r.actor === '\'=HYPERLINK("http://evil.test","x")')).toBe(true);
      // JSON text starts with a quote or brace, so a JSON string "=2" is no formula.
      expect(records[0]?.before).toBe('"=2"');
      // No line of the file starts a cell with a formula character.
      for (const line of response.body.split("\r\n")) {
        for (const cell of line.split(",")) expect(cell).not.toMatch(/^[=+\-@\t]/);
      }
    });

    it("applies the filters: the same events as the filtered list, in the same order", async () => {
      const userAdmin = await login(t.app, "users@contoso.test");
      const queries = [
        `actorUserId=${userAdmin.me.user.id}`,
        "action=user.created,user.deleted",
        `skuId=${e3.skuId}`,
        "from=2001-01-01T00:00:01Z&to=2003-01-01T00:00:05Z",
        `actorUserId=${admin.me.user.id}&action=user.created`,
      ];
      for (const query of queries) {
        const listed = await walk(query, 200);
        expect(listed.length, query).toBeGreaterThan(0);
        const response = await exportCsv(query);
        expect(response.statusCode, query).toBe(200);
        const records = csvRecords(response.body);
        expect(
          records.map((r) => [r.createdAt, r.action, r.targetId, r.actorUserId]),
          query,
        ).toEqual(listed.map((e) => [e.createdAt, e.action, e.targetId ?? "", e.actorUserId ?? ""]));
      }
      // Nothing matches: the header alone.
      const none = await exportCsv("action=nothing.matches");
      expect(none.body).toBe(`${BOM}${CSV_HEADER}\r\n`);
    });

    it("reads in pages and stops at 100,000 rows, the newest ones, none twice", async () => {
      // Fabrikam, so that the other tests' Contoso walks stay small. Three events per instant: ties on page edges.
      const fabrikamAdmin = await login(t.app, "admin@fabrikam.test");
      const action = "test.bulk";
      await t.db.$executeRaw`
        INSERT INTO "AuditEvent" (id, "tenantId", action, "targetType", "targetId", "createdAt")
        SELECT gen_random_uuid(), ${t.tenants.fabrikam}::uuid, ${action}, 'user', n::text,
               timestamptz '2010-01-01T00:00:00Z' + (n / 3) * interval '1 second'
          FROM generate_series(1, 100005) AS n`;
      const response = await exportCsv(`action=${action}`, fabrikamAdmin, t.tenants.fabrikam);
      expect(response.statusCode).toBe(200);
      const records = csvRecords(response.body);
      expect(records).toHaveLength(100_000);
      const numbers = records.map((r) => Number(r.targetId));
      expect(new Set(numbers).size).toBe(100_000);
      // Newest first: the five oldest (n = 1, 2 at second 0 and 3, 4, 5 at second 1) are the ones left out.
      expect(Math.min(...numbers)).toBe(6);
      expect(Math.max(...numbers)).toBe(100_005);
      const times = records.map((r) => r.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      await t.db.auditEvent.deleteMany({ where: { action } });
    }, 120_000);
  });

  it("documents the export in OpenAPI as text/csv", async () => {
    const spec = t.app.swagger() as {
      paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    const operation = spec.paths["/api/tenants/{tenantId}/auditLog/export"]?.get;
    expect(Object.keys(operation?.responses["200"]?.content ?? {})).toEqual(["text/csv"]);
    expect(operation?.responses["403"]).toBeDefined();
  });
});
