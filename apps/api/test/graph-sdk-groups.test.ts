import { randomUUID } from "node:crypto";
import {
  BatchRequestContent,
  type BatchRequestStep,
  BatchResponseContent,
  type Client,
} from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "./fixtures.js";
import { graphFailure, type SdkSuite, startSdkSuite } from "./graph-sdk-setup.js";
import { type RegisteredApp, registerApp } from "./graph-tokens.js";
import { type CatalogRow, catalogBySku } from "./helpers.js";

/**
 * The official Graph SDK on Allot's groups (create, $ref members, group licensing), JSON batching through its
 * BatchRequestContent and BatchResponseContent, and its RetryHandler meeting Allot's throttle.
 */

let suite: SdkSuite;
let registered: RegisteredApp;
let client: Client;
let catalog: Record<string, CatalogRow>;

const skuOf = (part: string) => (catalog[part] as CatalogRow).skuId;
const groupBody = (name: string) => ({
  displayName: `${name} ${randomUUID().slice(0, 8)}`,
  mailEnabled: false,
  mailNickname: name.toLowerCase().replace(/\W/g, ""),
  securityEnabled: true,
});

beforeAll(async () => {
  suite = await startSdkSuite();
  catalog = await catalogBySku(suite.t.db);
  registered = await registerApp(suite.t.app, suite.admin, suite.t.tenants.contoso, [
    "Group.ReadWrite.All",
    "User.Read.All",
    "LicenseAssignment.ReadWrite.All",
  ]);
  client = suite.sdk(registered);
});
afterAll(() => suite.close());

describe("groups", () => {
  it("creates a group, adds a member with $ref, licenses the group; the member inherits it", async () => {
    const group = await client.api("/groups").post(groupBody("Sales"));
    expect(group).toMatchObject({ securityEnabled: true, mailEnabled: false, groupTypes: [] });
    const member = await makeUser(suite.t.db, suite.t.tenants.contoso, { displayName: "Group Member" });
    const added = await client
      .api(`/groups/${group.id}/members/$ref`)
      .post({ "@odata.id": `https://graph.microsoft.com/v1.0/directoryObjects/${member.id}` });
    expect(added).toBeUndefined();
    const again = await graphFailure(
      client
        .api(`/groups/${group.id}/members/$ref`)
        .post({ "@odata.id": `https://graph.microsoft.com/v1.0/directoryObjects/${member.id}` }),
    );
    expect(again).toMatchObject({ statusCode: 400, code: "Request_BadRequest" });
    expect(again.error.details[0]?.code).toBe("AlreadyMember");

    const members = await client.api(`/groups/${group.id}/members`).get();
    expect(members.value).toEqual([
      expect.objectContaining({ "@odata.type": "#microsoft.graph.user", id: member.id, displayName: "Group Member" }),
    ]);

    const pbi = skuOf("POWER_BI_PRO");
    const licensed = await client
      .api(`/groups/${group.id}/assignLicense`)
      .post({ addLicenses: [{ skuId: pbi, disabledPlans: [] }], removeLicenses: [] });
    expect(licensed).toMatchObject({ id: group.id, assignedLicenses: [{ skuId: pbi, disabledPlans: [] }] });
    const selected = await client.api(`/groups/${group.id}`).select("assignedLicenses").get();
    const { "@odata.context": _context, ...properties } = selected;
    expect(properties).toEqual({ id: group.id, assignedLicenses: [{ skuId: pbi, disabledPlans: [] }] });

    const user = await client.api(`/users/${member.id}`).select(["licenseAssignmentStates", "assignedLicenses"]).get();
    expect(user.licenseAssignmentStates).toEqual([
      expect.objectContaining({ skuId: pbi, assignedByGroup: group.id, state: "Active", error: "None" }),
    ]);
    expect(user.assignedLicenses).toEqual([{ skuId: pbi, disabledPlans: [] }]);

    expect(await client.api(`/groups/${group.id}/members/${member.id}/$ref`).delete()).toBeUndefined();
    expect((await client.api(`/groups/${group.id}/members`).get()).value).toEqual([]);
  });

  it("group assignLicense: an unknown skuId is 400 with the skuId as target, an unknown group 404", async () => {
    const group = await client.api("/groups").post(groupBody("Unknown sku"));
    const unknown = randomUUID();
    const refused = await graphFailure(
      client
        .api(`/groups/${group.id}/assignLicense`)
        .post({ addLicenses: [{ skuId: unknown, disabledPlans: [] }], removeLicenses: [] }),
    );
    expect(refused).toMatchObject({ statusCode: 400, code: "Request_BadRequest" });
    expect(refused.error.details[0]).toMatchObject({ code: "NotFound", target: unknown });
    const missing = await graphFailure(
      client
        .api(`/groups/${randomUUID()}/assignLicense`)
        .post({ addLicenses: [{ skuId: skuOf("POWER_BI_PRO"), disabledPlans: [] }], removeLicenses: [] }),
    );
    expect(missing).toMatchObject({ statusCode: 404, code: "Request_ResourceNotFound" });
  });
});

