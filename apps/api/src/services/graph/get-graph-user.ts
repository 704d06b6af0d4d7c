import type { GraphUser } from "@allot/contracts";
import { resolveSelect } from "../../graph/odata/user-select.js";
import { notFound } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { type GraphUserRow, graphUserColumns, needsAssignments } from "./graph-user-columns.js";
import { propertiesOf, toGraphUsers } from "./graph-user-view.js";
import { resolveUserRef } from "./user-ref.js";

/**
 * One live user of the tenant, by id or user principal name, with the properties selected (names in any letter
 * case; a name the user does not have is refused as $select would be) or Graph's default ones. A deleted user, or
 * another tenant's, is not found.
 */
export async function getGraphUser(
  ctx: Pick<TenantContext, "db" | "tenantId">,
  idOrUserPrincipalName: string,
  select: readonly string[] | undefined,
): Promise<GraphUser> {
  const properties = propertiesOf(select === undefined ? undefined : resolveSelect(select));
  const userId = await resolveUserRef(ctx, idOrUserPrincipalName);
  const rows = await ctx.db.$queryRaw<GraphUserRow[]>`
    SELECT ${graphUserColumns(needsAssignments(properties))}
      FROM "User" u
     WHERE u.id = ${userId}::uuid AND u."tenantId" = ${ctx.tenantId}::uuid AND u."deletedAt" IS NULL`;
  const [user] = await toGraphUsers(ctx, rows, properties);
  if (!user) throw notFound("User");
  return user;
}
