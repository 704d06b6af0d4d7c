import type { AddLicense, GraphCreateGroup, GraphGroup } from "@allot/contracts";
import type { Prisma } from "@allot/db";
import { decodeSkipToken, encodeSkipToken, queryFingerprint } from "../../graph/odata/skip-token.js";
import { AppError, notFound } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { assignGroupLicenses } from "../groups/group-licenses.js";
import { createGroup } from "../groups/groups.js";
import { addMembers, removeMember } from "../groups/members.js";

/** The group properties $select may name; assignedLicenses only when named, as Graph returns it. */
export const GROUP_PROPERTIES = [
  "id",
  "displayName",
  "description",
  "mailEnabled",
  "mailNickname",
  "securityEnabled",
  "groupTypes",
  "createdDateTime",
  "assignedLicenses",
] as const;
type GroupProperty = (typeof GROUP_PROPERTIES)[number];
const DEFAULT_PROPERTIES = GROUP_PROPERTIES.filter((property) => property !== "assignedLicenses");

const groupSelect = {
  id: true,
  displayName: true,
  description: true,
  createdAt: true,
  groupLicenses: {
    select: { disabledServicePlanIds: true, product: { select: { skuId: true } } },
    orderBy: { productId: "asc" },
  },
} satisfies Prisma.GroupSelect;
type GroupRow = Prisma.GroupGetPayload<{ select: typeof groupSelect }>;

/** A mail nickname for a group created in the admin center (Graph requires one; Allot's groups have no mail). */
const nicknameOf = (displayName: string) => displayName.replace(/[^A-Za-z0-9._-]+/g, "").slice(0, 64) || "group";

function toGraphGroup(row: GroupRow, properties: readonly GroupProperty[]): Partial<GraphGroup> & { id: string } {
  const full: GraphGroup = {
    id: row.id,
    displayName: row.displayName,
    description: row.description,
    mailEnabled: false,
    mailNickname: nicknameOf(row.displayName),
    securityEnabled: true,
    groupTypes: [],
    createdDateTime: row.createdAt.toISOString(),
    assignedLicenses: row.groupLicenses.map((license) => ({
      skuId: license.product.skuId,
      disabledPlans: license.disabledServicePlanIds,
    })),
  };
  const picked: Record<string, unknown> = { id: row.id };
  for (const property of properties) picked[property] = full[property];
  return picked as Partial<GraphGroup> & { id: string };
}

/** `$select` of a group: Graph's property names, case-insensitive; an unknown one is refused, not ignored. */
export function groupProperties(select: string | undefined): readonly GroupProperty[] {
  if (select === undefined) return DEFAULT_PROPERTIES;
  const byName = new Map(GROUP_PROPERTIES.map((property) => [property.toLowerCase(), property]));
  return select.split(",").map((name) => {
    const property = byName.get(name.trim().toLowerCase());
    if (!property) {
      throw new AppError("ValidationFailed", `Could not find a property named '${name.trim()}' on type 'group'.`, {
        errors: [{ path: "querystring.$select", message: `'${name.trim()}' is not a property of a group` }],
      });
    }
    return property;
  });
}

export interface GroupPageQuery {
  top: number;
  skipToken?: string;
  select?: string;
}

/** The tenant's groups by id, one keyset page at a time. */
export async function listGraphGroups(ctx: TenantContext, query: GroupPageQuery) {
  const properties = groupProperties(query.select);
  const fingerprint = queryFingerprint({ filter: "", orderBy: "id", select: `groups:${properties.join(",")}` });
  const after = query.skipToken ? decodeSkipToken(query.skipToken, fingerprint, false).id : undefined;
  const rows = await ctx.db.group.findMany({
    where: { tenantId: ctx.tenantId, ...(after ? { id: { gt: after } } : {}) },
    orderBy: { id: "asc" },
    take: query.top + 1,
    select: groupSelect,
  });
  const page = rows.slice(0, query.top);
  const last = page.at(-1);
  return {
    value: page.map((row) => toGraphGroup(row, properties)),
    nextSkipToken:
      rows.length > query.top && last ? encodeSkipToken(fingerprint, { id: last.id, displayName: null }) : undefined,
  };
}

export async function getGraphGroup(ctx: TenantContext, groupId: string, select?: string) {
  const properties = groupProperties(select);
  const row = await ctx.db.group.findFirst({ where: { id: groupId, tenantId: ctx.tenantId }, select: groupSelect });
  if (!row) throw notFound("Group");
  return toGraphGroup(row, properties);
}

/** POST /groups: a security group through the admin center's own use case (audited, names unique). */
export async function createGraphGroup(ctx: TenantContext, body: GraphCreateGroup) {
  const group = await createGroup(ctx, { displayName: body.displayName, description: body.description ?? null });
  return getGraphGroup(ctx, group.id);
}

/** The member a `$ref` body names: the id at the end of its `@odata.id` URL. */
export function referencedId(reference: string): string {
  return (reference.split("/").at(-1) as string).toLowerCase();
}

/** POST /groups/{id}/members/$ref: one member, whose inherited licenses apply at once (see addMembers). */
export async function addGraphMember(ctx: TenantContext, groupId: string, reference: string): Promise<void> {
  await addMembers(ctx, groupId, [referencedId(reference)]);
}

export async function removeGraphMember(ctx: TenantContext, groupId: string, userId: string): Promise<void> {
  await removeMember(ctx, groupId, userId);
}

/** POST /groups/{id}/assignLicense: Graph answers the group. */
export async function assignGraphGroupLicense(
  ctx: TenantContext,
  groupId: string,
  body: { addLicenses: AddLicense[]; removeLicenses: string[] },
) {
  await assignGroupLicenses(ctx, groupId, body);
  return getGraphGroup(
    ctx,
    groupId,
    "id,displayName,description,mailEnabled,mailNickname,securityEnabled,groupTypes,createdDateTime,assignedLicenses",
  );
}
