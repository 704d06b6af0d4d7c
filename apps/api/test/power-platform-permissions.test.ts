import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD } from "@allot/db";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditOf, makeUser } from "./fixtures.js";
import {
  as,
  type CatalogRow,
  catalogBySku,
  createTestApp,
  login,
  problem,
  type Session,
  type TestApp,
} from "./helpers.js";

/**
 * Every environments / capacity / machines route (and buying) × the roles that meet them, written out as a table
 * rather than computed from the domain's matrix, so this checks the matrix (DESIGN.md §2's Power Platform admin row:
 * environments, capacity, machines; buys Power Platform products only). Makers and every admin who may create flows
 * read environments and machines; billing readers read the capacity view. A refused request is 403 and changes nothing.
 */

const ROUTES = [
  "listEnvironments",
  "createEnvironment",
  "updateEnvironment",
  "deleteEnvironment",
  "getCapacity",
  "setCapacity",
  "listMachines",
  "registerMachine",
  "updateMachine",
  "deleteMachine",
  "buyPowerPlatform",
  "buyOther",
] as const;
type RouteName = (typeof ROUTES)[number];

// biome-ignore format: a table reads best as a table
const EXPECTED = `
                    listEnvironments createEnvironment updateEnvironment deleteEnvironment getCapacity setCapacity listMachines registerMachine updateMachine deleteMachine buyPowerPlatform buyOther
globalAdmin         yes              yes               yes               yes               yes         yes         yes          yes             yes           yes           yes              yes
powerPlatformAdmin  yes              yes               yes               yes               yes         yes         yes          yes             yes           yes           yes              no
licenseAdmin        yes              no                no                no                no          no          yes          no              no            no            no               no
billingAdmin        yes              no                no                no                yes         no          yes          no              no            no            yes              yes
member              yes              no                no                no                no          no          yes          no              no            no            no               no
`;

function parse(): Record<string, Record<RouteName, boolean>> {
  const [header, ...rows] = EXPECTED.trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/));
  expect(header).toEqual([...ROUTES]);
  return Object.fromEntries(
    rows.map(([role, ...cells]) => [
      role,
      Object.fromEntries(ROUTES.map((route, i) => [route, cells[i] === "yes"])) as Record<RouteName, boolean>,
    ]),
  );
}

let t: TestApp;
let base: string;
let sku: Record<string, CatalogRow>;
const emails: Record<string, string> = {
  globalAdmin: "admin@contoso.test",
  licenseAdmin: "licenses@contoso.test",
  billingAdmin: "billing@contoso.test",
  member: "maker@contoso.test",
};

interface Prepared {
  send: (api: ReturnType<typeof as>) => Promise<LightMyRequestResponse>;
  status: number;
  /** Whether the change landed (mutations). */
  changed?: () => Promise<boolean>;
}

async function environment(): Promise<string> {
  const row = await t.db.environment.create({
    data: { tenantId: t.tenants.contoso, name: `Perm ${randomUUID().slice(0, 8)}`, type: "sandbox" },
  });
  return row.id;
}

async function machine(): Promise<{ environmentId: string; machineId: string }> {
  const environmentId = await environment();
  const row = await t.db.machine.create({
    data: { tenantId: t.tenants.contoso, environmentId, name: "M1", hosted: true },
  });
  return { environmentId, machineId: row.id };
}

