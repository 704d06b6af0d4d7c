import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../src/lib/free-port.js";
import { admin, databaseUrl, templateName } from "./database.js";

/**
 * The real start command (src/server.ts in its own process) in production: on an empty database it seeds no demo
 * tenant, prints a first-run setup with a one-time token and accepts that setup from 127.0.0.1; on a database whose
 * accounts still have the README's demo password it refuses to start, unless SEED_DEMO=true asks for a demo.
 */

const apiDir = fileURLToPath(new URL("..", import.meta.url));
const START_TIMEOUT_MS = 90_000;

const databases: string[] = [];
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await admin(async (client) => {
    for (const name of databases) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
});

async function database(from: "empty" | "seeded"): Promise<string> {
  const name = `allot_start_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  databases.push(name);
  await admin((client) =>
    client.query(
      from === "empty" ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${templateName()}"`,
    ),
  );
  return databaseUrl(name);
}

interface Started {
  port: number;
  output: () => string;
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Starts the portal; resolves once it listens, or once it exits (a refused start). */
async function start(env: Record<string, string>): Promise<Started & { listening: boolean }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: apiDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "warn",
      BILLING_JOB_INTERVAL_MINUTES: "0",
      WEB_DIST: fileURLToPath(new URL("./no-web-build", import.meta.url)),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const listening = await new Promise<boolean>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no start within ${START_TIMEOUT_MS} ms:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const check = setInterval(() => {
      if (output.includes("Allot is running at")) done(true);
    }, 50);
    void exited.then(() => done(false));
    function done(value: boolean) {
      clearTimeout(timer);
      clearInterval(check);
      resolve(value);
    }
  });
  return {
    port,
    listening,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

describe("production start", { timeout: 180_000 }, () => {
  it("on an empty database: no demo tenant, a first-run setup with a one-time token, done from 127.0.0.1", async () => {
    const url = await database("empty");
    const server = await start({ DATABASE_URL: url });
    try {
      expect(server.listening, server.output()).toBe(true);
      expect(server.output()).not.toContain("Demo sign-ins");
      const token = /X-Setup-Token: ([A-Za-z0-9_-]{20,})/.exec(server.output())?.[1];
      expect(token, server.output()).toBeDefined();
      const base = `http://127.0.0.1:${server.port}`;
      expect(await (await fetch(`${base}/api/setup`)).json()).toEqual({ required: true });
      const created = await fetch(`${base}/api/setup`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-setup-token": token as string },
        body: JSON.stringify({
          organizationName: "Woodgrove Bank",
          domain: "woodgrove.example",
          adminDisplayName: "Kayo Miwa",
          adminEmail: "kayo@woodgrove.example",
        }),
      });
      expect(created.status).toBe(201);
      const { oneTimePassword } = (await created.json()) as { oneTimePassword: string };
      const signIn = await fetch(`${base}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "kayo@woodgrove.example", password: oneTimePassword }),
      });
      expect(signIn.status).toBe(200);
      expect(((await signIn.json()) as { user: { passwordChangeRequired: boolean } }).user.passwordChangeRequired).toBe(
        true,
      );
      expect(await (await fetch(`${base}/api/setup`)).json()).toEqual({ required: false });
    } finally {
      await server.stop();
    }
    // The catalog is there (products to buy), the demo is not: the one organization is the one just set up.
    const counts = await countsIn(url);
    expect(counts).toEqual({ tenants: 1, users: 1, products: expect.any(Number) });
    expect(counts.products).toBeGreaterThan(10);
  });

  it("refuses to start while accounts have the demo password; SEED_DEMO=true starts it as a demo", async () => {
    const url = await database("seeded");
    const refused = await start({ DATABASE_URL: url });
    expect(refused.listening).toBe(false);
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain("refuses to start in production");
    expect(refused.output()).toContain("admin@contoso.test");

    const demo = await start({ DATABASE_URL: url, SEED_DEMO: "true" });
    try {
      expect(demo.listening, demo.output()).toBe(true);
      expect(demo.output()).toContain("Demo sign-ins");
      expect(demo.output()).not.toContain("X-Setup-Token");
    } finally {
      await demo.stop();
    }
  });
});

async function countsIn(url: string) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM "Tenant")::int AS tenants, (SELECT count(*) FROM "User")::int AS users,
              (SELECT count(*) FROM "Product")::int AS products`,
    );
    return rows[0] as { tenants: number; users: number; products: number };
  } finally {
    await client.end();
  }
}
