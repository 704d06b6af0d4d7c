import { randomUUID } from "node:crypto";
import type { UserImport } from "@allot/contracts";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expireImportPasswords } from "../src/services/user-imports/passwords.js";
import { DAY_MS } from "./fixtures.js";
import { as, createTestApp, login, problem, type Session, type TestApp } from "./helpers.js";

/**
 * "Add multiple users": upload (verify) → preview → apply in the background → results and one-time passwords,
 * with files as people have them, the rights each step needs, and tenant isolation.
 */

let t: TestApp;
let admin: Session;
let sku: Record<string, string>;
const base = () => `/api/tenants/${t.tenants.contoso}/userImports`;
const HEADER = "User Name,First Name,Last Name,Display Name,Job Title,Department,Country or Region";

function upload(session: Session, body: string | Buffer, type = "text/csv", query = "kind=users&fileName=people.csv") {
  return t.app.inject({
    method: "POST",
    url: `${base()}?${query}`,
    headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken, "content-type": type },
    payload: body,
  });
}

const json = (response: LightMyRequestResponse) => response.json() as UserImport;
const unique = () => randomUUID().slice(0, 8);

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, "admin@contoso.test");
  const products = await t.db.product.findMany({ select: { skuId: true, skuPartNumber: true } });
  sku = Object.fromEntries(products.map((p) => [p.skuPartNumber, p.skuId]));
});
afterAll(() => t.close());

