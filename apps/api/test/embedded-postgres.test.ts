import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, migrateDeploy, seedDemo } from "@allot/db";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { startEmbeddedPostgres } from "../src/db/embedded-postgres.js";
import { as, login } from "./helpers.js";

// The start command's default on a machine without PostgreSQL: the same migrations, seed and queries (trigram
// search included) must work on the embedded PGlite as on the server.
describe("embedded PostgreSQL (no DATABASE_URL)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "allot-embedded-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("migrates, seeds, signs in and searches users", { timeout: 240_000 }, async () => {
    const embedded = await startEmbeddedPostgres(dataDir);
    const db = createDb({ connectionString: embedded.url, maxConnections: 1 });
    const app = await buildApp({ config: loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }), db, logger: false });
    try {
      await migrateDeploy(embedded.url);
      expect(await seedDemo(db)).toBe(true);
      expect(await seedDemo(db)).toBe(false);

      const session = await login(app, "admin@contoso.test");
      const tenantId = session.me.tenants[0]?.id as string;
      const response = await as(app, session).get(`/api/tenants/${tenantId}/users?search=bakker&limit=5`);
      expect(response.statusCode).toBe(200);
      const page = response.json() as { items: Array<{ email: string }> };
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every((user) => user.email.includes("bakker"))).toBe(true);

      // The background work shares the one connection: a bulk job through the queue (pg-boss over the app's
      // pool), and the billing lifecycle by hand.
      const users = await db.user.findMany({ where: { tenantId, deletedAt: null }, take: 3, select: { id: true } });
      const visio = await db.product.findFirstOrThrow({ where: { skuPartNumber: "VISIOCLIENT" } });
      const posted = await as(app, session).post(`/api/tenants/${tenantId}/licenses/bulkJobs`, {
        userIds: users.map((user) => user.id),
        add: [{ skuId: visio.skuId }],
      });
      expect(posted.statusCode, posted.body).toBe(202);
      const jobId = (posted.json() as { id: string }).id;
      await app.licenseJobs.settled(jobId);
      expect(await db.licenseJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
        status: "succeeded",
        processed: users.length,
      });
      expect(await app.billingJob.runOnce()).not.toBeNull();
    } finally {
      await app.close();
      await embedded.stop();
    }
  });
});
