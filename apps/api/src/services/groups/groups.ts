import type { createGroupRequestSchema, Group, updateGroupRequestSchema } from "@allot/contracts";
import { Prisma, type Tx } from "@allot/db";
import type { z } from "zod";
import { AppError, notFound } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import { decodeCursor, keysetPage } from "../../lib/cursor.js";
import { likeLiteral } from "../../lib/like.js";
import type { TenantContext } from "../../types.js";
import { catalogOf } from "../licenses/catalog.js";
import { syncInheritedLicenses } from "../licenses/inherited-sync.js";
import { LICENSE_TRANSACTION } from "../licenses/transaction.js";

const groupSelect = {
  id: true,
  tenantId: true,
  displayName: true,
  description: true,
  createdAt: true,
} satisfies Prisma.GroupSelect;

type GroupRow = Prisma.GroupGetPayload<{ select: typeof groupSelect }>;

/**
 * Live (not deleted) members per group, counted for just these groups: Prisma's relation _count would aggregate
 * the whole GroupMember table for a list.
 */
async function memberCounts(tx: Tx, groupIds: string[]): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<Array<{ groupId: string; count: number }>>`
    SELECT g."groupId"::text AS "groupId", count(*)::int AS count
      FROM "GroupMember" g JOIN "User" u ON u.id = g."userId" AND u."deletedAt" IS NULL
     WHERE g."groupId" = ANY(${groupIds}::uuid[])
     GROUP BY g."groupId"`;
  return new Map(rows.map((row) => [row.groupId, row.count]));
}

async function toGroups(tx: Tx, rows: GroupRow[]): Promise<Group[]> {
  const counts = await memberCounts(
    tx,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toGroup(row, counts.get(row.id) ?? 0));
}

function toGroup(row: GroupRow, memberCount: number): Group {
  return {
    id: row.id,
    tenantId: row.tenantId,
    displayName: row.displayName,
    description: row.description,
    memberCount,
    createdAt: row.createdAt.toISOString(),
  };
}

function nameTaken(error: unknown, displayName: string | undefined): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("GroupNameTaken", `A group named "${displayName}" already exists.`, {
      errors: [{ path: "body.displayName", message: "is already taken" }],
    });
  }
  throw error;
}

export async function loadGroup(tx: Tx, ctx: TenantContext, groupId: string, { lock = false } = {}) {
  // Changes that touch members' licenses lock the group row first, then the members' rows (see seat-ledger.ts).
  if (lock) {
    await tx.$executeRaw`SELECT 1 FROM "Group" WHERE id = ${groupId}::uuid AND "tenantId" = ${ctx.tenantId}::uuid FOR NO KEY UPDATE`;
  }
  const row = await tx.group.findFirst({ where: { id: groupId, tenantId: ctx.tenantId }, select: groupSelect });
  if (!row) throw notFound("Group");
  return row;
}

export async function listGroups(ctx: TenantContext, query: { search?: string; cursor?: string; limit: number }) {
  const after = query.cursor ? (decodeCursor(query.cursor, ["text", "uuid"]) as [string, string]) : null;
  const rows = await ctx.db.group.findMany({
    where: {
      tenantId: ctx.tenantId,
      ...(query.search ? { displayName: { contains: likeLiteral(query.search), mode: "insensitive" } } : {}),
      ...(after ? { OR: [{ displayName: { gt: after[0] } }, { displayName: after[0], id: { gt: after[1] } }] } : {}),
    },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: groupSelect,
  });
  const page = keysetPage(rows, query.limit, (row) => [row.displayName, row.id]);
  return { items: await toGroups(ctx.db, page.rows), nextCursor: page.nextCursor };
}

export async function getGroup(ctx: TenantContext, groupId: string): Promise<Group> {
  const [group] = await toGroups(ctx.db, [await loadGroup(ctx.db, ctx, groupId)]);
  return group as Group;
}

export async function createGroup(ctx: TenantContext, data: z.output<typeof createGroupRequestSchema>): Promise<Group> {
  try {
    return await ctx.db.$transaction(async (tx) => {
      const row = await tx.group.create({
        data: { tenantId: ctx.tenantId, displayName: data.displayName, description: data.description ?? null },
        select: groupSelect,
      });
      await audit(tx, ctx, { action: "group.created", targetType: "group", targetId: row.id, after: data });
      return toGroup(row, 0);
    });
  } catch (error) {
    nameTaken(error, data.displayName);
  }
}

export async function updateGroup(
  ctx: TenantContext,
  groupId: string,
  changes: z.output<typeof updateGroupRequestSchema>,
): Promise<Group> {
  try {
    return await ctx.db.$transaction(async (tx) => {
      const before = await loadGroup(tx, ctx, groupId);
      const row = await tx.group.update({ where: { id: groupId }, data: changes, select: groupSelect });
      await audit(tx, ctx, {
        action: "group.updated",
        targetType: "group",
        targetId: groupId,
        before: { displayName: before.displayName, description: before.description },
        after: changes,
      });
      const [group] = await toGroups(tx, [row]);
      return group as Group;
    });
  } catch (error) {
    nameTaken(error, changes.displayName);
  }
}

export async function deleteGroup(ctx: TenantContext, groupId: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const before = await loadGroup(tx, ctx, groupId, { lock: true });
    const memberCount = (await memberCounts(tx, [groupId])).get(groupId) ?? 0;
    // Members lose what they inherit from the group, and the seats are freed, before the group goes.
    const licensed = await tx.groupLicense.deleteMany({ where: { groupId } });
    let productIds: string[] = [];
    if (licensed.count > 0) {
      const members = await tx.groupMember.findMany({ where: { groupId }, select: { userId: true } });
      const inherited = await syncInheritedLicenses(tx, ctx, await catalogOf(ctx.db, tx), {
        groupIds: [groupId],
        userIds: members.map((member) => member.userId),
      });
      productIds = inherited.productIds;
    }
    await tx.group.delete({ where: { id: groupId } });
    await audit(tx, ctx, {
      action: "group.deleted",
      targetType: "group",
      targetId: groupId,
      productIds,
      before: { displayName: before.displayName, description: before.description, memberCount },
    });
  }, LICENSE_TRANSACTION);
}
