import { randomUUID } from "node:crypto";
import { USER_EXPORT_COLUMNS, type User } from "@allot/contracts";
import { parse } from "csv-parse/sync";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditOf, makeUser, uniqueEmail } from "./fixtures.js";
import { as, createTestApp, login, problem, type Session, type TestApp } from "./helpers.js";

/**
 * The directory fields of Microsoft 365's "Add multiple users" template on users: created, edited, cleared and
 * refused through the API, filtered on in the Active users list (and its ids), and written by "Export users".
 */

let t: TestApp;
let admin: Session;
let api: ReturnType<typeof as>;
let base: string;
/** Keeps this file's departments and cities apart from the demo data and from other runs. */
const tag = randomUUID().slice(0, 8);

const FULL = {
  givenName: "Jürgen",
  surname: "Müller",
  jobTitle: "Sales Manager",
  department: `Sales ${tag}`,
  officeLocation: "B-2.14",
  businessPhone: "+31 20 123 4567",
  mobilePhone: "+31 6 1234 5678",
  faxNumber: "+31 20 123 4568",
  alternateEmail: "Juergen.Private@Example.COM",
  streetAddress: "Damrak 1",
  city: `Amsterdam ${tag}`,
  state: "Noord-Holland",
  postalCode: "1012 LG",
  country: "nl",
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, "admin@contoso.test");
  api = as(t.app, admin);
  base = `/api/tenants/${t.tenants.contoso}`;
});
afterAll(() => t?.close());

async function create(body: Record<string, unknown>): Promise<User> {
  const response = await api.post(`${base}/users`, {
    displayName: `Directory ${randomUUID().slice(0, 8)}`,
    email: uniqueEmail("contoso.test", "dir"),
    usageLocation: "NL",
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as User;
}

const nulls = Object.fromEntries(Object.keys(FULL).map((field) => [field, null]));

describe("create, read, update", () => {
  it("creates a user with every directory field, normalised (country upper-case, email lower-case)", async () => {
    const created = await create(FULL);
    const expected = { ...FULL, country: "NL", alternateEmail: "juergen.private@example.com" };
    expect(created).toMatchObject(expected);
    const read = await api.get(`${base}/users/${created.id}`);
    expect(read.json()).toMatchObject(expected);
    // The list shows them too (its own SQL statement).
    const listed = (await api.get(`${base}/users?search=${encodeURIComponent(created.displayName)}`)).json();
    expect(listed.items[0]).toMatchObject(expected);
  });

  it("leaves fields a request does not name null, and answers them as null", async () => {
    const created = await create({});
    expect(created).toMatchObject(nulls);
  });

  it("updates some fields, clears one with null, keeps the rest; the audit event shows the changed fields", async () => {
    const created = await create(FULL);
    const response = await api.patch(`${base}/users/${created.id}`, {
      jobTitle: "Head of Sales",
      department: null,
      country: "be",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      ...FULL,
      jobTitle: "Head of Sales",
      department: null,
      country: "BE",
      alternateEmail: "juergen.private@example.com",
    });
    const [event] = await auditOf(t.db, response, "user.updated");
    expect(event?.before).toMatchObject({ jobTitle: "Sales Manager", department: FULL.department, country: "NL" });
    expect(event?.after).toMatchObject({ jobTitle: "Head of Sales", department: null, country: "BE" });
    // Fields the request left out are not in the event.
    expect(event?.after).not.toHaveProperty("city");
  });

  it("refuses bad values with a 400 naming the field, and changes nothing", async () => {
    const created = await create(FULL);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ country: "XX" }, "body.country"],
      [{ country: "Netherlands" }, "body.country"],
      [{ alternateEmail: "not-an-email" }, "body.alternateEmail"],
      [{ department: "x".repeat(65) }, "body.department"],
      [{ givenName: "" }, "body.givenName"],
      [{ givenName: "   " }, "body.givenName"],
      [{ city: "Line\nbreak" }, "body.city"],
      [{ jobTitle: 42 }, "body.jobTitle"],
    ];
    for (const [body, path] of cases) {
      const response = await api.patch(`${base}/users/${created.id}`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      const answer = problem(response);
      expect(answer.code).toBe("ValidationFailed");
      expect(answer.errors?.map((error) => error.path)).toContain(path);
    }
    const refused = await api.post(`${base}/users`, {
      displayName: "Bad Country",
      email: uniqueEmail("contoso.test", "dir"),
      usageLocation: "NL",
      country: "ZZ",
    });
    expect(refused.statusCode).toBe(400);
    expect(problem(refused).errors?.map((error) => error.path)).toContain("body.country");
    expect((await api.get(`${base}/users/${created.id}`)).json()).toMatchObject({
      ...FULL,
      country: "NL",
      alternateEmail: "juergen.private@example.com",
    });
  });
});