describe("upload and verify", () => {
  it("reads a Dutch Excel file (semicolons, BOM, Dutch headers) and checks every row with line and column", async () => {
    const id = unique();
    const text =
      "\uFEFFGebruikersnaam;Voornaam;Achternaam;Weergavenaam;Functie;Land of regio\r\n" +
      `anna.${id}@contoso.test;Anna;de Vries;;"Adviseur; senior";Nederland\r\n` +
      "\r\n" +
      `not-an-email;Bob;Jansen;Bob Jansen;;Nederland\r\n` +
      `carl.${id}@contoso.test;Carl;;;;Atlantis\r\n` +
      `anna.${id}@contoso.test;Anna;Again;Anna Again;;NL\r\n` +
      "admin@fabrikam.test;Fab;Admin;Fab Admin;;NL\r\n" +
      "admin@contoso.test;;;;Boss;\r\n";
    const response = await upload(admin, Buffer.from(text, "utf8"));
    expect(response.statusCode, response.body).toBe(201);
    const created = json(response);
    expect(created).toMatchObject({ status: "verified", encoding: "utf-8", delimiter: "semicolon", rowCount: 6 });
    const codes = created.problems.map((p) => `${p.line}:${p.column ?? ""}:${p.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        "4:Gebruikersnaam:InvalidEmail",
        "5:Land of regio:UnknownCountry",
        "5:Weergavenaam:Required",
        "6:Gebruikersnaam:DuplicateUserName",
        "7:Gebruikersnaam:UserNameTaken",
      ]),
    );
    expect(created.problemRowCount).toBe(4);
    const rows = await as(t.app, admin).get(`${base()}/${created.id}/rows`);
    const byLine = new Map(rows.json().items.map((r: { line: number }) => [r.line, r]));
    expect(byLine.get(2)).toMatchObject({ action: "create", displayName: "Anna de Vries" });
    expect(byLine.get(8)).toMatchObject({ action: "update", changes: [expect.stringContaining("Job title")] });
    const log = await as(t.app, admin).get(`${base()}/${created.id}/problems/export?delimiter=semicolon`);
    expect(log.statusCode).toBe(200);
    expect(log.body).toContain("Line;Column;Code;Message");
    expect(log.body).toContain("5;Land of regio;UnknownCountry;");
  });

  it("reads Windows-1252 (Jürgen Müller) and quoted line breaks", async () => {
    const id = unique();
    const text = `${HEADER}\r\njurgen.${id}@contoso.test,Jürgen,Müller,,"Head of\r\nthings",Sales,Germany\r\n`;
    const response = await upload(admin, Buffer.from(text, "latin1"), "application/octet-stream");
    expect(response.statusCode, response.body).toBe(201);
    expect(json(response)).toMatchObject({ encoding: "windows-1252", delimiter: "comma", rowCount: 1, problems: [] });
    const rows = await as(t.app, admin).get(`${base()}/${json(response).id}/rows`);
    expect(rows.json().items[0]).toMatchObject({ line: 2, displayName: "Jürgen Müller", action: "create" });
  });

  it("refuses files it cannot read: 422 naming the line, 413 over the size limit, never a 500", async () => {
    const unterminated = await upload(admin, `${HEADER}\nx@contoso.test,"open,,,,,\n`);
    expect(unterminated.statusCode).toBe(422);
    expect(problem(unterminated).code).toBe("InvalidCsvFile");
    expect(unterminated.json().detail).toContain("Line 2");
    const noUserName = await upload(admin, "Name,Email\na,b\n");
    expect(problem(noUserName).code).toBe("InvalidCsvFile");
    const binary = await upload(admin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
    expect(problem(binary).code).toBe("InvalidCsvFile");
    const empty = await upload(admin, "");
    expect([415, 422, 400]).toContain(empty.statusCode);
    const many = `${HEADER}\n${"a@b.c,,,,,,\n".repeat(50_001)}`;
    const tooMany = await upload(admin, many);
    expect(tooMany.statusCode).toBe(422);
    expect(problem(tooMany).code).toBe("TooManyRows");
    const huge = await upload(admin, Buffer.alloc(32 * 1024 * 1024 + 1, 0x41));
    expect(huge.statusCode).toBe(413);
    expect(problem(huge).code).toBe("PayloadTooLarge");
    // A license assignment file needs its Product column.
    const licenses = await upload(admin, "User Name,Email\na@contoso.test,b\n", "text/csv", "kind=licenses");
    expect(problem(licenses).code).toBe("InvalidCsvFile");
  });
});

async function waitUntilDone(id: string): Promise<UserImport> {
  await t.app.userImports.settled(id);
  return json(await as(t.app, admin).get(`${base()}/${id}`));
}

describe("preview, apply, results, passwords", () => {
  it("creates users with licenses, refuses those beyond the free seats, hands out passwords once", async () => {
    const id = unique();
    // Exchange Online (Plan 1) has 20 free seats in Contoso: 22 new users, 2 refused.
    const lines = Array.from({ length: 22 }, (_, i) => `new${i}.${id}@contoso.test,New,Person${i},,Clerk,Ops,NL`);
    const up = json(await upload(admin, `${HEADER}\n${lines.join("\n")}\nadmin@contoso.test,,,,Chief,,\n`));
    const early = await as(t.app, admin).post(`${base()}/${up.id}/apply`);
    expect(early.statusCode).toBe(409);
    expect(problem(early).code).toBe("ImportNotPreviewed");
    const options = { accountEnabled: false, usageLocation: "NL", licenses: [{ skuId: sku.EXCHANGESTANDARD }] };
    const preview = await as(t.app, admin).post(`${base()}/${up.id}/preview`, options);
    expect(preview.statusCode, preview.body).toBe(200);
    const previewed = json(preview);
    expect(previewed.status).toBe("previewed");
    expect(previewed.preview?.counts).toMatchObject({ create: 20, update: 1, refuse: 2 });
    expect(previewed.preview?.seats).toEqual([
      expect.objectContaining({ skuId: sku.EXCHANGESTANDARD, availableBefore: 20, availableAfter: 0 }),
    ]);
    const refused = await as(t.app, admin).get(`${base()}/${up.id}/rows?action=refuse`);
    expect(refused.json().items.map((r: { problems: Array<{ code: string }> }) => r.problems[0]?.code)).toEqual([
      "CountViolation",
      "CountViolation",
    ]);
    const apply = await as(t.app, admin).post(`${base()}/${up.id}/apply`);
    expect(apply.statusCode, apply.body).toBe(202);
    expect(json(apply)).toMatchObject({ status: "applying", progress: { done: 0, total: 21 } });
    const twice = await as(t.app, admin).post(`${base()}/${up.id}/apply`);
    expect(problem(twice).code).toBe("ImportAlreadyApplied");
    const done = await waitUntilDone(up.id);
    expect(done).toMatchObject({
      status: "completed",
      progress: { done: 21, total: 21 },
      outcomes: { succeeded: 21, failed: 0, skipped: 2 },
      passwordsAvailable: true,
    });
    const created = await t.db.user.findMany({
      where: { email: { endsWith: `.${id}@contoso.test` } },
      include: { licenseAssignments: true },
    });
    expect(created).toHaveLength(20);
    for (const user of created) {
      expect(user).toMatchObject({ accountEnabled: false, usageLocation: "NL", country: "NL", jobTitle: "Clerk" });
      expect(user.passwordChangeRequired).toBe(true);
      expect(user.licenseAssignments).toHaveLength(1);
    }
    const chief = await t.db.user.findUniqueOrThrow({ where: { email: "admin@contoso.test" } });
    expect(chief.jobTitle).toBe("Chief");
    const results = await as(t.app, admin).get(`${base()}/${up.id}/results/export`);
    expect(results.body).toContain("Line,User Name,Display Name,Action,Changes,Outcome,Error code,Error message");
    expect(results.body).toContain("succeeded");
    const passwords = await as(t.app, admin).post(`${base()}/${up.id}/passwords`);
    expect(passwords.statusCode, passwords.body).toBe(200);
    const items = passwords.json().items as Array<{ userPrincipalName: string; password: string }>;
    expect(items).toHaveLength(20);
    expect(results.body).not.toContain(items[0]?.password);
    const again = await as(t.app, admin).post(`${base()}/${up.id}/passwords`);
    expect(again.statusCode).toBe(410);
    expect(problem(again).code).toBe("PasswordsAlreadyRetrieved");
    expect(await t.db.userImportRow.count({ where: { importId: up.id, password: { not: null } } })).toBe(0);
    const events = await t.db.auditEvent.count({
      where: { action: "user.created", targetId: { in: created.map((u) => u.id) } },
    });
    expect(events).toBe(20);
  });

  it("the license rules judge the options for new users (a missing prerequisite refuses them), and no location", async () => {
    const id = unique();
    const up = json(
      await upload(admin, `${HEADER}\nrule.${id}@contoso.test,Rule,Case,,,,\nadmin@contoso.test,First,Last,,,,\n`),
    );
    const archive = { licenses: [{ skuId: sku.EXCHANGEARCHIVE_ADDON }] };
    const dependency = json(
      await as(t.app, admin).post(`${base()}/${up.id}/preview`, { ...archive, usageLocation: "NL" }),
    );
    expect(dependency.preview?.counts).toMatchObject({ create: 0, refuse: 1, update: 1 });
    // An existing user named by first and last name only gets them, and keeps its display name.
    const update = await as(t.app, admin).get(`${base()}/${up.id}/rows?action=update`);
    expect(update.json().items[0].changes).toEqual(["First name: (none) → First", "Last name: (none) → Last"]);
    const rows = await as(t.app, admin).get(`${base()}/${up.id}/rows?action=refuse`);
    expect(rows.json().items[0].problems).toEqual([expect.objectContaining({ code: "DependencyViolation" })]);
    const located = json(await as(t.app, admin).post(`${base()}/${up.id}/preview`, archive));
    const again = await as(t.app, admin).get(`${base()}/${up.id}/rows?action=refuse`);
    expect(located.preview?.counts.refuse).toBe(1);
    expect(again.json().items[0].problems).toEqual([expect.objectContaining({ code: "UsageLocationRequired" })]);
    // Without licenses the same row is created again: the preview's own problems go with other options.
    const plain = json(await as(t.app, admin).post(`${base()}/${up.id}/preview`, {}));
    expect(plain.preview?.counts).toMatchObject({ create: 1, refuse: 0 });
  });

  it("a created user signs in with the one-time password and must change it", async () => {
    const id = unique();
    const up = json(await upload(admin, `${HEADER}\nsignin.${id}@contoso.test,Sign,In,,,,\n`));
    await as(t.app, admin).post(`${base()}/${up.id}/preview`, {});
    await as(t.app, admin).post(`${base()}/${up.id}/apply`);
    await waitUntilDone(up.id);
    const [entry] = (await as(t.app, admin).post(`${base()}/${up.id}/passwords`)).json().items;
    const stored = await t.db.user.findUniqueOrThrow({ where: { email: `signin.${id}@contoso.test` } });
    expect(stored.passwordHash).toMatch(/^sha256\$/);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: entry.userPrincipalName, password: entry.password },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().user.passwordChangeRequired).toBe(true);
    const cookie = response.cookies.find((c) => c.name === "allot_session");
    const blocked = await t.app.inject({
      method: "GET",
      url: `/api/tenants/${t.tenants.contoso}/users`,
      headers: { cookie: `allot_session=${cookie?.value}` },
    });
    expect(problem(blocked).code).toBe("PasswordChangeRequired");
  });
});

