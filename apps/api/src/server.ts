// Starts the portal: API + built web app on one port. With no DATABASE_URL it runs an embedded PostgreSQL
// (PGlite) in DATA_DIR, migrated and seeded on first start, so a fresh machine needs nothing but Node.

import { fileURLToPath } from "node:url";
import { createDb, DEMO_ACCOUNTS, DEMO_PASSWORD, migrateDeploy, seedDemo } from "@allot/db";
import closeWithGrace from "close-with-grace";
import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";
import { startEmbeddedPostgres } from "./db/embedded-postgres.js";

const loaded = loadConfig();
// Defaults relative to the repository, so the start command works from any folder.
const config = {
  ...loaded,
  webDist: loaded.webDist ?? fileURLToPath(new URL("../../web/dist", import.meta.url)),
  dataDir: process.env.DATA_DIR ? loaded.dataDir : fileURLToPath(new URL("../../../.data", import.meta.url)),
};
const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
const databaseUrl = config.databaseUrl ?? (embedded?.url as string);

await migrateDeploy(databaseUrl);
const db = createDb({ connectionString: databaseUrl, maxConnections: embedded ? 1 : config.databasePoolSize });
const seeded = await seedDemo(db);

const app = await buildApp({ config, db });
closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, "shutting down after an error");
  else app.log.info({ signal }, "shutting down");
  await app.close();
  await embedded?.stop();
});

await app.listen({ host: config.host, port: config.port });
const url = `http://localhost:${config.port}`;
const lines = [
  "",
  `Allot is running at ${url}  (API docs: ${url}/docs)`,
  `Database: ${embedded ? `embedded PostgreSQL in ${config.dataDir}` : "DATABASE_URL"}${seeded ? " — demo data seeded" : ""}`,
  `Demo sign-ins (password ${DEMO_PASSWORD}):`,
  ...DEMO_ACCOUNTS.map((account) => `  ${account.email.padEnd(24)} ${account.role}`),
  "",
];
process.stdout.write(`${lines.join("\n")}\n`);
