import { Prisma } from "@allot/db";
import { likeLiteral } from "../../lib/like.js";
import { assertOwnTenant } from "../../lib/own-tenant.js";
import type { TenantContext } from "../../types.js";

export interface Person {
  id: string;
  displayName: string;
  email: string;
}

/**
 * The people picker's lookup, open to everyone in the organisation (a self-service buyer lacks directory.read):
 * live users whose name or email contains the text, case-insensitive, by name; no text gives the first by name.
 * Only id, name and email: nothing else of the directory. Own tenant only.
 */
export async function searchPeople(
  ctx: TenantContext,
  query: { search?: string | undefined; limit: number },
): Promise<{ value: Person[] }> {
  assertOwnTenant(ctx);
  const conditions = [Prisma.sql`u."tenantId" = ${ctx.tenantId}::uuid`, Prisma.sql`u."deletedAt" IS NULL`];
  if (query.search) {
    const pattern = `%${likeLiteral(query.search)}%`;
    conditions.push(Prisma.sql`(u."displayName" ILIKE ${pattern} OR u.email ILIKE ${pattern})`);
  }
  const value = await ctx.db.$queryRaw<Person[]>`
    SELECT u.id::text AS id, u."displayName", u.email
      FROM "User" u
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY u."displayName", u.id
     LIMIT ${query.limit}`;
  return { value };
}
