// A separate API process for license-concurrency.test.ts: the real app on DATABASE_URL, listening on an ephemeral
// port that it prints as one JSON line ({"port": n}) once it accepts requests. The test SIGKILLs it mid-request.
// Not a test file (vitest only picks up *.test.ts); started with `node --import tsx`.

import type { AddressInfo } from "node:net";
import { createDb } from "@allot/db";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";

const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATABASE_URL: process.env.DATABASE_URL });
if (!config.databaseUrl) throw new Error("DATABASE_URL is required");
const db = createDb({ connectionString: config.databaseUrl, maxConnections: 4 });
const app = await buildApp({ config, db, logger: false });
await app.listen({ port: 0, host: "127.0.0.1" });
process.stdout.write(`${JSON.stringify({ port: (app.server.address() as AddressInfo).port })}\n`);
