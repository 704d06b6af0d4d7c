import { randomUUID } from "node:crypto";
import { ERROR_CODES, ERROR_STATUS } from "@allot/contracts";
import fc from "fast-check";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditOf, cursorOf, makeGroup, makeUser, signInFailures, uniqueEmail } from "./fixtures.js";
import { createTestApp, login, type Session, type TestApp } from "./helpers.js";

type Method = "GET" | "POST" | "PATCH" | "DELETE";

/** Any 4xx must be problem+json with a known code whose status matches; nothing may be 5xx. */
function expectWellFormed(response: LightMyRequestResponse, context = ""): void {
  expect(response.statusCode, `${context} ${response.body.slice(0, 300)}`).toBeLessThan(500);
  if (response.statusCode >= 400) {
    expect(response.headers["content-type"], context).toMatch(/^application\/problem\+json/);
    const body = response.json();
    expect(ERROR_CODES, context).toContain(body.code);
    expect(ERROR_STATUS[body.code as keyof typeof ERROR_STATUS], context).toBe(response.statusCode);
    expect(body.status, context).toBe(response.statusCode);
    expect(response.body, context).not.toMatch(/prisma|stack|at .*\.ts:\d+/i);
  }
}

function expectProblem(response: LightMyRequestResponse, status: number, code: string, path?: string): void {
  expectWellFormed(response, `${code}${path ? ` at ${path}` : ""}`);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(status);
  const body = response.json() as { code: string; errors?: Array<{ path: string; message: string }> };
  expect(body.code, response.body.slice(0, 300)).toBe(code);
  if (path !== undefined) {
    expect(
      body.errors?.map((e) => e.path),
      response.body.slice(0, 300),
    ).toContain(path);
    for (const error of body.errors ?? []) expect(error.message.length).toBeGreaterThan(0);
  }
}

interface BodyRoute {
  name: string;
  method: Method;
  url: () => string;
  /** A body the route accepts (so a refusal is the bad part's doing). */
  valid: () => Record<string, unknown>;
  /** The status the valid body gets. */
  ok: number;
  required: string[];
  /** Free-text fields bounded by `text()`. */
  text: string[];
  /** Fields and a value of the wrong type for each. */
  wrongTypes: Record<string, unknown>;
  publicRoute?: boolean;
}