describe("filters", () => {
  let sales: User;
  let salesLower: User;
  let support: User;

  beforeAll(async () => {
    sales = await create({ department: `Team ${tag}`, jobTitle: "Buyer", city: `Utrecht ${tag}`, country: "NL" });
    salesLower = await create({ department: `TEAM ${tag}`, city: `Gent ${tag}`, country: "BE" });
    support = await create({ department: `Support ${tag}`, jobTitle: "Buyer", officeLocation: `Hall ${tag}` });
  });

  const ids = async (query: string, path = "users") => {
    const response = await api.get(`${base}/${path}?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { items?: User[]; ids?: string[] };
    return new Set(body.ids ?? body.items?.map((user) => user.id));
  };

  it("matches a department exactly, ignoring letter case", async () => {
    const found = await ids(`department=${encodeURIComponent(`team ${tag}`)}&limit=200`);
    expect(found.has(sales.id)).toBe(true);
    expect(found.has(salesLower.id)).toBe(true);
    expect(found.has(support.id)).toBe(false);
    // Part of a name is not a match.
    expect((await ids(`department=${encodeURIComponent("Team")}&limit=200`)).has(sales.id)).toBe(false);
  });

  it("filters on job title, city, office and country, combined with AND and with the other filters", async () => {
    expect(await ids(`jobTitle=buyer&city=${encodeURIComponent(`UTRECHT ${tag}`)}`)).toEqual(new Set([sales.id]));
    expect(await ids(`officeLocation=${encodeURIComponent(`hall ${tag}`)}`)).toEqual(new Set([support.id]));
    expect(await ids(`country=be&department=${encodeURIComponent(`team ${tag}`)}`)).toEqual(new Set([salesLower.id]));
    expect(await ids(`country=BE&department=${encodeURIComponent(`Support ${tag}`)}`)).toEqual(new Set());
    expect(await ids(`jobTitle=buyer&city=${encodeURIComponent(`utrecht ${tag}`)}&type=guest`)).toEqual(new Set());
  });

  it("applies the same filters to users/ids", async () => {
    expect(await ids(`department=${encodeURIComponent(`TEAM ${tag}`)}`, "users/ids")).toEqual(
      new Set([sales.id, salesLower.id]),
    );
  });

  it("refuses a country that is not an ISO code and an empty or too long filter", async () => {
    for (const query of ["country=Netherlands", "country=XX", "department=", `city=${"x".repeat(129)}`]) {
      for (const path of ["users", "users/ids", "users/export"]) {
        const response = await api.get(`${base}/${path}?${query}`);
        expect(response.statusCode, `${path}?${query}`).toBe(400);
        expect(problem(response).code).toBe("ValidationFailed");
      }
    }
  });
});

/** Reads an export strictly: BOM, CRLF, every record the header's width. */
function records(response: LightMyRequestResponse, delimiter = ","): string[][] {
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
  expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(response.rawPayload, { bom: true, delimiter, record_delimiter: "\r\n" }) as string[][];
}

describe("export", () => {
  it("writes the template's columns then the account's, for the users the filter selects", async () => {
    const user = await create({ ...FULL, department: `Export ${tag}`, assignedLicenses: [] });
    const other = await create({ department: `Export other ${tag}` });
    await t.db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date("2026-01-02T03:04:05Z") } });
    const response = await api.get(`${base}/users/export?department=${encodeURIComponent(`export ${tag}`)}`);
    const [header, ...rows] = records(response);
    expect(header).toEqual([...USER_EXPORT_COLUMNS]);
    expect(header?.slice(0, 16).join(",")).toBe(
      "User Name,First Name,Last Name,Display Name,Job Title,Department,Office Number,Office Phone,Mobile " +
        "Phone,Fax,Alternate email address,Address,City,State or Province,ZIP or Postal Code,Country or Region",
    );
    expect(header?.slice(16)).toEqual([
      "Usage location",
      "User type",
      "Sign-in allowed",
      "Licenses",
      "Last sign-in",
      "Created",
    ]);
    expect(rows).toEqual([
      [
        user.email,
        "Jürgen",
        "Müller",
        user.displayName,
        "Sales Manager",
        `Export ${tag}`,
        "B-2.14",
        // A phone number starting with + is neutralised against spreadsheet formulas.
        "'+31 20 123 4567",
        "'+31 6 1234 5678",
        "'+31 20 123 4568",
        "juergen.private@example.com",
        "Damrak 1",
        `Amsterdam ${tag}`,
        "Noord-Holland",
        "1012 LG",
        "NL",
        "NL",
        "Member",
        "Yes",
        "",
        "2026-01-02T03:04:05.000Z",
        user.createdAt,
      ],
    ]);
    expect(rows.flat()).not.toContain(other.email);
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="users-contoso\.test-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
  });

  it("lists licenses by skuPartNumber, follows the semicolon delimiter, and walks every matching user", async () => {
    const licensed = await t.db.user.findFirstOrThrow({
      where: {
        tenantId: t.tenants.contoso,
        deletedAt: null,
        licenseAssignments: { some: { state: { not: "error" } } },
      },
      select: { id: true, email: true },
    });
    const response = await api.get(`${base}/users/export?delimiter=semicolon`);
    const [header, ...rows] = records(response, ";");
    expect(header).toHaveLength(USER_EXPORT_COLUMNS.length);
    const live = await t.db.user.count({ where: { tenantId: t.tenants.contoso, deletedAt: null } });
    expect(rows).toHaveLength(live);
    const row = rows.find((cells) => cells[0] === licensed.email);
    expect(row?.[19]).toMatch(/^[A-Z0-9_]+(\+[A-Z0-9_]+)*$/);
  });

  it("needs the directory read right; another tenant's users are 404; an unknown skuId is 404", async () => {
    const maker = await login(t.app, "maker@contoso.test");
    const forbidden = await as(t.app, maker).get(`${base}/users/export`);
    expect(forbidden.statusCode).toBe(403);
    expect(problem(forbidden).code).toBe("Forbidden");

    const fabrikam = await login(t.app, "admin@fabrikam.test");
    const foreign = await as(t.app, fabrikam).get(`${base}/users/export`);
    expect(foreign.statusCode).toBe(404);
    expect(problem(foreign).code).toBe("NotFound");

    const unknownSku = await api.get(`${base}/users/export?skuId=${randomUUID()}`);
    expect(unknownSku.statusCode).toBe(404);

    const anonymous = await t.app.inject({ method: "GET", url: `${base}/users/export` });
    expect(anonymous.statusCode).toBe(401);
  });

  it("never shows another tenant's users, whatever the filter", async () => {
    const outsider = await makeUser(t.db, t.tenants.fabrikam, { displayName: `Outsider ${tag}` });
    await t.db.user.update({ where: { id: outsider.id }, data: { department: `Sales ${tag}` } });
    const body = (await api.get(`${base}/users/export?department=${encodeURIComponent(`Sales ${tag}`)}`)).body;
    expect(body).not.toContain(outsider.email);
  });
});
