import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type Db } from "@allot/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../src/lib/free-port.js";
import { type ApiProcess, startApiProcess } from "./api-process.js";
import { createTestDatabase } from "./database.js";

/**
 * Scale-out for real: two API processes (the real start command) on one fresh database behind a real HAProxy that
 * balances round robin and health-checks /readyz. Through HAProxy a session made on one process works on both, an
 * Idempotency-Key replay answered by the other process returns the stored answer, the sign-in limit is met by both
 * processes together, and when one process dies HAProxy sends everything to the other.
 */

const HAPROXY = "/usr/sbin/haproxy";
const LOGIN_LIMIT = 5;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
const apis: ApiProcess[] = [];
let haproxy: ChildProcess | undefined;
let haproxyOutput = "";
let origin: string;
let configDir: string;

/** Both processes sign app tokens with one key, as README "Running several processes" requires. */
function signingKeys(): string {
  const jwk = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "jwk" });
  return JSON.stringify([{ kid: randomUUID(), ...jwk }]);
}

async function startHaproxy(servers: ReadonlyArray<{ name: string; origin: string }>): Promise<void> {
  const port = await freePort();
  configDir = mkdtempSync(join(tmpdir(), "allot-haproxy-"));
  const config = join(configDir, "haproxy.cfg");
  writeFileSync(
    config,
    [
      "global",
      "  maxconn 256",
      "defaults",
      "  mode http",
      "  option forwardfor",
      "  timeout connect 2s",
      "  timeout client 30s",
      "  timeout server 30s",
      "  retries 2",
      "  option redispatch",
      "frontend portal_in",
      `  bind 127.0.0.1:${port}`,
      "  http-request del-header X-Forwarded-For",
      "  default_backend portals",
      "backend portals",
      "  balance roundrobin",
      "  option httpchk GET /readyz",
      "  http-check expect status 200",
      "  http-response set-header X-Served-By %s",
      ...servers.map((s) => `  server ${s.name} ${new URL(s.origin).host} check inter 300 fall 2 rise 1`),
      "",
    ].join("\n"),
  );
  haproxy = spawn(HAPROXY, ["-db", "-f", config], { stdio: ["ignore", "pipe", "pipe"] });
  haproxy.stdout?.on("data", (chunk) => {
    haproxyOutput += chunk;
  });
  haproxy.stderr?.on("data", (chunk) => {
    haproxyOutput += chunk;
  });
  origin = `http://127.0.0.1:${port}`;
  // Ready once both servers have passed a check: requests then land on each in turn.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const served = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${origin}/readyz`).catch(() => null);
      if (response?.status === 200) served.add(response.headers.get("x-served-by") ?? "");
    }
    if (served.size === servers.length) return;
    if (Date.now() > deadline || haproxy.exitCode !== null) {
      throw new Error(`HAProxy did not reach both API processes in 20 s:\n${haproxyOutput}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  if (!existsSync(HAPROXY)) {
    throw new Error(
      `${HAPROXY} is missing: this test runs a real HAProxy. Install Debian's haproxy (apt-get install haproxy); ` +
        "scripts/test-all.mjs does so when it runs as root with apt-get.",
    );
  }
  database = await createTestDatabase("allot_scale");
  db = createDb({ connectionString: database.url, maxConnections: 2 });
  const env = {
    TOKEN_SIGNING_KEYS: signingKeys(),
    TRUST_PROXY: "1",
    LOGIN_RATE_LIMIT_PER_MINUTE: String(LOGIN_LIMIT),
    BILLING_JOB_INTERVAL_MINUTES: "0",
  };
  const started = await Promise.all([
    startApiProcess(database.url, "allot-scale-a", env),
    startApiProcess(database.url, "allot-scale-b", env),
  ]);
  apis.push(...started);
  await startHaproxy([
    { name: "api_a", origin: started[0].origin },
    { name: "api_b", origin: started[1].origin },
  ]);
}, 180_000);

afterAll(async () => {
  if (haproxy && haproxy.exitCode === null) {
    const exited = new Promise((resolve) => haproxy?.once("exit", resolve));
    haproxy.kill("SIGKILL");
    await exited;
  }
  await Promise.all(apis.map((api) => api.kill()));
  await db?.$disconnect();
  await database?.drop();
  if (configDir) rmSync(configDir, { recursive: true, force: true });
});

interface Session {
  cookie: string;
  csrfToken: string;
}
let session: Session;
let tenantId: string;

