import type { PartnerCustomer } from "@allot/contracts";
import { customerHealth, DELEGATED_ROLES, type DelegatedRole, relationshipGrantsAccess } from "@allot/domain";
import { decodeCursor, keysetPage } from "../../lib/cursor.js";
import { customerProducts } from "./customer-licensing.js";
import { customersSeenBy, type PartnerContext } from "./partner-context.js";
import { customerPageQuery } from "./partner-queries.js";

interface CustomerRow {
  tenantId: string;
  name: string;
  domain: string;
  relationshipId: string;
  status: "active" | "terminated";
  endsAt: Date | null;
  yourRoles: DelegatedRole[];
  pendingRequests: number;
}

/**
 * The customers the caller may see (see PartnerContext), by name, with search and keyset paging. A customer's
 * licensing comes from the same seat and conflict rules as its own admin center, and only while the relationship
 * grants access: a customer who removed the partner's privileges shows that, and nothing of its data.
 */
export async function listPartnerCustomers(
  ctx: PartnerContext,
  query: { search?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: PartnerCustomer[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor, ["text", "uuid"]) : null;
  const rows = await ctx.db.$queryRaw<CustomerRow[]>(
    customerPageQuery({
      ...customersSeenBy(ctx),
      search: query.search,
      after: after && [after[0] as string, after[1] as string],
      take: query.limit + 1,
    }),
  );
  const page = keysetPage(rows, query.limit, (row) => [row.name, row.tenantId]);
  const now = ctx.clock.now();
  const granting = page.rows.filter((row) => relationshipGrantsAccess(row, now));
  const products = await customerProducts(
    ctx.db,
    granting.map((row) => row.tenantId),
  );
  return {
    nextCursor: page.nextCursor,
    items: page.rows.map((row) => {
      const grantsAccess = relationshipGrantsAccess(row, now);
      const health = grantsAccess ? customerHealth([...(products.get(row.tenantId)?.values() ?? [])], now) : null;
      return {
        tenantId: row.tenantId,
        name: row.name,
        domain: row.domain,
        relationship: {
          id: row.relationshipId,
          status: row.status,
          grantsAccess,
          endsAt: row.endsAt?.toISOString() ?? null,
        },
        yourRoles: [...row.yourRoles].sort((a, b) => DELEGATED_ROLES.indexOf(a) - DELEGATED_ROLES.indexOf(b)),
        licensing: health && {
          assigned: health.assigned,
          total: health.total,
          conflicts: health.conflicts,
          expiringSubscriptions: health.expiring,
          pendingRequests: row.pendingRequests,
        },
      };
    }),
  };
}
