import type { CreatedUser, createUserRequestSchema } from "@allot/contracts";
import { hashPassword, Prisma } from "@allot/db";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import { temporaryPassword } from "../../lib/tokens.js";
import type { TenantContext } from "../../types.js";
import { toUser, userSelect } from "./user-view.js";

export async function createUser(
  ctx: TenantContext,
  data: z.output<typeof createUserRequestSchema>,
): Promise<CreatedUser> {
  const generated = data.password === undefined ? temporaryPassword() : null;
  const passwordHash = await hashPassword(data.password ?? (generated as string));
  try {
    const row = await ctx.db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          tenantId: ctx.tenantId,
          displayName: data.displayName,
          email: data.email,
          usageLocation: data.usageLocation,
          userType: data.userType,
          accountEnabled: data.accountEnabled,
          passwordHash,
        },
        select: userSelect,
      });
      const { roleAssignments: _roles, licenseAssignments: _licenses, ...after } = created;
      await audit(tx, ctx, { action: "user.created", targetType: "user", targetId: created.id, after });
      return created;
    });
    return { ...toUser(row), temporaryPassword: generated };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("EmailTaken", `${data.email} is already used by another account.`, [
        { path: "body.email", message: "is already taken" },
      ]);
    }
    throw error;
  }
}
