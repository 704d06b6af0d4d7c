import { createDb, DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "@allot/db";
import type { Config } from "../config.js";
import { type OpenDatabase, openDatabase } from "../db/open-database.js";
import { randomToken } from "../lib/tokens.js";
import { accountsWithDemoPassword } from "../services/setup/demo-passwords.js";
import { setupRequired } from "../services/setup/first-run-setup.js";

export interface Prepared {
  database: OpenDatabase;
  demo: boolean;
  seeded: boolean;
  /** Set while the database has no organization yet: the one-time token of POST /api/setup. */
  setupToken: string | undefined;
}

/** An arbitrary constant: the PostgreSQL advisory lock concurrent starts take around migrating and seeding. */
const START_LOCK = 4_719_071_302;

/**
 * What a start does once before it serves: migrate, put the catalog (and, outside production, the demo) in place,
 * refuse a production database that still has the published demo password, and make the first-run setup token.
 * Several processes started at once on one database (compose replicas, separately started processes) take turns
 * under an advisory lock, so two of them never seed the demo side by side. Exits the process on refusal.
 */
export async function prepareDatabase(config: Config): Promise<Prepared> {
  // A connection of its own: a session-level lock is held by one connection, not by a pool.
  const lock = config.databaseUrl ? createDb({ connectionString: config.databaseUrl, maxConnections: 1 }) : null;
  if (lock) await lock.$queryRaw`SELECT pg_advisory_lock(${START_LOCK}::bigint)::text`;
  try {
    const database = await openDatabase(config);
    const { db } = database;
    // The demo tenants' admins share the password the README publishes: never in production unless asked for.
    const demo = database.embedded || config.seedDemo || config.env !== "production";
    const seeded = demo ? await seedDemo(db) : false;
    if (!demo) {
      const exposed = await accountsWithDemoPassword(db);
      if (exposed.length > 0) {
        process.stderr.write(
          [
            "",
            `Allot refuses to start in production: ${exposed.length} account(s) still have the demo password published in the README:`,
            ...exposed.map((email) => `  ${email}`),
            "Reset their passwords or delete them (or set SEED_DEMO=true for a deliberate demo), then start again.",
            "",
          ].join("\n"),
        );
        await database.close();
        process.exit(1);
      }
    }
    // An empty database waits for its first organization: `pnpm allot-setup`, or POST /api/setup with this token.
    const setupToken = (await setupRequired(db)) ? randomToken(24) : undefined;
    return { database, demo, seeded, setupToken };
  } finally {
    if (lock) {
      await lock.$queryRaw`SELECT pg_advisory_unlock(${START_LOCK}::bigint)::text`;
      await lock.$disconnect();
    }
  }
}

/** The lines a start prints once it serves (what the README's first steps and the tests look for). */
export function startBanner(config: Config, prepared: Omit<Prepared, "database"> & { embedded: boolean }): string {
  const url = `http://localhost:${config.port}`;
  const { setupToken } = prepared;
  const lines = [
    "",
    `Allot is running at ${url}  (API docs: ${url}/docs)`,
    `Database: ${prepared.embedded ? `embedded PostgreSQL in ${config.dataDir}` : "DATABASE_URL"}${prepared.seeded ? " — demo data seeded" : ""}`,
    ...(prepared.demo
      ? [
          `Demo sign-ins (password ${DEMO_PASSWORD}):`,
          ...DEMO_ACCOUNTS.map((account) => `  ${account.email.padEnd(24)} ${account.role}`),
        ]
      : []),
    ...(setupToken
      ? [
          "No organization yet. Create the first one and its global admin on this server:",
          `  pnpm allot-setup --organization "Contoso" --domain contoso.com --admin-name "Megan Bowen" --admin-email admin@contoso.com`,
          "or, from this machine (127.0.0.1), with this start's one-time setup token:",
          `  curl -X POST http://127.0.0.1:${config.port}/api/setup -H 'Content-Type: application/json' -H 'X-Setup-Token: ${setupToken}' \\`,
          `       -d '{"organizationName":"Contoso","domain":"contoso.com","adminDisplayName":"Megan Bowen","adminEmail":"admin@contoso.com"}'`,
        ]
      : []),
    "",
  ];
  return `${lines.join("\n")}\n`;
}
