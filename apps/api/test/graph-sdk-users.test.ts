import { randomUUID } from "node:crypto";
import type { Client } from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "./fixtures.js";
import { assignLicense } from "./graph-sdk-example.js";
import { graphFailure, type SdkSuite, startSdkSuite } from "./graph-sdk-setup.js";
import { type RegisteredApp, registerApp } from "./graph-tokens.js";
import { as, type CatalogRow, catalogBySku } from "./helpers.js";

/**
 * The official Graph SDK on Allot's users: read by id and by userPrincipalName, create with Graph's body, change,
 * delete; assignLicense and every refusal as the SDK's GraphError with Graph's status and code and Allot's reason in
 * the body's details; permissions and secret revocation.
 */

let suite: SdkSuite;
let admin: RegisteredApp;
let client: Client;
let catalog: Record<string, CatalogRow>;

const skuOf = (part: string) => (catalog[part] as CatalogRow).skuId;
const add = (...skuIds: string[]) => ({
  addLicenses: skuIds.map((skuId) => ({ skuId, disabledPlans: [] })),
  removeLicenses: [],
});

beforeAll(async () => {
  suite = await startSdkSuite();
  catalog = await catalogBySku(suite.t.db);
  admin = await registerApp(suite.t.app, suite.admin, suite.t.tenants.contoso, [
    "User.ReadWrite.All",
    "LicenseAssignment.ReadWrite.All",
  ]);
  client = suite.sdk(admin);
});
afterAll(() => suite.close());

describe("users", () => {
  it("reads a user by id and by userPrincipalName (any letter case)", async () => {
    const user = await makeUser(suite.t.db, suite.t.tenants.contoso, { displayName: "Read Me" });
    const byId = await client.api(`/users/${user.id}`).get();
    expect(byId).toMatchObject({ id: user.id, displayName: "Read Me", userPrincipalName: user.email });
    const byName = await client.api(`/users/${user.email.toUpperCase()}`).get();
    expect(byName).toMatchObject({ id: user.id, userPrincipalName: user.email });
    const missing = await graphFailure(client.api(`/users/${randomUUID()}`).get());
    expect(missing).toMatchObject({ statusCode: 404, code: "Request_ResourceNotFound" });
  });

  it("creates a user with Graph's body, changes it (204) and deletes it (204)", async () => {
    const upn = `sdk-${randomUUID().slice(0, 8)}@contoso.test`;
    const created = await client.api("/users").post({
      accountEnabled: true,
      displayName: "Adele Vance",
      mailNickname: "adelev",
      userPrincipalName: upn,
      passwordProfile: { forceChangePasswordNextSignIn: true, password: "Sdk-created-2026!" },
      usageLocation: "NL",
    });
    expect(created).toMatchObject({ displayName: "Adele Vance", userPrincipalName: upn, mail: upn });
    const id = created.id as string;
    const stored = await suite.t.db.user.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      email: upn,
      usageLocation: "NL",
      accountEnabled: true,
      passwordChangeRequired: true,
    });

    // The SDK resolves a 204 to undefined.
    expect(
      await client.api(`/users/${id}`).patch({ displayName: "Adele V.", usageLocation: "BE", accountEnabled: false }),
    ).toBeUndefined();
    expect(await client.api(`/users/${upn}`).select(["displayName", "usageLocation", "accountEnabled"]).get()).toEqual(
      expect.objectContaining({ id, displayName: "Adele V.", usageLocation: "BE", accountEnabled: false }),
    );
    const refused = await graphFailure(client.api(`/users/${id}`).patch({ employeeId: "E-1" }));
    expect(refused).toMatchObject({ statusCode: 400, code: "Request_BadRequest" });

    expect(await client.api(`/users/${upn}`).delete()).toBeUndefined();
    expect((await suite.t.db.user.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
    const gone = await graphFailure(client.api(`/users/${id}`).get());
    expect(gone).toMatchObject({ statusCode: 404, code: "Request_ResourceNotFound" });
    const taken = await graphFailure(
      client.api("/users").post({
        accountEnabled: true,
        displayName: "Same name",
        mailNickname: "admin",
        userPrincipalName: "admin@contoso.test",
        passwordProfile: { password: "Sdk-created-2026!" },
      }),
    );
    expect(taken).toMatchObject({ statusCode: 400, code: "Request_BadRequest" });
    expect(taken.error.details[0]?.code).toBe("EmailTaken");
  });
});