const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${origin}${path}`, {
    method,
    headers: {
      ...(session ? { cookie: session.cookie, "x-csrf-token": session.csrfToken } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const signIn = (email: string, password: string) =>
  fetch(`${origin}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });

describe("two API processes behind HAProxy", () => {
  it("a session made through one process is good on both", async () => {
    const response = await signIn("admin@contoso.test", "Allot-demo-1");
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("allot_session="));
    const me = (await response.json()) as { csrfToken: string };
    session = { cookie: (cookie ?? "").split(";")[0] as string, csrfToken: me.csrfToken };
    tenantId = (await db.tenant.findUniqueOrThrow({ where: { domain: "contoso.test" } })).id;
    const served = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const users = await call("GET", `/api/tenants/${tenantId}/users?limit=5`);
      expect(users.status, await users.clone().text()).toBe(200);
      served.add(users.headers.get("x-served-by") ?? "");
    }
    expect([...served].sort()).toEqual(["api_a", "api_b"]);
  });

  it("an Idempotency-Key replay answered by the other process returns the stored answer", async () => {
    const product = await db.product.findFirstOrThrow({ where: { skuPartNumber: "POWER_BI_PRO" } });
    const body = { skuId: product.skuId, seats: 2, billingTerm: "monthly" };
    const key = randomUUID();
    const first = await call("POST", `/api/tenants/${tenantId}/subscriptions`, body, { "idempotency-key": key });
    const firstBody = await first.text();
    expect(first.status, firstBody).toBe(201);
    const firstBy = first.headers.get("x-served-by");
    let replay: Response | undefined;
    for (let i = 0; i < 4 && replay?.headers.get("x-served-by") !== otherThan(firstBy); i++) {
      replay = await call("POST", `/api/tenants/${tenantId}/subscriptions`, body, { "idempotency-key": key });
    }
    expect(replay?.headers.get("x-served-by")).toBe(otherThan(firstBy));
    expect(replay?.status).toBe(201);
    expect(replay?.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay?.text()).toBe(firstBody);
    expect(await db.idempotencyKey.count({ where: { key } })).toBe(1);
  });

  it("the sign-in limit per client address is met by both processes together", async () => {
    // The first test's sign-in spent one of the address's LOGIN_LIMIT attempts (HAProxy's X-Forwarded-For names
    // the same client for every request). Unknown names, so no lockout gets in the way.
    const statuses: Array<{ status: number; by: string }> = [];
    for (let i = 0; i < LOGIN_LIMIT + 2; i++) {
      const response = await signIn(`nobody-${randomUUID()}@contoso.test`, "wrong-password");
      statuses.push({ status: response.status, by: response.headers.get("x-served-by") ?? "" });
      if (response.status === 429) {
        const problem = (await response.json()) as { code: string };
        expect(problem.code).toBe("RateLimited");
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      } else await response.body?.cancel();
    }
    // One process each in memory would have let 2 × LOGIN_LIMIT through.
    expect(statuses.map((s) => s.status)).toEqual([...Array(LOGIN_LIMIT - 1).fill(401), ...Array(3).fill(429)]);
    expect(new Set(statuses.filter((s) => s.status === 401).map((s) => s.by))).toEqual(new Set(["api_a", "api_b"]));
    expect(new Set(statuses.filter((s) => s.status === 429).map((s) => s.by))).toEqual(new Set(["api_a", "api_b"]));
  });

  it("when one process dies, HAProxy sends every request to the other", async () => {
    await apis[1]?.kill();
    // HAProxy retries a refused connection on the other server (redispatch), and its checks mark api_b down.
    const deadline = Date.now() + 10_000;
    let streak = 0;
    while (streak < 10) {
      if (Date.now() > deadline) throw new Error(`requests did not settle on api_a:\n${haproxyOutput}`);
      const response = await call("GET", `/api/tenants/${tenantId}/users?limit=5`);
      await response.body?.cancel();
      streak = response.status === 200 && response.headers.get("x-served-by") === "api_a" ? streak + 1 : 0;
    }
    for (let i = 0; i < 10; i++) {
      const response = await call("GET", "/api/me");
      expect(response.status).toBe(200);
      expect(response.headers.get("x-served-by")).toBe("api_a");
      await response.body?.cancel();
    }
  });
});

function otherThan(name: string | null): string {
  return name === "api_a" ? "api_b" : "api_a";
}