const PREPARE: Record<RouteName, () => Promise<Prepared>> = {
  listEnvironments: async () => ({ send: (api) => api.get(`${base}/environments`), status: 200 }),
  createEnvironment: async () => {
    const name = `New ${randomUUID().slice(0, 8)}`;
    return {
      send: (api) => api.post(`${base}/environments`, { name, type: "sandbox" }),
      status: 201,
      changed: async () => (await t.db.environment.count({ where: { name } })) === 1,
    };
  },
  updateEnvironment: async () => {
    const id = await environment();
    return {
      send: (api) => api.patch(`${base}/environments/${id}`, { type: "developer" }),
      status: 200,
      changed: async () => (await t.db.environment.count({ where: { id, type: "developer" } })) === 1,
    };
  },
  deleteEnvironment: async () => {
    const id = await environment();
    return {
      send: (api) => api.delete(`${base}/environments/${id}`),
      status: 204,
      changed: async () => (await t.db.environment.count({ where: { id } })) === 0,
    };
  },
  getCapacity: async () => ({ send: (api) => api.get(`${base}/capacity`), status: 200 }),
  setCapacity: async () => {
    const id = await environment();
    const productId = sku.FLOW_BUSINESS_PROCESS?.productId as string;
    return {
      send: (api) =>
        api.put(`${base}/environments/${id}/capacity`, {
          allocations: [{ skuId: sku.FLOW_BUSINESS_PROCESS?.skuId, quantity: 1 }],
        }),
      status: 200,
      changed: async () => (await t.db.capacityAllocation.count({ where: { environmentId: id, productId } })) === 1,
    };
  },
  listMachines: async () => {
    const { environmentId } = await machine();
    return { send: (api) => api.get(`${base}/environments/${environmentId}/machines`), status: 200 };
  },
  registerMachine: async () => {
    const environmentId = await environment();
    await t.db.capacityAllocation.create({
      data: {
        tenantId: t.tenants.contoso,
        environmentId,
        productId: sku.POWERAUTOMATE_PROCESS?.productId as string,
        quantity: 1,
      },
    });
    return {
      send: (api) => api.post(`${base}/environments/${environmentId}/machines`, { name: "Bot" }),
      status: 201,
      changed: async () => (await t.db.machine.count({ where: { environmentId } })) === 1,
    };
  },
  updateMachine: async () => {
    const { machineId } = await machine();
    return {
      send: (api) => api.patch(`${base}/machines/${machineId}`, { name: "Renamed" }),
      status: 200,
      changed: async () => (await t.db.machine.count({ where: { id: machineId, name: "Renamed" } })) === 1,
    };
  },
  deleteMachine: async () => {
    const { machineId } = await machine();
    return {
      send: (api) => api.delete(`${base}/machines/${machineId}`),
      status: 204,
      changed: async () => (await t.db.machine.count({ where: { id: machineId } })) === 0,
    };
  },
  buyPowerPlatform: async () => {
    const seats = 1000 + Math.floor(Math.random() * 50_000);
    return {
      send: (api) =>
        api.post(`${base}/subscriptions`, { skuId: sku.FLOW_BUSINESS_PROCESS?.skuId, seats, billingTerm: "monthly" }),
      status: 201,
      changed: async () => (await t.db.subscription.count({ where: { tenantId: t.tenants.contoso, seats } })) === 1,
    };
  },
  buyOther: async () => {
    const seats = 1000 + Math.floor(Math.random() * 50_000);
    return {
      send: (api) =>
        api.post(`${base}/subscriptions`, { skuId: sku.VISIOCLIENT?.skuId, seats, billingTerm: "monthly" }),
      status: 201,
      changed: async () => (await t.db.subscription.count({ where: { tenantId: t.tenants.contoso, seats } })) === 1,
    };
  },
};

beforeAll(async () => {
  t = await createTestApp();
  base = `/api/tenants/${t.tenants.contoso}`;
  sku = await catalogBySku(t.db);
  emails.powerPlatformAdmin = (
    await makeUser(t.db, t.tenants.contoso, { role: "powerPlatformAdmin", password: DEMO_PASSWORD })
  ).email;
});
afterAll(() => t.close());

const sessions = new Map<string, Session>();
async function sessionOf(role: string): Promise<Session> {
  let session = sessions.get(role);
  if (!session) {
    session = await login(t.app, emails[role] as string);
    sessions.set(role, session);
  }
  return session;
}

const expected = parse();
for (const [role, row] of Object.entries(expected)) {
  describe(role, () => {
    for (const route of ROUTES) {
      const allowed = row[route];
      it(`${allowed ? "may" : "may not"} ${route}`, async () => {
        const api = as(t.app, await sessionOf(role));
        const prepared = await PREPARE[route]();
        const response = await prepared.send(api);
        if (allowed) {
          expect(response.statusCode, response.body).toBe(prepared.status);
          if (prepared.changed) expect(await prepared.changed()).toBe(true);
        } else {
          expect(response.statusCode, response.body).toBe(403);
          expect(problem(response).code).toBe("Forbidden");
          if (prepared.changed) expect(await prepared.changed()).toBe(false);
          expect(await auditOf(t.db, response)).toEqual([]);
        }
      });
    }
  });
}
