// Group-based licensing: a group of 10,000 members gets a license (POST groups/:g/assignLicense); measured from
// sending the request until every member's inherited license is in effect (counted right after the answer),
// next to the equivalent INSERT … SELECT from GroupMember on raw pg.
import type pg from "pg";
import { ApiClient } from "./lib/api.js";
import {
  addGroup,
  addUsers,
  checkCounter,
  databaseMs,
  environmentLine,
  explainInTransaction,
  type LicensingContext,
  mark,
  median,
  oneLine,
  slowest,
  statementTable,
  withLicensingBench,
} from "./lib/licensing.js";
import { type CapturedStatement, captureSql } from "./lib/sql-capture.js";
import { ms, table } from "./lib/stats.js";

export const description =
  "Group of 10,000 members licensed: API (HTTP) until every member's license is in effect vs INSERT … SELECT on raw pg";

const MEMBERS = 10_000;
const RUNS = 3;
const WARMUP_MEMBERS = 1_000;
/** Members of the group the slowest statement is explained on (EXPLAIN ANALYZE runs it: kept small). */
const EXPLAIN_MEMBERS = 2_000;
const TARGET_MS = 5_000;
const SKU = "VISIOCLIENT";

const ASSIGNABLE = `s.state IN ('active', 'expired') AND (s.source <> 'selfService' OR s."takenOverAt" IS NOT NULL)`;
const LOCK_GROUP = `SELECT "displayName" FROM "Group" WHERE id = $1::uuid AND "tenantId" = $2::uuid FOR NO KEY UPDATE`;
const INSERT_GROUP_LICENSE = `INSERT INTO "GroupLicense" (id, "groupId", "productId", "disabledServicePlanIds", "tenantId") VALUES (gen_random_uuid(), $1::uuid, $2::uuid, '{}', $3::uuid)`;
const LOCK_SEAT = `SELECT "consumedUnits" FROM "TenantProduct" WHERE "tenantId" = $1::uuid AND "productId" = $2::uuid FOR UPDATE`;
// New holders: members without any assignment of the product in effect yet (the counter counts distinct holders).
const INSERT_INHERITED = `WITH members AS (
    SELECT m."userId" FROM "GroupMember" m JOIN "User" u ON u.id = m."userId" AND u."deletedAt" IS NULL
     WHERE m."groupId" = $1::uuid),
  inserted AS (
    INSERT INTO "LicenseAssignment" (id, "tenantId", "userId", "productId", "assignedByGroupId", "disabledServicePlanIds", state, "updatedAt")
    SELECT gen_random_uuid(), $2::uuid, "userId", $3::uuid, $1::uuid, '{}', 'active', now() FROM members
    RETURNING "userId")
  SELECT count(*)::int AS inserted,
         count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM "LicenseAssignment" la
                                             WHERE la."userId" = i."userId" AND la."productId" = $3::uuid AND la.state <> 'error'))::int AS "newHolders"
    FROM inserted i`;
const BUMP_COUNTER = `UPDATE "TenantProduct" tp SET "consumedUnits" = tp."consumedUnits" + $3::int
  WHERE tp."tenantId" = $1::uuid AND tp."productId" = $2::uuid
    AND tp."consumedUnits" + $3::int <= (SELECT COALESCE(SUM(s.seats), 0) FROM "Subscription" s
                                        WHERE s."tenantId" = tp."tenantId" AND s."productId" = tp."productId" AND ${ASSIGNABLE})`;
const INSERT_AUDIT = `INSERT INTO "AuditEvent" (id, "tenantId", "actorUserId", action, "targetType", "targetId", "productIds", after, "requestId")
  VALUES (gen_random_uuid(), $1::uuid, $2::uuid, 'group.licensesChanged', 'group', $3, ARRAY[$4::uuid], $5::jsonb, 'raw')`;
const COUNT_EFFECTIVE = `SELECT count(*)::int AS n FROM "LicenseAssignment"
  WHERE "assignedByGroupId" = $1::uuid AND "productId" = $2::uuid AND state = 'active'`;

interface Timed {
  /** Until the answer (API) or COMMIT (raw). */
  answerMs: number;
  /** Until the count of active inherited rows confirmed every member. */
  effectiveMs: number;
}

async function countEffective(pool: pg.Pool, ctx: LicensingContext, groupId: string, members: number): Promise<void> {
  const { rows } = await pool.query<{ n: number }>(COUNT_EFFECTIVE, [groupId, ctx.productId]);
  if (rows[0]?.n !== members) {
    throw new Error(
      `group ${groupId}: ${rows[0]?.n} of ${members} members hold an active inherited assignment after the answer`,
    );
  }
}