describe("applying at scale and under change", () => {
  it("applies chunk by chunk with progress to completion (600 rows, three chunks)", async () => {
    const id = unique();
    const lines = Array.from({ length: 600 }, (_, i) => `bulk${i}.${id}@contoso.test;Bulk;User${i};;;;`);
    const header = HEADER.replaceAll(",", ";");
    const up = json(await upload(admin, `\uFEFF${header}\r\n${lines.join("\r\n")}\r\n`));
    expect(up).toMatchObject({ rowCount: 600, problemRowCount: 0 });
    await as(t.app, admin).post(`${base()}/${up.id}/preview`, { usageLocation: "NL" });
    await as(t.app, admin).post(`${base()}/${up.id}/apply`);
    const done = await waitUntilDone(up.id);
    expect(done).toMatchObject({ status: "completed", progress: { done: 600, total: 600 } });
    expect(done.outcomes).toEqual({ succeeded: 600, failed: 0, skipped: 0 });
    expect(await t.db.user.count({ where: { email: { endsWith: `.${id}@contoso.test` } } })).toBe(600);
    const page = await as(t.app, admin).get(`${base()}/${up.id}/rows?outcome=succeeded&limit=200`);
    expect(page.json().items).toHaveLength(200);
    expect(page.json().nextCursor).not.toBeNull();
    const finished = await t.db.auditEvent.count({ where: { action: "userImport.finished", targetId: up.id } });
    expect(finished).toBe(1);
  });

  it("a seat taken between preview and apply fails that row (CountViolation); the user is not created", async () => {
    const id = unique();
    const product = await t.db.product.findUniqueOrThrow({ where: { skuId: sku.EXCHANGEENTERPRISE } });
    const up = json(await upload(admin, `${HEADER}\nlate.${id}@contoso.test,Late,Comer,,,,\n`));
    const preview = await as(t.app, admin).post(`${base()}/${up.id}/preview`, {
      usageLocation: "NL",
      licenses: [{ skuId: sku.EXCHANGEENTERPRISE }],
    });
    expect(json(preview).preview?.counts.create).toBe(1);
    // The seats shrink to what is used before the import is applied.
    const used = await t.db.tenantProduct.findUniqueOrThrow({
      where: { tenantId_productId: { tenantId: t.tenants.contoso, productId: product.id } },
    });
    await t.db.subscription.updateMany({
      where: { tenantId: t.tenants.contoso, productId: product.id },
      data: { seats: used.consumedUnits },
    });
    await as(t.app, admin).post(`${base()}/${up.id}/apply`);
    const done = await waitUntilDone(up.id);
    expect(done.outcomes).toEqual({ succeeded: 0, failed: 1, skipped: 0 });
    const rows = await as(t.app, admin).get(`${base()}/${up.id}/rows?outcome=failed`);
    expect(rows.json().items[0]).toMatchObject({ line: 2, error: { code: "CountViolation" }, userId: null });
    expect(await t.db.user.count({ where: { email: `late.${id}@contoso.test` } })).toBe(0);
    expect(done.passwordsAvailable).toBe(false);
  });

  it("passwords not retrieved within 24 hours are wiped (410)", async () => {
    const up = json(await upload(admin, `${HEADER}\nold.${unique()}@contoso.test,Old,One,,,,\n`));
    await as(t.app, admin).post(`${base()}/${up.id}/preview`, {});
    await as(t.app, admin).post(`${base()}/${up.id}/apply`);
    expect((await waitUntilDone(up.id)).passwordsAvailable).toBe(true);
    await t.db.userImport.update({ where: { id: up.id }, data: { completedAt: new Date(Date.now() - DAY_MS - 1) } });
    await expireImportPasswords(t.db, new Date());
    expect(await t.db.userImportRow.count({ where: { importId: up.id, password: { not: null } } })).toBe(0);
    const late = await as(t.app, admin).post(`${base()}/${up.id}/passwords`);
    expect(late.statusCode).toBe(410);
    expect(problem(late).code).toBe("PasswordsAlreadyRetrieved");
  });
});

