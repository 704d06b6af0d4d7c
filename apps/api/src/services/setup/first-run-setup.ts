import type { SetupResult, setupRequestSchema } from "@allot/contracts";
import { type Db, hashPassword } from "@allot/db";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { auditBySystem } from "../../lib/audit.js";
import { temporaryPassword } from "../../lib/tokens.js";

export type SetupInput = z.output<typeof setupRequestSchema>;

/** Whether the portal still waits for its first organization. */
export async function setupRequired(db: Db): Promise<boolean> {
  return (await db.tenant.count()) === 0;
}

/**
 * Creates the first organization and its global admin with a one-time password the admin must change at first
 * sign-in. Allowed only while no organization exists: concurrent calls queue on one lock and the later ones find
 * the organization there (AlreadySetUp). Shared by `pnpm allot-setup` and POST /api/setup.
 */
export async function setUpFirstOrganization(db: Db, input: SetupInput, requestId: string): Promise<SetupResult> {
  const oneTimePassword = temporaryPassword(20);
  const passwordHash = await hashPassword(oneTimePassword);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended('allot:first-run-setup', 0))`;
    if ((await tx.tenant.count()) > 0) {
      throw new AppError(
        "AlreadySetUp",
        "This portal is already set up. Sign in, or ask its global admin for an account.",
      );
    }
    const tenant = await tx.tenant.create({
      // The admin's country is the organization's until it says otherwise: group licensing falls back on it.
      data: {
        name: input.organizationName,
        domain: input.domain,
        kind: "customer",
        defaultUsageLocation: input.usageLocation,
      },
    });
    const admin = await tx.user.create({
      data: {
        tenantId: tenant.id,
        displayName: input.adminDisplayName,
        email: input.adminEmail,
        usageLocation: input.usageLocation,
        passwordHash,
        passwordChangeRequired: true,
        roleAssignments: { create: { role: "globalAdmin" } },
      },
      select: { id: true, email: true },
    });
    await auditBySystem(
      tx,
      tenant.id,
      [
        {
          action: "setup.organizationCreated",
          targetType: "tenant",
          targetId: tenant.id,
          after: { name: tenant.name, domain: tenant.domain, globalAdmin: admin.email },
        },
      ],
      requestId,
    );
    return { tenantId: tenant.id, adminUserId: admin.id, adminEmail: admin.email, oneTimePassword };
  });
}