describe("$batch", () => {
  /**
   * A batch step as the SDK takes it. BatchRequestContent 3.0.7 sends the path after the host, version included
   * (msgraph-sdk-javascript#1178): the step's URL is the origin and the path below /graph/v1.0.
   */
  const step = (id: string, path: string, init: RequestInit = {}, dependsOn?: string[]): BatchRequestStep => ({
    id,
    request: new Request(`${suite.front.origin}${path}`, init),
    ...(dependsOn ? { dependsOn } : {}),
  });

  it("runs dependsOn in order through BatchRequestContent; a failed request's dependent answers 424", async () => {
    const body = groupBody("Batch");
    const content = new BatchRequestContent([
      step("1", "/groups", {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "Content-Type": "application/json" },
      }),
      step("2", "/groups?$top=999&$select=id,displayName", {}, ["1"]),
      step("3", `/groups/${randomUUID()}`, {}, ["2"]),
      step("4", "/subscribedSkus", {}, ["3"]),
    ]);
    const answer = new BatchResponseContent(await client.api("/$batch").post(await content.getContent()));

    const created = answer.getResponseById("1");
    expect(created.status).toBe(201);
    const group = (await created.json()) as { id: string };
    expect(group).toMatchObject({ displayName: body.displayName, securityEnabled: true });

    // Request 2 ran after request 1: the listing has the new group.
    const listed = answer.getResponseById("2");
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { value: unknown[] }).value).toContainEqual({
      id: group.id,
      displayName: body.displayName,
    });

    const missing = answer.getResponseById("3");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "Request_ResourceNotFound" } });

    const dependent = answer.getResponseById("4");
    expect(dependent.status).toBe(424);
    expect(await dependent.json()).toMatchObject({ error: { code: "FailedDependency" } });
    expect(dependent.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("independent requests of a batch each answer on their own, a refusal in Graph's envelope", async () => {
    const member = await makeUser(suite.t.db, suite.t.tenants.contoso, { usageLocation: null });
    const content = new BatchRequestContent([
      step("users", `/users/${member.id}?$select=displayName`),
      step("license", `/users/${member.id}/assignLicense`, {
        method: "POST",
        body: JSON.stringify({
          addLicenses: [{ skuId: skuOf("POWER_BI_PRO"), disabledPlans: [] }],
          removeLicenses: [],
        }),
        headers: { "Content-Type": "application/json" },
      }),
    ]);
    const answer = new BatchResponseContent(await client.api("/$batch").post(await content.getContent()));
    expect(await answer.getResponseById("users").json()).toMatchObject({
      id: member.id,
      displayName: member.displayName,
    });
    const refused = answer.getResponseById("license");
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: {
        code: "Request_BadRequest",
        details: [{ code: "UsageLocationRequired", target: skuOf("POWER_BI_PRO") }],
      },
    });
  });
});

describe("throttling", () => {
  it("the SDK's RetryHandler waits Retry-After on a 429 and the call then succeeds", async () => {
    const throttled = await startSdkSuite({ graphThrottle: { limit: 2, windowMs: 1_000 } });
    try {
      const reader = await registerApp(throttled.t.app, throttled.admin, throttled.t.tenants.contoso, [
        "Organization.Read.All",
      ]);
      const sdk = throttled.sdk(reader);
      // Three calls at once against a budget of two: one is refused, however slow the machine is.
      const answers = await Promise.all([1, 2, 3].map(() => sdk.api("/subscribedSkus").get()));
      for (const skus of answers) expect(skus.value.length).toBeGreaterThan(0);
      const graphCalls = throttled.front.seen.filter((seen) => seen.url.startsWith("/graph/"));
      expect(graphCalls.map((seen) => seen.status).sort()).toEqual([200, 200, 200, 429]);
      const refused = graphCalls.find((seen) => seen.status === 429);
      const retried = graphCalls.find((seen) => seen.retryAttempt !== undefined);
      const retryAfter = Number(refused?.retryAfter);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retried).toMatchObject({ status: 200, retryAttempt: "1" });
      // The retry went out no sooner than Retry-After said.
      expect((retried?.startedAt ?? 0) - (refused?.startedAt ?? 0)).toBeGreaterThanOrEqual(retryAfter * 1000 - 50);
    } finally {
      await throttled.close();
    }
  });
});
