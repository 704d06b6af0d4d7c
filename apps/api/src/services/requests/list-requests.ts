import type { LicenseRequestPage } from "@allot/contracts";
import { Prisma } from "@allot/db";
import { decodeCursor, keysetPage } from "../../lib/cursor.js";
import type { TenantContext } from "../../types.js";

interface RequestRow {
  id: string;
  status: "pending" | "approved" | "denied" | "cancelled";
  requesterId: string;
  requesterName: string;
  requesterEmail: string;
  skuId: string;
  skuPartNumber: string;
  productName: string;
  message: string | null;
  createdAt: Date;
  decidedAt: Date | null;
}

/** License requests of the tenant, newest first, with how many match the status filter (the admin's badge). */
export async function listLicenseRequests(
  ctx: TenantContext,
  query: { status?: RequestRow["status"] | undefined; cursor?: string | undefined; limit: number },
): Promise<LicenseRequestPage> {
  const conditions = [Prisma.sql`r."tenantId" = ${ctx.tenantId}::uuid`];
  if (query.status) conditions.push(Prisma.sql`r.status = ${query.status}::"LicenseRequestStatus"`);
  const filter = Prisma.join(conditions, " AND ");
  const after = query.cursor ? decodeCursor(query.cursor, ["datetime", "uuid"]) : undefined;
  const keyset = after
    ? Prisma.sql`AND (r."createdAt", r.id) < (${new Date(after[0] as string)}, ${after[1]}::uuid)`
    : Prisma.empty;
  const [rows, [total]] = await Promise.all([
    ctx.db.$queryRaw<RequestRow[]>`
      SELECT r.id::text AS id, r.status::text AS status, u.id::text AS "requesterId", u."displayName" AS "requesterName",
             u.email AS "requesterEmail", p."skuId"::text AS "skuId", p."skuPartNumber", p."displayName" AS "productName",
             r.message, r."createdAt", r."decidedAt"
        FROM "LicenseRequest" r
        JOIN "User" u ON u.id = r."requesterUserId"
        JOIN "Product" p ON p.id = r."productId"
       WHERE ${filter} ${keyset}
       ORDER BY r."createdAt" DESC, r.id DESC LIMIT ${query.limit + 1}`,
    ctx.db.$queryRaw<Array<{ count: number }>>`SELECT count(*)::int AS count FROM "LicenseRequest" r WHERE ${filter}`,
  ]);
  const page = keysetPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id]);
  return {
    items: page.rows.map((row) => ({
      id: row.id,
      status: row.status,
      requester: { id: row.requesterId, displayName: row.requesterName, email: row.requesterEmail },
      skuId: row.skuId,
      skuPartNumber: row.skuPartNumber,
      productName: row.productName,
      message: row.message,
      createdAt: row.createdAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
    })),
    nextCursor: page.nextCursor,
    total: total?.count ?? 0,
  };
}