describe("bad input never gets past validation, and never a 500", () => {
  let t: TestApp;
  let admin: Session;
  let base: string;
  let target: { id: string };
  let group: { id: string };
  const CONTROL = ["\u0000", "\u0007", "\b", "\t", "\n", "\r", "\u001b", "\u007f", "\u0085", "\u009f"];
  const LONE_SURROGATES = ["\ud800", "\udfff", "a\udc00b"];

  function send(
    method: Method,
    url: string,
    options: { payload?: unknown; contentType?: string; session?: Session | null } = {},
  ) {
    const session = options.session === undefined ? admin : options.session;
    const headers: Record<string, string> = {};
    if (session) {
      headers.cookie = session.cookie;
      if (method !== "GET") headers["x-csrf-token"] = session.csrfToken;
    }
    if (options.contentType) headers["content-type"] = options.contentType;
    const request: InjectOptions = { method, url, headers };
    if (options.payload !== undefined) request.payload = options.payload as InjectOptions["payload"];
    return t.app.inject(request);
  }

  beforeAll(async () => {
    t = await createTestApp({ loginRateLimitPerMinute: 100_000 });
    admin = await login(t.app, "admin@contoso.test");
    base = `/api/tenants/${t.tenants.contoso}`;
    target = await makeUser(t.db, t.tenants.contoso, { displayName: "Fuzz Target" });
    group = await makeGroup(t.db, t.tenants.contoso);
  });
  afterAll(() => t.close());

  const ROUTES: BodyRoute[] = [
    {
      name: "POST /users",
      method: "POST",
      url: () => `${base}/users`,
      valid: () => ({ displayName: "Valid Name", email: uniqueEmail("contoso.test", "valid"), usageLocation: "NL" }),
      ok: 201,
      required: ["displayName", "email", "usageLocation"],
      text: ["displayName"],
      wrongTypes: {
        displayName: 12345,
        email: ["a@b.test"],
        usageLocation: 31,
        userType: true,
        accountEnabled: "false",
        password: 123456789012,
      },
    },
    {
      name: "PATCH /users/:userId",
      method: "PATCH",
      url: () => `${base}/users/${target.id}`,
      valid: () => ({ displayName: "Fuzz Target" }),
      ok: 200,
      required: [],
      text: ["displayName"],
      wrongTypes: { displayName: { first: "a" }, usageLocation: false, accountEnabled: 0 },
    },
    {
      name: "POST /users/:userId/resetPassword",
      method: "POST",
      url: () => `${base}/users/${target.id}/resetPassword`,
      valid: () => ({ password: "Valid-password-1" }),
      ok: 200,
      required: [],
      text: [],
      wrongTypes: { password: 123456789012345 },
    },
    {
      name: "POST /groups",
      method: "POST",
      url: () => `${base}/groups`,
      valid: () => ({ displayName: `Valid group ${randomUUID()}`, description: "Fine" }),
      ok: 201,
      required: ["displayName"],
      text: ["displayName", "description"],
      wrongTypes: { displayName: null, description: 7 },
    },
    {
      name: "PATCH /groups/:groupId",
      method: "PATCH",
      url: () => `${base}/groups/${group.id}`,
      valid: () => ({ description: "Still fine" }),
      ok: 200,
      required: [],
      text: ["displayName", "description"],
      wrongTypes: { displayName: [], description: true },
    },
    {
      name: "POST /groups/:groupId/members",
      method: "POST",
      url: () => `${base}/groups/${group.id}/members`,
      valid: () => ({ userIds: [randomUUID()] }),
      ok: 404, // a well-formed but unknown user: validation passed
      required: ["userIds"],
      text: [],
      wrongTypes: { userIds: randomUUID() },
    },
    {
      name: "PATCH /api/me",
      method: "PATCH",
      url: () => "/api/me",
      valid: () => ({ preferredLanguage: "en" }),
      ok: 200,
      required: ["preferredLanguage"],
      text: [],
      wrongTypes: { preferredLanguage: ["en"] },
    },
    {
      name: "POST /api/auth/login",
      method: "POST",
      url: () => "/api/auth/login",
      valid: () => ({ email: "nobody@contoso.test", password: "whatever" }),
      ok: 401,
      required: ["email", "password"],
      text: [],
      wrongTypes: { email: 1, password: ["x"] },
      publicRoute: true,
    },
  ];

  describe.each(ROUTES)("$name", (route) => {
    const sendBody = (payload: unknown, contentType?: string) =>
      send(route.method, route.url(), {
        payload,
        ...(contentType ? { contentType } : {}),
        session: route.publicRoute ? null : admin,
      });

    it("accepts its valid body (the baseline the other cases break)", async () => {
      const response = await sendBody(route.valid());
      expectWellFormed(response);
      expect(response.statusCode, response.body).toBe(route.ok);
    });

    it("refuses unknown fields (400 ValidationFailed) and writes nothing", async () => {
      for (const extra of [
        { isAdmin: true },
        { id: randomUUID() },
        { tenantId: t.tenants.fabrikam },
        { roles: ["globalAdmin"] },
      ]) {
        const response = await sendBody({ ...route.valid(), ...extra });
        expectProblem(response, 400, "ValidationFailed");
        expect(await auditOf(t.db, response)).toEqual([]);
      }
    });

    it("refuses wrong types with the field's path", async () => {
      for (const [field, value] of Object.entries(route.wrongTypes)) {
        expectProblem(await sendBody({ ...route.valid(), [field]: value }), 400, "ValidationFailed", `body.${field}`);
      }
    });

    it("refuses a missing required field with its path", async () => {
      for (const field of route.required) {
        const body = route.valid();
        delete body[field];
        expectProblem(await sendBody(body), 400, "ValidationFailed", `body.${field}`);
      }
    });

    it("refuses a body that is not an object", async () => {
      for (const payload of ["[]", '"text"', "42", "true", ...(route.name.includes("resetPassword") ? [] : ["null"])]) {
        expectProblem(await sendBody(payload, "application/json"), 400, "ValidationFailed");
      }
    });

    it("refuses 100 000-character and control-character free text", async () => {
      for (const field of route.text) {
        expectProblem(
          await sendBody({ ...route.valid(), [field]: "x".repeat(100_000) }),
          400,
          "ValidationFailed",
          `body.${field}`,
        );
        expectProblem(await sendBody({ ...route.valid(), [field]: "   " }), 400, "ValidationFailed", `body.${field}`);
        for (const bad of [...CONTROL, ...LONE_SURROGATES]) {
          expectProblem(
            await sendBody({ ...route.valid(), [field]: `Bad${bad}Name` }),
            400,
            "ValidationFailed",
            `body.${field}`,
          );
        }
      }
    });

    it("refuses a 300 KiB body with 413 PayloadTooLarge", async () => {
      const huge = JSON.stringify({ ...route.valid(), padding: "x".repeat(300 * 1024) });
      expectProblem(await sendBody(huge, "application/json"), 413, "PayloadTooLarge");
    });

    it("refuses malformed and empty JSON with 400 MalformedJson", async () => {
      for (const raw of ['{"displayName": ', "{displayName: 'x'}", '{"a":1,}', "{'a':1}", "\u0000", "nul"]) {
        expectProblem(await sendBody(raw, "application/json"), 400, "MalformedJson");
      }
      expectProblem(await sendBody("", "application/json"), 400, "MalformedJson");
    });

    it("refuses prototype-poisoning keys", async () => {
      for (const raw of ['{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"isAdmin":true}}}']) {
        const response = await sendBody(raw, "application/json");
        expect(response.statusCode).toBe(400);
        expectWellFormed(response);
      }
    });

    it("refuses other content types with 415 UnsupportedMediaType", async () => {
      const json = JSON.stringify(route.valid());
      for (const type of [
        "text/plain",
        "text/plain;charset=UTF-8",
        "application/xml",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
      ]) {
        expectProblem(await sendBody(json, type), 415, "UnsupportedMediaType");
      }
    });
  });

  describe("field rules", () => {
    const createUser = (fields: Record<string, unknown>) =>
      send("POST", `${base}/users`, {
        payload: {
          displayName: "Field Rules",
          email: uniqueEmail("contoso.test", "rules"),
          usageLocation: "NL",
          ...fields,
        },
      });

    it("refuses invalid emails", async () => {
      for (const email of [
        "not-an-email",
        "a@b",
        "@contoso.test",
        "a b@contoso.test",
        "a@@contoso.test",
        "",
        `${"a".repeat(250)}@contoso.test`,
        "a\u0000@contoso.test",
      ]) {
        expectProblem(await createUser({ email }), 400, "ValidationFailed", "body.email");
      }
    });

    it("refuses usage locations that are not ISO 3166-1 alpha-2 codes, accepts lower-case ones", async () => {
      for (const usageLocation of ["XX", "Netherlands", "N", "NLD", "", "  ", "U\u0000"]) {
        expectProblem(await createUser({ usageLocation }), 400, "ValidationFailed", "body.usageLocation");
      }
      expectProblem(
        await send("PATCH", `${base}/users/${target.id}`, { payload: { usageLocation: "XX" } }),
        400,
        "ValidationFailed",
        "body.usageLocation",
      );
      const ok = await createUser({ usageLocation: "gb" });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().usageLocation).toBe("GB");
    });

    it("accepts real-world Unicode names (the control-character rule is not a blanket refusal)", async () => {
      const response = await createUser({ displayName: "Zoë Ünïcødé 李小龍 🎉 O'Brien-Ångström" });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().displayName).toBe("Zoë Ünïcødé 李小龍 🎉 O'Brien-Ångström");
    });

    it("refuses bad passwords, user types and flags", async () => {
      expectProblem(await createUser({ password: "short-pw-11" }), 400, "ValidationFailed", "body.password");
      expectProblem(await createUser({ password: "x".repeat(257) }), 400, "ValidationFailed", "body.password");
      expectProblem(await createUser({ userType: "admin" }), 400, "ValidationFailed", "body.userType");
      expectProblem(await createUser({ accountEnabled: "yes" }), 400, "ValidationFailed", "body.accountEnabled");
      const reset = `${base}/users/${target.id}/resetPassword`;
      expectProblem(
        await send("POST", reset, { payload: { password: "too-short" } }),
        400,
        "ValidationFailed",
        "body.password",
      );
      expectProblem(await send("POST", reset, { payload: { password: "" } }), 400, "ValidationFailed", "body.password");
    });

    it("an edit must change something, and only editable fields: no email, roles, tenant or deletion", async () => {
      const url = `${base}/users/${target.id}`;
      const before = await t.db.user.findUniqueOrThrow({
        where: { id: target.id },
        include: { roleAssignments: true },
      });
      for (const payload of [
        {},
        { email: "new@contoso.test" },
        { roles: ["globalAdmin"] },
        { tenantId: t.tenants.fabrikam },
        { deletedAt: null },
        { userType: "guest" },
        { passwordHash: "x" },
        { displayName: null },
      ]) {
        expectProblem(await send("PATCH", url, { payload }), 400, "ValidationFailed");
      }
      expectProblem(await send("PATCH", `${base}/groups/${group.id}`, { payload: {} }), 400, "ValidationFailed");
      const after = await t.db.user.findUniqueOrThrow({ where: { id: target.id }, include: { roleAssignments: true } });
      expect(after).toEqual(before);
    });

    it("refuses bad member lists", async () => {
      const url = `${base}/groups/${group.id}/members`;
      const id = randomUUID();
      for (const userIds of [[], [id, id], ["not-a-uuid"], [null], Array.from({ length: 1001 }, () => randomUUID())]) {
        const response = await send("POST", url, { payload: { userIds } });
        expectProblem(response, 400, "ValidationFailed");
        expect((response.json().errors as Array<{ path: string }>)[0]?.path).toMatch(/^body\.userIds/);
      }
    });

    it("refuses bad sign-in payloads before checking any password", async () => {
      const attempt = (payload: unknown) => send("POST", "/api/auth/login", { payload, session: null });
      expectProblem(
        await attempt({ email: "admin@contoso.test", password: "" }),
        400,
        "ValidationFailed",
        "body.password",
      );
      expectProblem(
        await attempt({ email: "admin@contoso.test", password: "x".repeat(257) }),
        400,
        "ValidationFailed",
        "body.password",
      );
      expectProblem(await attempt({ email: "admin", password: "Allot-demo-1" }), 400, "ValidationFailed", "body.email");
      expect((await signInFailures(t.db, "admin@contoso.test")).everywhere).toBe(0);
    });

    it("refuses a bad portal language on PATCH /api/me", async () => {
      for (const preferredLanguage of ["xx", "", 1, null]) {
        expectProblem(
          await send("PATCH", "/api/me", { payload: { preferredLanguage } }),
          400,
          "ValidationFailed",
          "body.preferredLanguage",
        );
      }
      expectProblem(
        await send("PATCH", "/api/me", { payload: { preferredLanguage: "nl", admin: true } }),
        400,
        "ValidationFailed",
      );
    });
  });

  describe("query strings", () => {
    const lists = () => [`${base}/users`, `${base}/groups`, `${base}/groups/${group.id}/members`, `${base}/auditLog`];

    it("refuses limits out of range or not integers", async () => {
      for (const url of lists()) {
        for (const limit of ["0", "201", "-1", "abc", "1.5", "", "1e3"]) {
          expectProblem(await send("GET", `${url}?limit=${limit}`), 400, "ValidationFailed", "querystring.limit");
        }
        expect((await send("GET", `${url}?limit=200`)).statusCode).toBe(200);
      }
    });

    it("refuses cursors this API did not hand out", async () => {
      const everywhere = [
        "garbage",
        "!!!",
        cursorOf({ a: 1 }),
        cursorOf(["only one part"]),
        cursorOf(["a", "b", "c"]),
        cursorOf([1, 2]),
        "a".repeat(513),
      ];
      // Name-ordered lists key on (displayName, id); the audit log on (createdAt, id).
      const byName = [
        cursorOf(["Name", "not-a-uuid"]),
        cursorOf(["Na\u0000me", randomUUID()]),
        cursorOf(["Na\ud800me", randomUUID()]),
        cursorOf(["Name", `${randomUUID()}'`]),
      ];
      const byTime = [
        cursorOf(["not a date", randomUUID()]),
        cursorOf(["2024-13-45T99:00:00.000Z", randomUUID()]),
        cursorOf(["-010000-01-01T00:00:00.000Z", randomUUID()]),
        cursorOf([new Date().toISOString(), "not-a-uuid"]),
      ];
      for (const [url, specific] of [
        [`${base}/users`, byName],
        [`${base}/groups`, byName],
        [`${base}/groups/${group.id}/members`, byName],
        [`${base}/auditLog`, byTime],
      ] as const) {
        for (const cursor of [...everywhere, ...specific]) {
          expectProblem(
            await send("GET", `${url}?cursor=${encodeURIComponent(cursor)}`),
            400,
            "ValidationFailed",
            "querystring.cursor",
          );
        }
      }
      // Well-formed keys the API could have handed out are fine, even if no row has them.
      expect((await send("GET", `${base}/users?cursor=${cursorOf(["M", randomUUID()])}`)).statusCode).toBe(200);
      expect(
        (await send("GET", `${base}/auditLog?cursor=${cursorOf([new Date().toISOString(), randomUUID()])}`)).statusCode,
      ).toBe(200);
    });

    it("refuses unknown parameters and bad filter values", async () => {
      for (const query of [
        "foo=bar",
        "type=admin",
        "role=superAdmin",
        "licensed=yes",
        "deleted=1",
        `search=${"x".repeat(101)}`,
        "limit=1&limit=2",
      ]) {
        expectProblem(await send("GET", `${base}/users?${query}`), 400, "ValidationFailed");
      }
      expectProblem(await send("GET", `${base}/groups?sort=name`), 400, "ValidationFailed");
      expectProblem(await send("GET", `${base}/auditLog?search=x`), 400, "ValidationFailed");
    });

    it("refuses control characters and broken Unicode in a search; % and \\ are plain text", async () => {
      for (const search of ["%00", "a%00b", "%07", "a%0Ab", "%ED%A0%80"]) {
        const users = await send("GET", `${base}/users?search=${search}`);
        expectWellFormed(users, search);
        const groups = await send("GET", `${base}/groups?search=${search}`);
        expectWellFormed(groups, search);
        if (search !== "%ED%A0%80") {
          expectProblem(users, 400, "ValidationFailed", "querystring.search");
          expectProblem(groups, 400, "ValidationFailed", "querystring.search");
        }
      }
      for (const search of ["%25", "%5C", "%5C%25", "'%3B%20DROP%20TABLE%20%22User%22%3B--"]) {
        const response = await send("GET", `${base}/users?search=${search}`);
        expect(response.statusCode).toBe(200);
        expect(response.json().items).toEqual([]);
      }
    });
  });

  describe("ids in the path", () => {
    const BAD_IDS = [
      "123",
      "not-a-uuid",
      "00000000-0000-0000-0000-00000000000g",
      `${randomUUID()}0`,
      `{${randomUUID()}}`,
      "%27%20OR%201%3D1--",
      "%00",
      "null",
    ];

    const pathRoutes = (): Array<
      [Method, (ids: { tenant: string; user: string; group: string }) => string, unknown?]
    > => [
      ["GET", (i) => `/api/tenants/${i.tenant}/users`],
      [
        "POST",
        (i) => `/api/tenants/${i.tenant}/users`,
        { displayName: "X", email: uniqueEmail("contoso.test"), usageLocation: "NL" },
      ],
      ["GET", (i) => `/api/tenants/${i.tenant}/users/${i.user}`],
      ["PATCH", (i) => `/api/tenants/${i.tenant}/users/${i.user}`, { displayName: "X" }],
      ["DELETE", (i) => `/api/tenants/${i.tenant}/users/${i.user}`],
      ["POST", (i) => `/api/tenants/${i.tenant}/users/${i.user}/restore`],
      ["POST", (i) => `/api/tenants/${i.tenant}/users/${i.user}/resetPassword`, { password: "Valid-password-1" }],
      ["GET", (i) => `/api/tenants/${i.tenant}/users/${i.user}/memberOf`],
      ["GET", (i) => `/api/tenants/${i.tenant}/groups`],
      ["POST", (i) => `/api/tenants/${i.tenant}/groups`, { displayName: `G ${randomUUID()}` }],
      ["GET", (i) => `/api/tenants/${i.tenant}/groups/${i.group}`],
      ["PATCH", (i) => `/api/tenants/${i.tenant}/groups/${i.group}`, { description: "X" }],
      ["DELETE", (i) => `/api/tenants/${i.tenant}/groups/${i.group}`],
      ["GET", (i) => `/api/tenants/${i.tenant}/groups/${i.group}/members`],
      ["POST", (i) => `/api/tenants/${i.tenant}/groups/${i.group}/members`, { userIds: [randomUUID()] }],
      ["DELETE", (i) => `/api/tenants/${i.tenant}/groups/${i.group}/members/${i.user}`],
      ["GET", (i) => `/api/tenants/${i.tenant}/auditLog`],
    ];

    it("a malformed tenant, user or group id is 400 InvalidId on every route, before anything else", async () => {
      const good = { tenant: t.tenants.contoso, user: target.id, group: group.id };
      const auditBefore = await t.db.auditEvent.count();
      for (const [method, url, payload] of pathRoutes()) {
        for (const bad of BAD_IDS) {
          for (const which of ["tenant", "user", "group"] as const) {
            const path = url({ ...good, [which]: bad });
            if (path === url(good)) continue; // the route has no such id
            const response = await send(method, path, payload === undefined ? {} : { payload });
            expectProblem(response, 400, "InvalidId");
          }
        }
      }
      expect(await t.db.auditEvent.count()).toBe(auditBefore);
    });

    it("ids are UUIDs whatever their letter case: upper-case ones reach the same tenant and user", async () => {
      const upper = {
        tenant: t.tenants.contoso.toUpperCase(),
        user: target.id.toUpperCase(),
        group: group.id.toUpperCase(),
      };
      const user = await send("GET", `/api/tenants/${upper.tenant}/users/${upper.user}`);
      expect(user.statusCode, user.body).toBe(200);
      expect(user.json().id).toBe(target.id);
      const members = await send("GET", `/api/tenants/${upper.tenant}/groups/${upper.group}/members`);
      expect(members.statusCode).toBe(200);
    });

    it("an admin cannot delete itself by writing its own id in upper case", async () => {
      const response = await send("DELETE", `${base}/users/${admin.me.user.id.toUpperCase()}`);
      expectProblem(response, 409, "CannotDeleteSelf");
      expect((await t.db.user.findUniqueOrThrow({ where: { id: admin.me.user.id } })).deletedAt).toBeNull();
    });

    it("unknown routes and methods are problem+json 404s", async () => {
      expectProblem(await send("GET", `${base}/nothing-here`), 404, "NotFound");
      expectProblem(await send("PATCH", `${base}/users`, { payload: {} }), 404, "NotFound");
      expectProblem(await send("GET", "/api/nope", { session: null }), 404, "NotFound");
    });
  });

  describe("property-based fuzz", () => {
    /** Strings with the characters that break things: controls, lone surrogates, LIKE and SQL metacharacters. */
    const nastyString = fc
      .array(
        fc.oneof(
          { weight: 5, arbitrary: fc.string({ unit: "binary", maxLength: 3 }) },
          {
            weight: 2,
            arbitrary: fc.constantFrom("\u0000", "%", "_", "\\", "'", '"', ";", "\u202e", "\ufeff", "\u0085", "@", " "),
          },
          { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
        ),
        { maxLength: 30 },
      )
      .map((parts) => parts.join(""));
    const anyValue = fc.oneof(nastyString, fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined));
    const emailish = fc.oneof(
      fc.emailAddress(),
      nastyString,
      nastyString.map((s) => `${s}@contoso.test`),
    );
    const locationish = fc.oneof(fc.constantFrom("NL", "nl", "US", "XX", null, ""), nastyString);
    // Small on purpose (the suite must stay fast); a failure prints the seed and path to replay it.
    const runs = { numRuns: 80 };

    const expectAnswer = (response: LightMyRequestResponse, allowed: number[]) => {
      expectWellFormed(response);
      expect(allowed, response.body.slice(0, 300)).toContain(response.statusCode);
    };

    it("POST /users: arbitrary JSON and near-valid bodies", async () => {
      const body = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.record(
          {
            displayName: anyValue,
            email: emailish,
            usageLocation: locationish,
            userType: anyValue,
            accountEnabled: anyValue,
            password: anyValue,
          },
          { requiredKeys: [] },
        ),
        fc.record({ displayName: nastyString, email: emailish, usageLocation: locationish }),
      );
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const response = await send("POST", `${base}/users`, {
            payload: JSON.stringify(payload ?? null),
            contentType: "application/json",
          });
          expectAnswer(response, [201, 400, 409]);
        }),
        runs,
      );
    });

    it("PATCH /users/:userId: arbitrary JSON and near-valid bodies", async () => {
      const body = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.record(
          { displayName: anyValue, usageLocation: locationish, accountEnabled: anyValue },
          { requiredKeys: [] },
        ),
      );
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const response = await send("PATCH", `${base}/users/${target.id}`, {
            payload: JSON.stringify(payload ?? null),
            contentType: "application/json",
          });
          expectAnswer(response, [200, 400]);
        }),
        runs,
      );
    });

    it("POST /groups: arbitrary JSON and near-valid bodies", async () => {
      const body = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.record({ displayName: fc.oneof(nastyString, anyValue), description: anyValue }, { requiredKeys: [] }),
      );
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const response = await send("POST", `${base}/groups`, {
            payload: JSON.stringify(payload ?? null),
            contentType: "application/json",
          });
          expectAnswer(response, [201, 400, 409]);
        }),
        runs,
      );
    });

    it("POST /api/auth/login: arbitrary JSON and near-valid bodies", async () => {
      const body = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.record({ email: emailish, password: fc.oneof(nastyString, anyValue) }, { requiredKeys: [] }),
      );
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const response = await send("POST", "/api/auth/login", {
            payload: JSON.stringify(payload ?? null),
            contentType: "application/json",
            session: null,
          });
          expectAnswer(response, [400, 401, 423]);
        }),
        runs,
      );
    });

    it("raw strings as JSON bodies", async () => {
      const urls = [`${base}/users`, `${base}/groups`, "/api/auth/login", `${base}/groups/${group.id}/members`];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...urls), fc.string({ unit: "binary", maxLength: 200 }), async (url, raw) => {
          const response = await send("POST", url, {
            payload: raw,
            contentType: "application/json",
            session: url.startsWith("/api/auth") ? null : admin,
          });
          expectAnswer(response, [400, 401, 404, 413]);
        }),
        runs,
      );
    });

    it("arbitrary query strings on the lists", async () => {
      const key = fc.oneof(
        fc.constantFrom("search", "type", "role", "licensed", "deleted", "cursor", "limit"),
        nastyString,
      );
      const query = fc.dictionary(key, nastyString, { maxKeys: 4 });
      await fc.assert(
        fc.asyncProperty(fc.constantFrom("users", "groups", "auditLog"), query, async (list, params) => {
          const search = new URLSearchParams(params).toString();
          const response = await send("GET", `${base}/${list}?${search}`);
          expectAnswer(response, [200, 400]);
        }),
        runs,
      );
    });

    it("arbitrary path ids", async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(nastyString, fc.uuid()), async (id) => {
          // Byte-wise, so lone surrogates survive as the (invalid) UTF-8 a client could send.
          const encoded =
            [...Buffer.from(id, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("") || "x";
          for (const url of [
            `${base}/users/${encoded}`,
            `${base}/groups/${encoded}/members`,
            `/api/tenants/${encoded}/users`,
          ]) {
            expectAnswer(await send("GET", url), [200, 400, 404]);
          }
        }),
        { numRuns: 40 },
      );
    });
  });
});