describe("rights and isolation", () => {
  it("a license admin may not upload users; a billing admin may neither preview, apply nor read passwords", async () => {
    const licenses = await login(t.app, "licenses@contoso.test");
    const refused = await upload(licenses, `${HEADER}\nx.${unique()}@contoso.test,A,B,,,,\n`);
    expect(refused.statusCode).toBe(403);
    const billing = await login(t.app, "billing@contoso.test");
    const up = json(await upload(admin, `${HEADER}\nx.${unique()}@contoso.test,A,B,,,,\n`));
    expect((await as(t.app, billing).post(`${base()}/${up.id}/preview`, {})).statusCode).toBe(403);
    expect((await as(t.app, billing).post(`${base()}/${up.id}/apply`)).statusCode).toBe(403);
    expect((await as(t.app, billing).post(`${base()}/${up.id}/passwords`)).statusCode).toBe(403);
    // Reading is the directory's right, which a billing admin has.
    expect((await as(t.app, billing).get(`${base()}/${up.id}`)).statusCode).toBe(200);
    const maker = await login(t.app, "maker@contoso.test");
    expect((await as(t.app, maker).get(`${base()}/${up.id}`)).statusCode).toBe(403);
  });

  it("another tenant's import is unknown (404)", async () => {
    const up = json(await upload(admin, `${HEADER}\nx.${unique()}@contoso.test,A,B,,,,\n`));
    const fabrikam = await login(t.app, "admin@fabrikam.test");
    const url = `/api/tenants/${t.tenants.fabrikam}/userImports/${up.id}`;
    expect((await as(t.app, fabrikam).get(url)).statusCode).toBe(404);
    expect((await as(t.app, fabrikam).post(`${url}/preview`, {})).statusCode).toBe(404);
    const list = await as(t.app, fabrikam).get(`/api/tenants/${t.tenants.fabrikam}/userImports`);
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(up.id);
  });

  it("the template comes with English or Dutch headers and optional sample rows", async () => {
    const url = `/api/tenants/${t.tenants.contoso}/users/importTemplate`;
    const en = await as(t.app, admin).get(url);
    expect(en.body.replace("\uFEFF", "").trim()).toBe(
      "User Name,First Name,Last Name,Display Name,Job Title,Department,Office Number,Office Phone,Mobile Phone,Fax,Alternate email address,Address,City,State or Province,ZIP or Postal Code,Country or Region",
    );
    const nl = await as(t.app, admin).get(`${url}?language=nl&samples=true&delimiter=semicolon`);
    expect(nl.body).toContain("Gebruikersnaam;Voornaam");
    expect(nl.body.trim().split("\r\n")).toHaveLength(3);
  });
});
