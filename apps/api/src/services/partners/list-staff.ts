import type { StaffPage } from "@allot/contracts";
import type { Prisma } from "@allot/db";
import { decodeCursor, keysetPage } from "../../lib/cursor.js";
import { likeLiteral } from "../../lib/like.js";
import type { PartnerContext } from "./partner-context.js";
import { assertMayManageStaff } from "./staff-rights.js";
import { staffSelect, staffWhere, toStaffMember } from "./staff-view.js";

/**
 * The partner's staff by name (keyset on name, id), with their roles in the partner's tenant and their delegated
 * roles per customer; `search` matches part of the name or email.
 */
export async function listStaff(
  ctx: PartnerContext,
  query: { search?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<StaffPage> {
  assertMayManageStaff(ctx);
  const conditions: Prisma.UserWhereInput[] = [staffWhere(ctx.partnerTenantId)];
  if (query.search) {
    conditions.push({
      OR: [
        { displayName: { contains: likeLiteral(query.search), mode: "insensitive" } },
        { email: { contains: likeLiteral(query.search), mode: "insensitive" } },
      ],
    });
  }
  if (query.cursor) {
    const [name, id] = decodeCursor(query.cursor, ["text", "uuid"]) as [string, string];
    conditions.push({ OR: [{ displayName: { gt: name } }, { displayName: name, id: { gt: id } }] });
  }
  const rows = await ctx.db.user.findMany({
    where: { AND: conditions },
    select: staffSelect,
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    take: query.limit + 1,
  });
  const page = keysetPage(rows, query.limit, (row) => [row.displayName, row.id]);
  const now = ctx.clock.now();
  return { items: page.rows.map((row) => toStaffMember(row, now)), nextCursor: page.nextCursor };
}
