import type { createGroupRequestSchema, Group, updateGroupRequestSchema } from "@allot/contracts";
import { Prisma, type Tx } from "@allot/db";
import type { z } from "zod";
import { AppError, notFound } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import { decodeCursor, encodeCursor } from "../../lib/cursor.js";
import { likeLiteral } from "../../lib/like.js";
import type { TenantContext } from "../../types.js";

const groupSelect = {
  id: true,
  tenantId: true,
  displayName: true,
  description: true,
  createdAt: true,
  _count: { select: { members: { where: { user: { deletedAt: null } } } } },
} satisfies Prisma.GroupSelect;

function toGroup(row: Prisma.GroupGetPayload<{ select: typeof groupSelect }>): Group {
  return {
    id: row.id,
    tenantId: row.tenantId,
    displayName: row.displayName,
    description: row.description,
    memberCount: row._count.members,
    createdAt: row.createdAt.toISOString(),
  };
}

function nameTaken(error: unknown, displayName: string | undefined): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("GroupNameTaken", `A group named "${displayName}" already exists.`, [
      { path: "body.displayName", message: "is already taken" },
    ]);
  }
  throw error;
}

export async function loadGroup(tx: Tx, ctx: TenantContext, groupId: string) {
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
  const hasMore = rows.length > query.limit;
  const items = (hasMore ? rows.slice(0, query.limit) : rows).map(toGroup);
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeCursor([last.displayName, last.id]) : null };
}

export async function getGroup(ctx: TenantContext, groupId: string): Promise<Group> {
  return toGroup(await loadGroup(ctx.db, ctx, groupId));
}

export async function createGroup(ctx: TenantContext, data: z.output<typeof createGroupRequestSchema>): Promise<Group> {
  try {
    return await ctx.db.$transaction(async (tx) => {
      const row = await tx.group.create({
        data: { tenantId: ctx.tenantId, displayName: data.displayName, description: data.description ?? null },
        select: groupSelect,
      });
      await audit(tx, ctx, { action: "group.created", targetType: "group", targetId: row.id, after: data });
      return toGroup(row);
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
      return toGroup(row);
    });
  } catch (error) {
    nameTaken(error, changes.displayName);
  }
}

export async function deleteGroup(ctx: TenantContext, groupId: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const before = await loadGroup(tx, ctx, groupId);
    await tx.group.delete({ where: { id: groupId } });
    await audit(tx, ctx, {
      action: "group.deleted",
      targetType: "group",
      targetId: groupId,
      before: { displayName: before.displayName, description: before.description, memberCount: before._count.members },
    });
  });
}
