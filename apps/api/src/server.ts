// Starts the portal: API + built web app on one port. With no DATABASE_URL it runs an embedded PostgreSQL
// (PGlite) in DATA_DIR, migrated and seeded on first start, so a fresh machine needs nothing but Node.

import { fileURLToPath } from "node:url";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "@allot/db";
import closeWithGrace from "close-with-grace";
import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";
import { openDatabase } from "./db/open-database.js";
import { randomToken } from "./lib/tokens.js";
import { accountsWithDemoPassword } from "./services/setup/demo-passwords.js";
import { setupRequired } from "./services/setup/first-run-setup.js";

const loaded = loadConfig();
// The start serves the repository's web build unless WEB_DIST names another, so it works from any folder.
const config = { ...loaded, webDist: loaded.webDist ?? fileURLToPath(new URL("../../web/dist", import.meta.url)) };
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

const app = await buildApp({ config, db, ...(setupToken ? { setupToken } : {}) });
closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, "shutting down after an error");
  else app.log.info({ signal }, "shutting down");
  await app.close();
  await database.close();
});

await app.listen({ host: config.host, port: config.port });
const url = `http://localhost:${config.port}`;
const lines = [
  "",
  `Allot is running at ${url}  (API docs: ${url}/docs)`,
  `Database: ${database.embedded ? `embedded PostgreSQL in ${config.dataDir}` : "DATABASE_URL"}${seeded ? " — demo data seeded" : ""}`,
  ...(demo
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
process.stdout.write(`${lines.join("\n")}\n`);
if (setupToken)
  app.log.warn({ setupToken }, "first-run setup is waiting: pnpm allot-setup, or POST /api/setup with X-Setup-Token");