describe("assignLicense", () => {
  it("adds and removes licenses and answers the user with them", async () => {
    const user = await makeUser(suite.t.db, suite.t.tenants.contoso);
    // Graph answers the user with its default properties, as Graph does.
    const answered = await client.api(`/users/${user.id}/assignLicense`).post(add(skuOf("POWER_BI_PRO")));
    expect(answered).toMatchObject({ id: user.id, userPrincipalName: user.email });
    const selected = await client.api(`/users/${user.id}`).select("assignedLicenses").get();
    expect(selected.assignedLicenses).toEqual([{ skuId: skuOf("POWER_BI_PRO"), disabledPlans: [] }]);
    const details = await client.api(`/users/${user.email}/licenseDetails`).get();
    expect(details.value.map((detail: { skuId: string }) => detail.skuId)).toEqual([skuOf("POWER_BI_PRO")]);
    await client
      .api(`/users/${user.id}/assignLicense`)
      .post({ addLicenses: [], removeLicenses: [skuOf("POWER_BI_PRO")] });
    expect((await client.api(`/users/${user.id}`).select("assignedLicenses").get()).assignedLicenses).toEqual([]);
    expect(await suite.t.db.licenseAssignment.count({ where: { userId: user.id } })).toBe(0);
  });

  /** A refusal, as the SDK throws it: Graph's 400 Request_BadRequest with Allot's reason and the skuId in details. */
  async function refusal(user: string, body: ReturnType<typeof add>) {
    const failure = await graphFailure(client.api(`/users/${user}/assignLicense`).post(body));
    expect(failure).toMatchObject({ statusCode: 400, code: "Request_BadRequest" });
    return failure.error.details[0];
  }

  it("CountViolation: a product with no free seat", async () => {
    const visio = await suite.t.db.tenantProduct.findFirstOrThrow({
      where: { tenantId: suite.t.tenants.contoso, product: { skuPartNumber: "VISIOCLIENT" } },
    });
    const seats = await suite.t.db.subscription.aggregate({
      where: { tenantId: suite.t.tenants.contoso, productId: visio.productId, state: "active" },
      _sum: { seats: true },
    });
    expect(visio.consumedUnits).toBe(seats._sum.seats);
    const user = await makeUser(suite.t.db, suite.t.tenants.contoso);
    expect(await refusal(user.id, add(skuOf("VISIOCLIENT")))).toMatchObject({
      code: "CountViolation",
      target: skuOf("VISIOCLIENT"),
    });
  });

  it("UsageLocationRequired: a user without a usage location", async () => {
    const user = await makeUser(suite.t.db, suite.t.tenants.contoso, { usageLocation: null });
    expect(await refusal(user.email, add(skuOf("POWER_BI_PRO")))).toMatchObject({
      code: "UsageLocationRequired",
      target: skuOf("POWER_BI_PRO"),
    });
  });

  it("MutuallyExclusiveViolation and DependencyViolation: Exchange plans exclude each other, archiving needs one", async () => {
    const user = await makeUser(suite.t.db, suite.t.tenants.contoso);
    expect(await refusal(user.id, add(skuOf("EXCHANGEARCHIVE_ADDON")))).toMatchObject({
      code: "DependencyViolation",
      target: skuOf("EXCHANGEARCHIVE_ADDON"),
    });
    await client.api(`/users/${user.id}/assignLicense`).post(add(skuOf("EXCHANGESTANDARD")));
    // The target is one of the two products that clash (the same whichever is added first); the message names both.
    const clash = await refusal(user.id, add(skuOf("EXCHANGEENTERPRISE")));
    expect(clash).toMatchObject({ code: "MutuallyExclusiveViolation" });
    expect([skuOf("EXCHANGESTANDARD"), skuOf("EXCHANGEENTERPRISE")]).toContain(clash?.target);
    expect(clash?.message).toMatch(/EXCHANGESTANDARD/);
    expect(clash?.message).toMatch(/EXCHANGEENTERPRISE/);
    // With an Exchange plan the add-on applies; nothing was assigned by the refusals.
    await client.api(`/users/${user.id}/assignLicense`).post(add(skuOf("EXCHANGEARCHIVE_ADDON")));
    const held = await client.api(`/users/${user.id}`).select("assignedLicenses").get();
    expect(held.assignedLicenses.map((license: { skuId: string }) => license.skuId).sort()).toEqual(
      [skuOf("EXCHANGESTANDARD"), skuOf("EXCHANGEARCHIVE_ADDON")].sort(),
    );
  });

  it("an unknown skuId is Graph's 400, not the 404 of a missing user, with the skuId as the target", async () => {
    const user = await makeUser(suite.t.db, suite.t.tenants.contoso);
    const unknown = randomUUID();
    expect(await refusal(user.id, add(skuOf("POWER_BI_PRO"), unknown))).toMatchObject({
      code: "NotFound",
      target: unknown,
    });
    expect(await suite.t.db.licenseAssignment.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a user of another tenant is not found: 404 Request_ResourceNotFound, and nothing is assigned", async () => {
    const stranger = await makeUser(suite.t.db, suite.t.tenants.fabrikam);
    for (const ref of [stranger.id, stranger.email]) {
      const failure = await graphFailure(client.api(`/users/${ref}/assignLicense`).post(add(skuOf("POWER_BI_PRO"))));
      expect(failure).toMatchObject({ statusCode: 404, code: "Request_ResourceNotFound" });
    }
    expect(await suite.t.db.licenseAssignment.count({ where: { userId: stranger.id } })).toBe(0);
  });

  it("the README's assignLicense reads the reason from GraphError's body", async () => {
    const user = await makeUser(suite.t.db, suite.t.tenants.contoso, { usageLocation: null });
    expect(await assignLicense(client, user.email, skuOf("POWER_BI_PRO"))).toEqual({
      ok: false,
      status: 400,
      code: "Request_BadRequest",
      reason: "UsageLocationRequired",
      target: skuOf("POWER_BI_PRO"),
      message: expect.any(String),
    });
    await suite.t.db.user.update({ where: { id: user.id }, data: { usageLocation: "NL" } });
    expect(await assignLicense(client, user.email, skuOf("POWER_BI_PRO"))).toEqual({ ok: true });
  });
});

describe("permissions and secrets", () => {
  it("an app without LicenseAssignment.ReadWrite.All gets 403 Authorization_RequestDenied", async () => {
    const reader = await registerApp(suite.t.app, suite.admin, suite.t.tenants.contoso, ["User.ReadWrite.All"]);
    const user = await makeUser(suite.t.db, suite.t.tenants.contoso);
    const failure = await graphFailure(
      suite
        .sdk(reader)
        .api(`/users/${user.id}/assignLicense`)
        .post(add(skuOf("POWER_BI_PRO"))),
    );
    expect(failure).toMatchObject({ statusCode: 403, code: "Authorization_RequestDenied" });
    expect(await suite.t.db.licenseAssignment.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a deleted secret is refused on the very next request: 401 InvalidAuthenticationToken", async () => {
    const registered = await registerApp(suite.t.app, suite.admin, suite.t.tenants.contoso, ["User.Read.All"]);
    const revocable = suite.sdk(registered);
    expect((await revocable.api("/users").top(1).get()).value).toHaveLength(1);
    const deleted = await as(suite.t.app, suite.admin).delete(
      `/api/tenants/${suite.t.tenants.contoso}/applications/${registered.id}/secrets/${registered.secret.id}`,
    );
    expect(deleted.statusCode, deleted.body).toBe(204);
    // The provider still holds its token: the API refuses it, not the token endpoint.
    const failure = await graphFailure(revocable.api("/users").top(1).get());
    expect(failure).toMatchObject({ statusCode: 401, code: "InvalidAuthenticationToken" });
  });
});
