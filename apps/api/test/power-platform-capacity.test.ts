import { randomUUID } from "node:crypto";
import type { Capacity, CapacityShortfall, Environment, EnvironmentCapacity } from "@allot/contracts";
import { DEMO_PASSWORD } from "@allot/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditOf, makeUser } from "./fixtures.js";
import { as, type CatalogRow, catalogBySku, createTestApp, login, problem, type TestApp } from "./helpers.js";

/**
 * Environments, capacity add-ons allocated to them and machines (seed 004), against Contoso's seeded add-ons:
 * Process 3, Per flow 5, Unattended RPA 2, Hosted Process 1. The demo allocates some of them to Production for its
 * machines and its one flow on Per flow; this file starts from none allocated (those machines gone, every flow on its
 * owner's license), so each test has the whole of what Contoso bought. Every environment a test allocates to is its
 * own, so the tests only share the tenant's totals, which each reads before it changes them.
 */

let t: TestApp;
let api: ReturnType<typeof as>;
let base: string;
let sku: Record<string, CatalogRow>;

const PROCESS = "POWERAUTOMATE_PROCESS";
const PER_FLOW = "FLOW_BUSINESS_PROCESS";
const RPA = "POWERAUTOMATE_UNATTENDED_RPA";
const HOSTED = "POWERAUTOMATE_HOSTED_PROCESS";

const skuId = (part: string) => sku[part]?.skuId as string;

