import type { LicenseRequest, LicenseRequestPage } from "@allot/contracts";
import { Prisma, type Tx } from "@allot/db";
import { notFound } from "../../lib/app-error.js";
import { decodeCursor, keysetPage } from "../../lib/cursor.js";
import type { TenantContext } from "../../types.js";

type Reader = Pick<Tx, "$queryRaw">;
type RequestStatus = LicenseRequest["status"];

interface RequestRow {
  id: string;
  status: RequestStatus;
  requesterId: string;
  requesterName: string;
  requesterEmail: string;
  skuId: string;
  skuPartNumber: string;
  productName: string;
  message: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  deciderId: string | null;
  deciderName: string | null;
  decisionReason: string | null;
  fulfilledSkuId: string | null;
  fulfilledName: string | null;
}

export interface RequestFilter {
  ids?: readonly string[];
  /** Only this person's requests (My licenses). */
  requesterUserId?: string;
  status?: RequestStatus | undefined;
  /** Keyset: rows strictly before this (createdAt, id), newest first. */
  before?: { at: Date; id: string };
  take?: number;
}

function conditionsOf(tenantId: string, filter: Omit<RequestFilter, "before" | "take">): Prisma.Sql {
  const conditions = [Prisma.sql`r."tenantId" = ${tenantId}::uuid`];
  if (filter.ids) conditions.push(Prisma.sql`r.id = ANY(${[...filter.ids]}::uuid[])`);
  if (filter.requesterUserId) conditions.push(Prisma.sql`r."requesterUserId" = ${filter.requesterUserId}::uuid`);
  if (filter.status) conditions.push(Prisma.sql`r.status = ${filter.status}::"LicenseRequestStatus"`);
  return Prisma.join(conditions, " AND ");
}

/** License requests of the tenant as the API shows them, newest first. */
export async function loadRequests(
  db: Reader,
  tenantId: string,
  filter: RequestFilter = {},
): Promise<LicenseRequest[]> {
  const keyset = filter.before
    ? Prisma.sql`AND (r."createdAt", r.id) < (${filter.before.at}, ${filter.before.id}::uuid)`
    : Prisma.empty;
  const rows = await db.$queryRaw<RequestRow[]>`
    SELECT r.id::text AS id, r.status::text AS status, u.id::text AS "requesterId", u."displayName" AS "requesterName",
           u.email AS "requesterEmail", p."skuId"::text AS "skuId", p."skuPartNumber", p."displayName" AS "productName",
           r.message, r."createdAt", r."decidedAt", d.id::text AS "deciderId", d."displayName" AS "deciderName",
           r."decisionReason", f."skuId"::text AS "fulfilledSkuId", f."displayName" AS "fulfilledName"
      FROM "LicenseRequest" r
      JOIN "User" u ON u.id = r."requesterUserId"
      JOIN "Product" p ON p.id = r."productId"
      LEFT JOIN "User" d ON d.id = r."decidedByUserId"
      LEFT JOIN "Product" f ON f.id = r."fulfilledWithProductId"
     WHERE ${conditionsOf(tenantId, filter)} ${keyset}
     ORDER BY r."createdAt" DESC, r.id DESC
     ${filter.take ? Prisma.sql`LIMIT ${filter.take}` : Prisma.empty}`;
  return rows.map(toLicenseRequest);
}

/** One request of the tenant (404 when it is not one). */
export async function loadRequest(db: Reader, tenantId: string, requestId: string): Promise<LicenseRequest> {
  const [request] = await loadRequests(db, tenantId, { ids: [requestId] });
  if (!request) throw notFound("License request");
  return request;
}

function toLicenseRequest(row: RequestRow): LicenseRequest {
  return {
    id: row.id,
    status: row.status,
    requester: { id: row.requesterId, displayName: row.requesterName, email: row.requesterEmail },
    skuId: row.skuId,
    skuPartNumber: row.skuPartNumber,
    productName: row.productName,
    message: row.message,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: row.deciderId ? { id: row.deciderId, displayName: row.deciderName ?? "" } : null,
    decisionReason: row.decisionReason,
    fulfilledWith: row.fulfilledSkuId ? { skuId: row.fulfilledSkuId, productName: row.fulfilledName ?? "" } : null,
  };
}

/** License requests of the tenant, newest first, with how many match the status filter (the admin's badge). */
export async function listLicenseRequests(
  ctx: TenantContext,
  query: { status?: RequestStatus | undefined; cursor?: string | undefined; limit: number },
): Promise<LicenseRequestPage> {
  const after = query.cursor ? decodeCursor(query.cursor, ["datetime", "uuid"]) : undefined;
  const [items, [total]] = await Promise.all([
    loadRequests(ctx.db, ctx.tenantId, {
      status: query.status,
      ...(after ? { before: { at: new Date(after[0] as string), id: after[1] as string } } : {}),
      take: query.limit + 1,
    }),
    ctx.db.$queryRaw<Array<{ count: number }>>`
      SELECT count(*)::int AS count FROM "LicenseRequest" r WHERE ${conditionsOf(ctx.tenantId, { status: query.status })}`,
  ]);
  const page = keysetPage(items, query.limit, (item) => [item.createdAt, item.id]);
  return { items: page.rows, nextCursor: page.nextCursor, total: total?.count ?? 0 };
}
