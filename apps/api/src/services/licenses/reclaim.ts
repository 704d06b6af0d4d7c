import type { ReclaimPage } from "@allot/contracts";
import { Prisma } from "@allot/db";
import { addDays } from "@allot/domain";
import { decodeCursor, keysetPage } from "../../lib/cursor.js";
import type { TenantContext } from "../../types.js";
import { catalogOf } from "./catalog.js";

interface CandidateRow {
  id: string;
  displayName: string;
  email: string;
  userType: "member" | "guest";
  lastSignInAt: Date | null;
  createdAt: Date;
  inactiveSince: Date;
  licenses: Array<{ skuId: string; skuPartNumber: string; displayName: string; monthlyCents: number }>;
  monthlyCostCents: number;
}

/**
 * Users who have not signed in for `inactiveDays` (never-signed-in users count from their creation) and hold paid
 * licenses directly, the longest inactive first. Inherited licenses are left out: they go with group membership,
 * not with the user. Totals cover every candidate, so the page can say what reclaiming all of them would free.
 */
export async function reclaimCandidates(
  ctx: TenantContext,
  query: { inactiveDays: number; cursor?: string | undefined; limit: number },
): Promise<ReclaimPage> {
  const since = addDays(ctx.clock.now(), -query.inactiveDays);
  const after = query.cursor ? decodeCursor(query.cursor, ["datetime", "uuid"]) : undefined;
  const keyset = after
    ? Prisma.sql`WHERE (c."inactiveSince", c.id) > (${new Date(after[0] as string)}, ${after[1]}::uuid)`
    : Prisma.empty;
  // One statement. It starts from the tenant's inactive users (the (tenantId, lastSignInAt, createdAt) index: those
  // who last signed in before `since`, and those who never did and were created before it) and sums each one's
  // direct paid assignments through the userId index: the work follows the candidates, where aggregating every
  // direct assignment of the tenant first (80k users' worth at 100k users) and then dropping the active ones took
  // most of the time. The candidates serve both the totals and the page; only the page's users get their license
  // list built.
  const rows = await ctx.db.$queryRaw<Array<CandidateRow & { totalUsers: number; totalCents: number }>>`
    WITH c AS MATERIALIZED (
      SELECT u.id, COALESCE(u."lastSignInAt", u."createdAt") AS "inactiveSince", paid.cost
        FROM "User" u
       CROSS JOIN LATERAL (
             SELECT sum(p."pricePerSeatMonthCents")::int AS cost
               FROM "LicenseAssignment" l JOIN "Product" p ON p.id = l."productId" AND p."pricePerSeatMonthCents" > 0
              WHERE l."userId" = u.id AND l."assignedByGroupId" IS NULL) paid
       WHERE u."tenantId" = ${ctx.tenantId}::uuid AND u."deletedAt" IS NULL
         AND (u."lastSignInAt" < ${since} OR (u."lastSignInAt" IS NULL AND u."createdAt" < ${since}))
         AND paid.cost IS NOT NULL
    ), totals AS (
      SELECT count(*)::int AS "totalUsers", COALESCE(sum(cost), 0)::int AS "totalCents" FROM c
    ), page AS (
      SELECT c.* FROM c ${keyset} ORDER BY c."inactiveSince", c.id LIMIT ${query.limit + 1}
    )
    SELECT u.id::text AS id, u."displayName", u.email, u."userType"::text AS "userType", u."lastSignInAt",
           u."createdAt", page."inactiveSince", page.cost AS "monthlyCostCents",
           (SELECT json_agg(json_build_object('skuId', p."skuId", 'skuPartNumber', p."skuPartNumber",
                                              'displayName', p."displayName", 'monthlyCents', p."pricePerSeatMonthCents")
                            ORDER BY p."skuPartNumber")
              FROM "LicenseAssignment" l JOIN "Product" p ON p.id = l."productId" AND p."pricePerSeatMonthCents" > 0
             WHERE l."userId" = u.id AND l."assignedByGroupId" IS NULL) AS licenses,
           totals."totalUsers", totals."totalCents"
      FROM totals LEFT JOIN page ON true LEFT JOIN "User" u ON u.id = page.id
     ORDER BY page."inactiveSince", page.id`;
  const totals = rows[0] ?? { totalUsers: 0, totalCents: 0 };
  const candidates = rows.filter((row) => row.id !== null);
  // Every product of the catalog is priced in one currency.
  const [product] = (await catalogOf(ctx.db)).byId.values();
  const page = keysetPage(candidates, query.limit, (row) => [row.inactiveSince.toISOString(), row.id]);
  return {
    items: page.rows.map((row) => ({
      id: row.id,
      displayName: row.displayName,
      email: row.email,
      userType: row.userType,
      lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      licenses: row.licenses,
      monthlyCostCents: row.monthlyCostCents,
    })),
    nextCursor: page.nextCursor,
    totalUsers: totals.totalUsers,
    totalMonthlyCostCents: totals.totalCents,
    currency: product?.currency ?? "EUR",
    inactiveSince: since.toISOString(),
  };
}
