import { type ListUsersQuery, USER_IDS_LIMIT, type UserIds, type UserPage } from "@allot/contracts";
import { sqlOf } from "@allot/db";
import { AppError } from "../../lib/app-error.js";
import { decodeCursor, keysetPage } from "../../lib/cursor.js";
import type { TenantContext } from "../../types.js";
import { type UserColumns, userFromColumns } from "../directory/user-view.js";
import { catalogOf } from "../licenses/catalog.js";
import { type UserPageCriteria, userIdsQuery, userPageQuery } from "./users-page-query.js";

/**
 * One page of users matching the criteria, with the cursor of the next page. The list statement goes straight to
 * node-postgres over the pool of the request's client (the replica's when the read-replica plugin chose it): through
 * Prisma's $queryRaw, its compile and interpret work cost more CPU than the statement itself.
 */
export async function pageOfUsers(
  ctx: TenantContext,
  criteria: Omit<UserPageCriteria, "tenantId" | "after" | "take" | "now">,
  { cursor, limit }: { cursor?: string | undefined; limit: number },
): Promise<UserPage> {
  const after = cursor ? (decodeCursor(cursor, ["text", "uuid"]) as [string, string]) : undefined;
  const rows = await sqlOf(ctx.db).$queryRaw<UserColumns[]>(
    userPageQuery({
      ...criteria,
      tenantId: ctx.tenantId,
      after: after && { displayName: after[0], id: after[1] },
      take: limit + 1,
      now: ctx.clock.now(),
    }),
  );
  const page = keysetPage(rows, limit, (row) => [row.displayName, row.id]);
  return { items: page.rows.map(userFromColumns), nextCursor: page.nextCursor };
}

export type UserFilters = Omit<ListUsersQuery, "cursor" | "limit">;

export async function listUsers(ctx: TenantContext, { cursor, limit, ...filters }: ListUsersQuery): Promise<UserPage> {
  return pageOfUsers(ctx, await criteriaOf(ctx, filters), { cursor, limit });
}

/** Every matching user's id, in list order, up to USER_IDS_LIMIT (a bulk change's limit). */
export async function listUserIds(ctx: TenantContext, filters: UserFilters): Promise<UserIds> {
  const rows = await sqlOf(ctx.db).$queryRaw<Array<{ id: string }>>(
    userIdsQuery({
      ...(await criteriaOf(ctx, filters)),
      tenantId: ctx.tenantId,
      take: USER_IDS_LIMIT + 1,
      now: ctx.clock.now(),
    }),
  );
  return { ids: rows.slice(0, USER_IDS_LIMIT).map((row) => row.id), truncated: rows.length > USER_IDS_LIMIT };
}

/** The query's filters as the list statement takes them: a skuId becomes its product (404 when none has it). */
export async function criteriaOf(ctx: TenantContext, { skuId, ...filters }: UserFilters) {
  if (skuId === undefined) return filters;
  const product = (await catalogOf(ctx.db)).bySkuId.get(skuId);
  if (!product) {
    throw new AppError("NotFound", `No product has skuId ${skuId}.`, {
      errors: [{ path: "querystring.skuId", message: `no product has skuId ${skuId}`, skuId }],
    });
  }
  return { ...filters, productId: product.id };
}
