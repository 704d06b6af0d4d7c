import type { ReclaimPage } from "@allot/contracts";
import { Prisma } from "@allot/db";
import { decodeCursor, keysetPage } from "../../lib/cursor.js";
import type { TenantContext } from "../../types.js";

const DAY_MS = 86_400_000;

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
  const since = new Date(Date.now() - query.inactiveDays * DAY_MS);
  const after = query.cursor ? decodeCursor(query.cursor, ["datetime", "uuid"]) : undefined;
  const candidates = Prisma.sql`
    SELECT u.id, COALESCE(u."lastSignInAt", u."createdAt") AS "inactiveSince",
           json_agg(json_build_object('skuId', p."skuId", 'skuPartNumber', p."skuPartNumber",
                                      'displayName', p."displayName", 'monthlyCents', p."pricePerSeatMonthCents")
                    ORDER BY p."skuPartNumber") AS licenses,
           sum(p."pricePerSeatMonthCents")::int AS "monthlyCostCents"
      FROM "User" u
      JOIN "LicenseAssignment" l ON l."userId" = u.id AND l."assignedByGroupId" IS NULL
      JOIN "Product" p ON p.id = l."productId" AND p."pricePerSeatMonthCents" > 0
     WHERE u."tenantId" = ${ctx.tenantId}::uuid AND u."deletedAt" IS NULL
       AND COALESCE(u."lastSignInAt", u."createdAt") < ${since}
     GROUP BY u.id`;
  const keyset = after
    ? Prisma.sql`WHERE (c."inactiveSince", c.id) > (${new Date(after[0] as string)}, ${after[1]}::uuid)`
    : Prisma.empty;
  const [rows, [totals], [currency]] = await Promise.all([
    ctx.db.$queryRaw<CandidateRow[]>`
      WITH c AS (${candidates})
      SELECT u.id::text AS id, u."displayName", u.email, u."userType"::text AS "userType", u."lastSignInAt",
             u."createdAt", c."inactiveSince", c.licenses, c."monthlyCostCents"
        FROM c JOIN "User" u ON u.id = c.id ${keyset}
       ORDER BY c."inactiveSince", c.id LIMIT ${query.limit + 1}`,
    ctx.db.$queryRaw<Array<{ users: number; cents: number }>>`
      WITH c AS (${candidates})
      SELECT count(*)::int AS users, COALESCE(sum(c."monthlyCostCents"), 0)::int AS cents FROM c`,
    ctx.db.$queryRaw<Array<{ currency: string }>>`SELECT currency::text AS currency FROM "Product" LIMIT 1`,
  ]);
  const page = keysetPage(rows, query.limit, (row) => [row.inactiveSince.toISOString(), row.id]);
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
    totalUsers: totals?.users ?? 0,
    totalMonthlyCostCents: totals?.cents ?? 0,
    currency: currency?.currency ?? "EUR",
    inactiveSince: since.toISOString(),
  };
}
