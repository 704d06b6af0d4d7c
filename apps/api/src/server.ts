// Starts the portal: API + built web app on one port. With no DATABASE_URL it runs an embedded PostgreSQL
// (PGlite) in DATA_DIR, migrated and seeded on first start, so a fresh machine needs nothing but Node.
// `--workers N` or WEB_CONCURRENCY=N runs N API processes on the port (node:cluster, see start/cluster.ts).

import cluster from "node:cluster";
import { fileURLToPath } from "node:url";
import closeWithGrace from "close-with-grace";
import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";
import { runPrimary, runWorker, workerCount } from "./start/cluster.js";
import { prepareDatabase, startBanner } from "./start/prepare.js";

const loaded = loadConfig();
// The start serves the repository's web build unless WEB_DIST names another, so it works from any folder.
const config = { ...loaded, webDist: loaded.webDist ?? fileURLToPath(new URL("../../web/dist", import.meta.url)) };

if (cluster.isWorker) {
  await runWorker(config);
} else if (workerCount(process.argv.slice(2), process.env) > 1) {
  await runPrimary(config, workerCount(process.argv.slice(2), process.env));
} else {
  const prepared = await prepareDatabase(config);
  const { database, setupToken } = prepared;
  const app = await buildApp({ config, db: database.db, ...(setupToken ? { setupToken } : {}) });
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, "shutting down after an error");
    else app.log.info({ signal }, "shutting down");
    await app.close();
    await database.close();
  });

  await app.listen({ host: config.host, port: config.port });
  process.stdout.write(startBanner(config, { ...prepared, embedded: database.embedded }));
  if (setupToken)
    app.log.warn({ setupToken }, "first-run setup is waiting: pnpm allot-setup, or POST /api/setup with X-Setup-Token");
}