async function rawGroup(pool: pg.Pool, ctx: LicensingContext, groupId: string, members: number): Promise<Timed> {
  const client = await pool.connect();
  const start = performance.now();
  try {
    await client.query("BEGIN");
    const group = await client.query(LOCK_GROUP, [groupId, ctx.tenantId]);
    if (group.rowCount !== 1) throw new Error("raw: no such group");
    await client.query(INSERT_GROUP_LICENSE, [groupId, ctx.productId, ctx.tenantId]);
    await client.query(LOCK_SEAT, [ctx.tenantId, ctx.productId]);
    const { rows } = await client.query<{ inserted: number; newHolders: number }>(INSERT_INHERITED, [
      groupId,
      ctx.tenantId,
      ctx.productId,
    ]);
    const newHolders = rows[0]?.newHolders ?? 0;
    const bumped = await client.query(BUMP_COUNTER, [ctx.tenantId, ctx.productId, newHolders]);
    if (bumped.rowCount !== 1) throw new Error("raw: the guarded counter update refused");
    await client.query(INSERT_AUDIT, [
      ctx.tenantId,
      ctx.actorId,
      groupId,
      ctx.productId,
      JSON.stringify({ licenses: [{ skuId: ctx.skuId, disabledPlans: [] }], members: rows[0]?.inserted }),
    ]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  const answerMs = performance.now() - start;
  await countEffective(pool, ctx, groupId, members);
  return { answerMs, effectiveMs: performance.now() - start };
}

interface ApiTimed extends Timed {
  groupId: string;
  statements: CapturedStatement[];
  t0: number;
}

interface GroupLicenses {
  memberCount: number;
  membersWithLicenseErrorsCount: number;
  licenseProcessingState: { state: string };
}

async function apiGroup(
  client: ApiClient,
  pool: pg.Pool,
  ctx: LicensingContext,
  groupId: string,
  members: number,
): Promise<ApiTimed> {
  const body = { addLicenses: [{ skuId: ctx.skuId, disabledPlans: [] }], removeLicenses: [] };
  const t0 = performance.now();
  const { result, statements } = await captureSql(() =>
    client.request<GroupLicenses>("POST", `/api/tenants/${ctx.tenantId}/groups/${groupId}/assignLicense`, body),
  );
  const answerMs = performance.now() - t0;
  if (result.status !== 200 || result.body.membersWithLicenseErrorsCount !== 0) {
    throw new Error(`group assignLicense answered ${result.status}: ${JSON.stringify(result.body).slice(0, 400)}`);
  }
  await countEffective(pool, ctx, groupId, members);
  return { groupId, answerMs, effectiveMs: performance.now() - t0, statements, t0 };
}

export default async function licensesGroup(): Promise<void> {
  const started = performance.now();
  await withLicensingBench(
    { sku: SKU, poolMax: 3 },
    async ({ directory, pool, api, tenantId, benched: visio, context }) => {
      const client = new ApiClient(api.baseUrl);
      try {
        const group = async (name: string, members: number) =>
          addGroup(pool, tenantId, name, await addUsers(pool, tenantId, members, name));
        const warm = {
          api: await group("group-warm-api", WARMUP_MEMBERS),
          raw: await group("group-warm-raw", WARMUP_MEMBERS),
        };
        const explainGroup = await group("group-explain", EXPLAIN_MEMBERS);
        const runs: Array<{ api: string; raw: string }> = [];
        for (let k = 0; k < RUNS; k++) {
          runs.push({ api: await group(`group-api-${k}`, MEMBERS), raw: await group(`group-raw-${k}`, MEMBERS) });
        }
        await pool.query(
          `VACUUM (ANALYZE) "User", "Group", "GroupMember", "TenantProduct", "Subscription", "LicenseAssignment"`,
        );
        const ctx = await context();
        process.stdout.write(
          `licenses-group: database ready (${2 * RUNS} groups of ${MEMBERS} fresh members) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
        );
        await client.login(directory.admin.email, directory.admin.password);

        const warmApi = await apiGroup(client, pool, ctx, warm.api, WARMUP_MEMBERS);
        await rawGroup(pool, ctx, warm.raw, WARMUP_MEMBERS);
        const apiRuns: ApiTimed[] = [];
        const rawRuns: Timed[] = [];
        for (let k = 0; k < RUNS; k++) {
          const run = runs[k] as { api: string; raw: string };
          apiRuns.push(await apiGroup(client, pool, ctx, run.api, MEMBERS));
          rawRuns.push(await rawGroup(pool, ctx, run.raw, MEMBERS));
          process.stdout.write(
            `licenses-group: run ${k + 1}: API effective after ${ms(apiRuns[k]?.effectiveMs ?? Number.NaN)} ms, raw ${ms(rawRuns[k]?.effectiveMs ?? Number.NaN)} ms\n`,
          );
        }
        await checkCounter(pool, tenantId, visio.id);

        // ── Report ──
        const apiEffective = median(apiRuns.map((r) => r.effectiveMs));
        const rawEffective = median(rawRuns.map((r) => r.effectiveMs));
        const out: string[] = [""];
        out.push(
          await environmentLine(
            pool,
            `API from ${api.source}, Prisma pool 10, 1 keep-alive HTTP connection, runs in sequence`,
          ),
        );
        out.push(
          `Data: Bench Corp ${directory.counts.benchUsers} users + ${2 * RUNS} groups of ${MEMBERS} fresh licensable members (set up in SQL); one ${SKU} subscription of 1,000,000 seats; ` +
            `${RUNS} runs each after a ${WARMUP_MEMBERS}-member warm-up; "effective" = the answer plus a count of the group's active inherited assignments, which must equal the member count`,
        );
        out.push(
          "Baseline: BEGIN; lock the group; INSERT GroupLicense; lock the seat row; INSERT INTO LicenseAssignment … SELECT FROM GroupMember JOIN User (live members); guarded counter UPDATE by the new holders; one audit event; COMMIT; then the same count",
        );
        out.push("");
        const rows = apiRuns.map((r, k) => {
          const raw = rawRuns[k] as Timed;
          return [
            `run ${k + 1}`,
            `${ms(r.answerMs)} ms`,
            `${ms(r.effectiveMs)} ms`,
            `${ms(raw.answerMs)} ms`,
            `${ms(raw.effectiveMs)} ms`,
            `${(r.effectiveMs / raw.effectiveMs).toFixed(1)}×`,
          ];
        });
        rows.push([
          "median",
          `${ms(median(apiRuns.map((r) => r.answerMs)))} ms`,
          `${ms(apiEffective)} ms`,
          `${ms(median(rawRuns.map((r) => r.answerMs)))} ms`,
          `${ms(rawEffective)} ms`,
          `${(apiEffective / rawEffective).toFixed(1)}×`,
        ]);
        out.push(table(["", "API answer", "API effective", "raw COMMIT", "raw effective", "API/raw"], rows));
        out.push(
          `Target: every member's license effective < ${TARGET_MS / 1000} s: ${ms(apiEffective)} ms ${mark(apiEffective < TARGET_MS)}`,
        );
        const medianRun = [...apiRuns].sort((a, b) => a.effectiveMs - b.effectiveMs)[
          Math.floor(apiRuns.length / 2)
        ] as ApiTimed;
        const db = databaseMs(medianRun.statements);
        out.push("");
        out.push(
          `The median API run statement by statement (${ms(medianRun.answerMs)} ms to the answer: ${ms(db)} ms in ${medianRun.statements.length} SQL statements, ` +
            `${ms(medianRun.answerMs - db)} ms elsewhere: HTTP, the domain's planning for ${MEMBERS} members, building the statements' parameters):`,
        );
        out.push(statementTable(medianRun.statements, medianRun.t0));

        // The slowest statement: how it scales (warm-up group vs the median run) and its plan in the API's situation
        // (inherited rows just inserted in the same transaction, for a group the statistics have never seen).
        const slow = slowest(medianRun.statements);
        if (slow) {
          const slowMs = slow.endedAt - slow.startedAt;
          const sameInWarmup = warmApi.statements.find((s) => s.text === slow.text);
          out.push("");
          out.push(`Slowest statement of the median run (${ms(slowMs)} ms): ${oneLine(slow.text, 400)}`);
          if (sameInWarmup) {
            const warmMs = sameInWarmup.endedAt - sameInWarmup.startedAt;
            out.push(
              `  with ${WARMUP_MEMBERS} members (warm-up) it took ${ms(warmMs)} ms: ×${(slowMs / warmMs).toFixed(0)} for ×${MEMBERS / WARMUP_MEMBERS} members`,
            );
          }
          const values = slow.values.map((v) => (v === medianRun.groupId ? explainGroup : v));
          // Only a read can be replayed on another group (a write would collide with the run's own rows).
          const plan = !/^\s*SELECT\b/i.test(slow.text)
            ? ["(a write: not replayed)"]
            : await explainInTransaction(
                pool,
                async (tx) => {
                  await tx.query(
                    `INSERT INTO "LicenseAssignment" (id, "tenantId", "userId", "productId", "assignedByGroupId", "disabledServicePlanIds", state, "updatedAt")
               SELECT gen_random_uuid(), $2, "userId", $3, $1, '{}', 'active', now() FROM "GroupMember" WHERE "groupId" = $1`,
                    [explainGroup, ctx.tenantId, ctx.productId],
                  );
                },
                slow.text,
                values,
              );
          out.push(
            `  EXPLAIN ANALYZE in a rolled-back transaction that first inserts the inherited rows of a fresh ${EXPLAIN_MEMBERS}-member group, as the API's transaction does:`,
          );
          for (const line of plan) out.push(`    ${line}`);
        }
        out.push("");
        out.push(`licenses-group: total ${((performance.now() - started) / 1000).toFixed(1)} s`);
        process.stdout.write(`${out.join("\n")}\n`);
      } finally {
        client.close();
      }
    },
  );
}
