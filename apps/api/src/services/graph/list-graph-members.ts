import type { GraphUser } from "@allot/contracts";
import { GRAPH_USER_DEFAULT_PROPERTIES } from "@allot/contracts";
import { decodeSkipToken, encodeSkipToken, queryFingerprint } from "../../graph/odata/skip-token.js";
import { notFound } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { type GraphUserRow, graphUserColumns } from "./graph-user-columns.js";
import { toGraphUsers } from "./graph-user-view.js";

/** The members' page is bound to its group: a token of one group's members means nothing for another's. */
const fingerprintOf = (groupId: string) =>
  queryFingerprint({ filter: `members:${groupId}`, orderBy: "id", select: "" });

/**
 * GET /groups/{id}/members: the group's live members as Graph's directoryObjects (users, with Graph's default
 * properties and their `@odata.type`), by id, one keyset page at a time.
 */
export async function listGraphMembers(
  ctx: Pick<TenantContext, "db" | "tenantId">,
  groupId: string,
  query: { top: number; skipToken?: string },
): Promise<{ value: Array<GraphUser & { "@odata.type": string }>; nextSkipToken?: string }> {
  const group = await ctx.db.group.findFirst({ where: { id: groupId, tenantId: ctx.tenantId }, select: { id: true } });
  if (!group) throw notFound("Group");
  const fingerprint = fingerprintOf(groupId);
  const after = query.skipToken ? decodeSkipToken(query.skipToken, fingerprint, false).id : null;
  const rows = await ctx.db.$queryRaw<GraphUserRow[]>`
    SELECT ${graphUserColumns(false)}
      FROM "GroupMember" m JOIN "User" u ON u.id = m."userId"
     WHERE m."groupId" = ${groupId}::uuid AND u."tenantId" = ${ctx.tenantId}::uuid AND u."deletedAt" IS NULL
       AND (${after}::uuid IS NULL OR u.id > ${after}::uuid)
     ORDER BY u.id
     LIMIT ${query.top + 1}`;
  const page = rows.slice(0, query.top);
  const users = await toGraphUsers(ctx, page, GRAPH_USER_DEFAULT_PROPERTIES);
  const last = page.at(-1);
  return {
    value: users.map((user) => ({ "@odata.type": "#microsoft.graph.user", ...user })),
    nextSkipToken:
      rows.length > query.top && last ? encodeSkipToken(fingerprint, { id: last.id, displayName: null }) : undefined,
  };
}