async function newEnvironment(name = `Env ${randomUUID().slice(0, 8)}`, type = "production"): Promise<Environment> {
  const response = await api.post(`${base}/environments`, { name, type });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function capacity(): Promise<Capacity> {
  const response = await api.get(`${base}/capacity`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const addOn = (view: Capacity, part: string) => view.addOns.find((row) => row.skuPartNumber === part);
const allocation = (row: EnvironmentCapacity, part: string) =>
  row.allocations.find((a) => a.skuPartNumber === part) as EnvironmentCapacity["allocations"][number];

function allocate(environmentId: string, allocations: Record<string, number>) {
  return api.put(`${base}/environments/${environmentId}/capacity`, {
    allocations: Object.entries(allocations).map(([part, quantity]) => ({ skuId: skuId(part), quantity })),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  api = as(t.app, await login(t.app, "admin@contoso.test"));
  base = `/api/tenants/${t.tenants.contoso}`;
  sku = await catalogBySku(t.db);
  const inContoso = { environment: { tenantId: t.tenants.contoso } };
  await t.db.machine.deleteMany({ where: inContoso });
  await t.db.flow.updateMany({ where: inContoso, data: { licensedBy: "owner" } });
  await t.db.capacityAllocation.deleteMany({ where: inContoso });
});
afterAll(() => t.close());

describe("environments", () => {
  it("lists the tenant's environments by name with flow and machine counts", async () => {
    const response = await api.get(`${base}/environments`);
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Environment[];
    expect(items.map((e) => e.name)).toEqual(
      [...items.map((e) => e.name)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
    expect(items.map((e) => e.name)).toEqual(expect.arrayContaining(["Default", "Production", "Sandbox"]));
    const sandbox = items.find((e) => e.name === "Sandbox");
    const flowsInSandbox = await t.db.flow.count({ where: { environmentId: sandbox?.id } });
    expect(flowsInSandbox).toBeGreaterThan(0);
    expect(sandbox).toMatchObject({ type: "sandbox", flowCount: flowsInSandbox, machineCount: 0 });
  });

  it("creates, renames and retypes; names are unique in any case; audited", async () => {
    const name = `Dev ${randomUUID().slice(0, 8)}`;
    const created = await api.post(`${base}/environments`, { name, type: "developer" });
    expect(created.statusCode, created.body).toBe(201);
    const environment = created.json() as Environment;
    expect(environment).toMatchObject({ name, type: "developer", flowCount: 0, machineCount: 0 });
    expect(await auditOf(t.db, created, "powerPlatform.environmentCreated")).toHaveLength(1);

    const clash = await api.post(`${base}/environments`, { name: name.toUpperCase(), type: "sandbox" });
    expect(clash.statusCode).toBe(409);
    expect(problem(clash).code).toBe("EnvironmentNameTaken");

    const renamed = await api.patch(`${base}/environments/${environment.id}`, { name: name.toLowerCase() });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: name.toLowerCase(), type: "developer" });
    const retyped = await api.patch(`${base}/environments/${environment.id}`, { type: "sandbox" });
    expect(retyped.json()).toMatchObject({ type: "sandbox" });
    const onto = await api.patch(`${base}/environments/${environment.id}`, { name: "SANDBOX" });
    expect(onto.statusCode).toBe(409);
    expect(problem(onto).code).toBe("EnvironmentNameTaken");
    const audits = await auditOf(t.db, retyped, "powerPlatform.environmentUpdated");
    expect(audits[0]).toMatchObject({ before: { type: "developer" }, after: { type: "sandbox" } });
  });

  it("one default environment per tenant, also when created at once; isDefault follows the type", async () => {
    const fabrikam = as(t.app, await login(t.app, "admin@fabrikam.test"));
    const url = `/api/tenants/${t.tenants.fabrikam}/environments`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => fabrikam.post(url, { name: `Default ${i}`, type: "default" })),
    );
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(1);
    for (const refused of answers.filter((r) => r.statusCode !== 201)) {
      expect(problem(refused).code).toBe("DefaultEnvironmentExists");
    }
    const defaultId = (answers.find((r) => r.statusCode === 201)?.json() as Environment | undefined)?.id;
    const other = (await fabrikam.post(url, { name: `Prod ${randomUUID().slice(0, 6)}`, type: "production" })).json();
    const retype = await fabrikam.patch(`${url}/${other.id}`, { type: "default" });
    expect(retype.statusCode).toBe(409);
    expect(problem(retype).code).toBe("DefaultEnvironmentExists");
    // Once the default becomes a sandbox, another environment may be the default.
    expect((await fabrikam.patch(`${url}/${defaultId}`, { type: "sandbox" })).statusCode).toBe(200);
    expect((await fabrikam.patch(`${url}/${other.id}`, { type: "default" })).statusCode).toBe(200);
    const rows = await t.db.environment.findMany({ where: { tenantId: t.tenants.fabrikam } });
    for (const row of rows) expect(row.isDefault, row.name).toBe(row.type === "default" ? true : null);
  });

  it("deletes an empty environment with its allocations; refuses one with machines or flows", async () => {
    const environment = await newEnvironment();
    expect((await allocate(environment.id, { [PER_FLOW]: 1 })).statusCode).toBe(200);
    const machine = await t.db.machine.create({
      data: { tenantId: t.tenants.contoso, environmentId: environment.id, name: "Runner" },
    });
    const refused = await api.delete(`${base}/environments/${environment.id}`);
    expect(refused.statusCode).toBe(409);
    expect(problem(refused).code).toBe("EnvironmentNotEmpty");
    const listed = (await api.get(`${base}/environments`)).json().items as Environment[];
    expect(listed.find((e) => e.id === environment.id)).toMatchObject({ machineCount: 1, flowCount: 0 });

    await t.db.machine.delete({ where: { id: machine.id } });
    const deleted = await api.delete(`${base}/environments/${environment.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await t.db.capacityAllocation.count({ where: { environmentId: environment.id } })).toBe(0);
    expect(await auditOf(t.db, deleted, "powerPlatform.environmentDeleted")).toHaveLength(1);
    expect((await api.delete(`${base}/environments/${environment.id}`)).statusCode).toBe(404);
  });
});

describe("capacity allocation", () => {
  it("shows bought, allocated and available per add-on, and every add-on per environment", async () => {
    const before = await capacity();
    expect(before.addOns.map((a) => a.skuPartNumber).sort()).toEqual([PER_FLOW, PROCESS, HOSTED, RPA].sort());
    expect(addOn(before, PROCESS)).toMatchObject({ bought: 3, capacityType: "process", conflicts: 0 });
    expect(addOn(before, PER_FLOW)).toMatchObject({ bought: 5, capacityType: "perFlow" });
    expect(addOn(before, RPA)).toMatchObject({ bought: 2 });
    expect(addOn(before, HOSTED)).toMatchObject({ bought: 1 });

    const environment = await newEnvironment();
    const put = await allocate(environment.id, { [PER_FLOW]: 2 });
    expect(put.statusCode, put.body).toBe(200);
    const row = put.json() as EnvironmentCapacity;
    expect(row.allocations).toHaveLength(4);
    expect(allocation(row, PER_FLOW)).toMatchObject({ quantity: 2, inUse: 0, skuId: skuId(PER_FLOW) });
    expect(allocation(row, PROCESS)).toMatchObject({ quantity: 0, inUse: 0 });
    const [audit] = await auditOf(t.db, put, "powerPlatform.capacityAllocated");
    expect(audit).toMatchObject({ before: { [PER_FLOW]: 0 }, after: { [PER_FLOW]: 2 } });

    const after = await capacity();
    const was = addOn(before, PER_FLOW) as Capacity["addOns"][number];
    expect(addOn(after, PER_FLOW)).toMatchObject({
      allocated: was.allocated + 2,
      available: was.available - 2,
      conflicts: 0,
    });
    expect(after.environments.find((e) => e.environmentId === environment.id)).toEqual(row);
    // The whole set: what is left out goes back to 0.
    const cleared = await allocate(environment.id, {});
    expect(allocation(cleared.json(), PER_FLOW).quantity).toBe(0);
  });

  it("refuses allocating beyond what is bought with the numbers (CapacityExceeded)", async () => {
    const first = await newEnvironment();
    const second = await newEnvironment();
    const allocated = (addOn(await capacity(), PROCESS)?.allocated ?? 0) + 2;
    expect((await allocate(first.id, { [PROCESS]: 2 })).statusCode).toBe(200);
    const response = await allocate(second.id, { [PROCESS]: 2, [PER_FLOW]: 1 });
    expect(response.statusCode).toBe(409);
    const body = response.json();
    expect(body.code).toBe("CapacityExceeded");
    expect(body.exceeded).toEqual([
      { skuId: skuId(PROCESS), skuPartNumber: PROCESS, bought: 3, requested: allocated + 2 },
    ]);
    expect(body.detail ?? body.title).toContain(`${allocated + 2} would be allocated, 3 bought`);
    expect(
      allocation((await capacity()).environments.find((e) => e.environmentId === second.id) as never, PER_FLOW),
    ).toMatchObject({ quantity: 0 });
    await allocate(first.id, {});
  });

  it("refuses skuIds that are not capacity add-ons, and duplicates, with the field path", async () => {
    const environment = await newEnvironment();
    const user = await api.put(`${base}/environments/${environment.id}/capacity`, {
      allocations: [{ skuId: skuId("POWER_BI_PRO"), quantity: 1 }],
    });
    expect(user.statusCode).toBe(400);
    expect(problem(user)).toMatchObject({ code: "ValidationFailed" });
    expect(problem(user).errors?.[0]?.path).toBe("body.allocations.0.skuId");
    const twice = await api.put(`${base}/environments/${environment.id}/capacity`, {
      allocations: [
        { skuId: skuId(PER_FLOW), quantity: 1 },
        { skuId: skuId(PER_FLOW), quantity: 2 },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(problem(twice).errors?.[0]?.path).toBe("body.allocations.1.skuId");
    expect((await api.put(`${base}/environments/${randomUUID()}/capacity`, { allocations: [] })).statusCode).toBe(404);
  });

  it("refuses lowering below what flows and machines use, listing them (CapacityInUse)", async () => {
    const environment = await newEnvironment();
    expect((await allocate(environment.id, { [PROCESS]: 2, [PER_FLOW]: 1 })).statusCode).toBe(200);
    const owner = await makeUser(t.db, t.tenants.contoso);
    const flow = await t.db.flow.create({
      data: {
        tenantId: t.tenants.contoso,
        environmentId: environment.id,
        name: "Invoices",
        ownerUserId: owner.id,
        licensedBy: "perFlow",
      },
    });
    const machine = await api.post(`${base}/environments/${environment.id}/machines`, {
      name: "VM-1",
      parallelRuns: 2,
    });
    expect(machine.statusCode, machine.body).toBe(201);

    const view = (await capacity()).environments.find((e) => e.environmentId === environment.id);
    expect(allocation(view as EnvironmentCapacity, PROCESS)).toMatchObject({ quantity: 2, inUse: 2 });
    expect(allocation(view as EnvironmentCapacity, PER_FLOW)).toMatchObject({ quantity: 1, inUse: 1 });

    const refused = await allocate(environment.id, { [PROCESS]: 1 });
    expect(refused.statusCode).toBe(409);
    const body = refused.json() as CapacityShortfall & { code: string };
    expect(body.code).toBe("CapacityInUse");
    expect(body.shortfall).toEqual([
      { skuPartNumber: PROCESS, capacityType: "process", units: 1 },
      { skuPartNumber: PER_FLOW, capacityType: "perFlow", units: 1 },
    ]);
    expect(body.flows).toEqual([{ id: flow.id, name: "Invoices", licenseMode: "perFlow" }]);
    expect(body.machines).toEqual([{ id: machine.json().id, name: "VM-1", parallelRuns: 2, hosted: false }]);
    // Moving the machine's runs to Unattended RPA is one change that keeps everything covered.
    expect((await allocate(environment.id, { [RPA]: 2, [PER_FLOW]: 1 })).statusCode).toBe(200);
    // Once they are gone, the environment gives everything back.
    await t.db.flow.delete({ where: { id: flow.id } });
    expect((await api.delete(`${base}/machines/${machine.json().id}`)).statusCode).toBe(204);
    expect((await allocate(environment.id, {})).statusCode).toBe(200);
  });

  it("20 concurrent allocation edits never over-allocate; the refusals are CapacityExceeded", async () => {
    const before = addOn(await capacity(), PER_FLOW) as Capacity["addOns"][number];
    const environments = await Promise.all(Array.from({ length: 20 }, () => newEnvironment()));
    const answers = await Promise.all(
      environments.map((environment, i) => allocate(environment.id, { [PER_FLOW]: 1 + (i % 2) })),
    );
    for (const answer of answers.filter((r) => r.statusCode !== 200)) {
      expect(answer.statusCode, answer.body).toBe(409);
      expect(problem(answer).code).toBe("CapacityExceeded");
    }
    const after = addOn(await capacity(), PER_FLOW) as Capacity["addOns"][number];
    expect(after.allocated).toBeLessThanOrEqual(after.bought);
    expect(answers.some((r) => r.statusCode === 409)).toBe(true);
    const granted = answers.reduce((sum, r, i) => sum + (r.statusCode === 200 ? 1 + (i % 2) : 0), 0);
    expect(after.allocated).toBe(before.allocated + granted);
    const stored = await t.db.capacityAllocation.aggregate({
      where: { productId: sku[PER_FLOW]?.productId as string, environment: { tenantId: t.tenants.contoso } },
      _sum: { quantity: true },
    });
    expect(stored._sum.quantity).toBe(after.allocated);
    await Promise.all(environments.map((environment) => allocate(environment.id, {})));
  });

  it("a subscription that shrinks or is disabled leaves a conflict: shown, only lowering accepted, until it fits", async () => {
    const first = await newEnvironment();
    const second = await newEnvironment();
    expect((await allocate(first.id, { [HOSTED]: 1 })).statusCode).toBe(200);
    const subscription = await t.db.subscription.findFirstOrThrow({
      where: { tenantId: t.tenants.contoso, productId: sku[HOSTED]?.productId as string, state: "active" },
    });
    await t.db.subscription.update({ where: { id: subscription.id }, data: { state: "disabled" } });

    const view = await capacity();
    expect(addOn(view, HOSTED)).toMatchObject({ bought: 0, allocated: 1, available: 0, conflicts: 1 });
    const conflicts = await api.get(`${base}/licenseConflicts`);
    expect(conflicts.statusCode).toBe(200);
    expect(conflicts.json().capacityConflicts).toEqual([
      {
        skuId: skuId(HOSTED),
        skuPartNumber: HOSTED,
        displayName: sku[HOSTED]?.displayName,
        capacityType: "hostedProcess",
        bought: 0,
        allocated: 1,
        overAllocated: 1,
        environments: [{ id: first.id, name: first.name, quantity: 1 }],
      },
    ]);
    const raise = await allocate(second.id, { [HOSTED]: 1 });
    expect(problem(raise).code).toBe("CapacityExceeded");
    expect((await allocate(first.id, { [HOSTED]: 1 })).statusCode).toBe(200);
    expect((await allocate(first.id, {})).statusCode).toBe(200);
    expect(addOn(await capacity(), HOSTED)).toMatchObject({ conflicts: 0 });
    expect((await api.get(`${base}/licenseConflicts`)).json().capacityConflicts).toEqual([]);

    // Seats removed below the allocation: the same conflict, with the numbers.
    await t.db.subscription.update({ where: { id: subscription.id }, data: { state: "active" } });
    const process = addOn(await capacity(), PROCESS) as Capacity["addOns"][number];
    expect((await allocate(second.id, { [PROCESS]: process.available })).statusCode).toBe(200);
    const processSubs = await t.db.subscription.findMany({
      where: { tenantId: t.tenants.contoso, productId: sku[PROCESS]?.productId as string },
    });
    await t.db.subscription.updateMany({
      where: { id: { in: processSubs.map((s) => s.id) } },
      data: { state: "expired" },
    });
    expect(addOn(await capacity(), PROCESS)).toMatchObject({ conflicts: 0 });
    await t.db.subscription.update({ where: { id: processSubs[0]?.id as string }, data: { seats: 1 } });
    const shrunk = addOn(await capacity(), PROCESS) as Capacity["addOns"][number];
    expect(shrunk.conflicts).toBe(shrunk.allocated - shrunk.bought);
    expect(shrunk.conflicts).toBeGreaterThan(0);
    expect((await api.get(`${base}/licenseConflicts`)).json().capacityConflicts).toMatchObject([
      { skuPartNumber: PROCESS, overAllocated: shrunk.conflicts },
    ]);
    for (const s of processSubs) {
      await t.db.subscription.update({ where: { id: s.id }, data: { state: s.state, seats: s.seats } });
    }
    await allocate(second.id, {});
  });
});

describe("machines", () => {
  it("a machine needs its parallel runs of Process or Unattended RPA (CapacityNotAvailable with the shortfall)", async () => {
    const environment = await newEnvironment();
    const url = `${base}/environments/${environment.id}/machines`;
    const none = await api.post(url, { name: "Bot-1", parallelRuns: 2 });
    expect(none.statusCode).toBe(409);
    const body = none.json();
    expect(body.code).toBe("CapacityNotAvailable");
    expect(body.shortfall).toEqual([{ skuPartNumber: PROCESS, capacityType: "process", units: 2 }]);
    expect(body.detail ?? body.title).toMatch(/2 units of Power Automate Process.*allocate capacity/);

    expect((await allocate(environment.id, { [RPA]: 2 })).statusCode).toBe(200);
    const registered = await api.post(url, { name: "Bot-1", parallelRuns: 2 });
    expect(registered.statusCode, registered.body).toBe(201);
    expect(registered.json()).toMatchObject({ name: "Bot-1", parallelRuns: 2, hosted: false, units: 2 });
    expect(await auditOf(t.db, registered, "powerPlatform.machineRegistered")).toHaveLength(1);
    const another = await api.post(url, { name: "Bot-2" });
    expect(problem(another).code).toBe("CapacityNotAvailable");
    const clash = await api.post(url, { name: "BOT-1" });
    expect(problem(clash).code).toBe("MachineNameTaken");

    const machineId = registered.json().id as string;
    const raise = await api.patch(`${base}/machines/${machineId}`, { parallelRuns: 3 });
    expect(raise.statusCode).toBe(409);
    expect(raise.json().shortfall).toEqual([{ skuPartNumber: PROCESS, capacityType: "process", units: 1 }]);
    expect(raise.json().machines).toEqual([{ id: machineId, name: "Bot-1", parallelRuns: 2, hosted: false }]);
    expect((await allocate(environment.id, { [RPA]: 2, [PROCESS]: 1 })).statusCode).toBe(200);
    const raised = await api.patch(`${base}/machines/${machineId}`, { parallelRuns: 3, name: "Bot-A" });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json()).toMatchObject({ name: "Bot-A", parallelRuns: 3, units: 3 });
    const row = (await capacity()).environments.find((e) => e.environmentId === environment.id) as EnvironmentCapacity;
    expect(allocation(row, RPA)).toMatchObject({ quantity: 2, inUse: 2 });
    expect(allocation(row, PROCESS)).toMatchObject({ quantity: 1, inUse: 1 });

    const listed = await api.get(url);
    expect(listed.json().items.map((m: { name: string }) => m.name)).toEqual(["Bot-A"]);
    const deleted = await api.delete(`${base}/machines/${machineId}`);
    expect(deleted.statusCode).toBe(204);
    expect(await auditOf(t.db, deleted, "powerPlatform.machineDeleted")).toHaveLength(1);
    expect((await api.get(url)).json().items).toEqual([]);
    expect((await api.delete(`${base}/machines/${machineId}`)).statusCode).toBe(404);
    await allocate(environment.id, {});
  });

  it("a hosted machine needs a Hosted Process unit allocated to its environment, one each", async () => {
    const environment = await newEnvironment();
    const url = `${base}/environments/${environment.id}/machines`;
    expect((await allocate(environment.id, { [PROCESS]: 1 })).statusCode).toBe(200);
    const refused = await api.post(url, { name: "Hosted group", hosted: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().shortfall).toEqual([{ skuPartNumber: HOSTED, capacityType: "hostedProcess", units: 1 }]);
    expect((await allocate(environment.id, { [HOSTED]: 1 })).statusCode).toBe(200);
    const hosted = await api.post(url, { name: "Hosted group", hosted: true, parallelRuns: 4 });
    expect(hosted.statusCode, hosted.body).toBe(201);
    expect(hosted.json()).toMatchObject({ hosted: true, units: 1 });
    expect(problem(await api.post(url, { name: "Hosted 2", hosted: true })).code).toBe("CapacityNotAvailable");
    // Hosted machines take no Process: lowering it is fine, lowering Hosted Process is not.
    expect(problem(await allocate(environment.id, { [PROCESS]: 1 })).code).toBe("CapacityInUse");
    await api.delete(`${base}/machines/${hosted.json().id}`);
    expect((await allocate(environment.id, {})).statusCode).toBe(200);
  });

  it("another tenant's machine or environment is not found", async () => {
    const fabrikam = (await t.db.environment.findFirstOrThrow({ where: { tenantId: t.tenants.fabrikam } })).id;
    expect((await api.get(`${base}/environments/${fabrikam}/machines`)).statusCode).toBe(404);
    const machine = await t.db.machine.create({
      data: { tenantId: t.tenants.fabrikam, environmentId: fabrikam, name: `M ${randomUUID()}` },
    });
    expect((await api.patch(`${base}/machines/${machine.id}`, { parallelRuns: 1 })).statusCode).toBe(404);
    expect((await api.delete(`${base}/machines/${machine.id}`)).statusCode).toBe(404);
  });
});

describe("buying as a Power Platform admin", () => {
  it("buys Power Platform products, and no others (403 with the reason)", async () => {
    const user = await makeUser(t.db, t.tenants.contoso, { role: "powerPlatformAdmin", password: DEMO_PASSWORD });
    const pp = as(t.app, await login(t.app, user.email));
    const quote = await pp.post(`${base}/billing/quote`, {
      kind: "purchase",
      skuId: skuId(PROCESS),
      seats: 2,
      billingTerm: "monthly",
    });
    expect(quote.statusCode, quote.body).toBe(200);
    const bought = await pp.post(`${base}/subscriptions`, { skuId: skuId(PROCESS), seats: 2, billingTerm: "monthly" });
    expect(bought.statusCode, bought.body).toBe(201);
    expect(addOn(await capacity(), PROCESS)?.bought).toBe(5);
    expect((await pp.get(`${base}/pricing`)).statusCode).toBe(200);

    const other = await pp.post(`${base}/subscriptions`, { skuId: skuId("SPE_E3"), seats: 1, billingTerm: "monthly" });
    expect(other.statusCode).toBe(403);
    expect(problem(other).code).toBe("Forbidden");
    expect(other.json().detail ?? other.json().title).toContain("Power Platform products only");
    const otherQuote = await pp.post(`${base}/billing/quote`, {
      kind: "purchase",
      skuId: skuId("SPE_E3"),
      seats: 1,
      billingTerm: "monthly",
    });
    expect(otherQuote.statusCode).toBe(403);
    // A license admin has neither right.
    const licenses = as(t.app, await login(t.app, "licenses@contoso.test"));
    const refused = await licenses.post(`${base}/subscriptions`, {
      skuId: skuId(PROCESS),
      seats: 1,
      billingTerm: "monthly",
    });
    expect(refused.statusCode).toBe(403);
  });
});
