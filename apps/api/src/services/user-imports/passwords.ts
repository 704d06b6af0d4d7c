import type { Db } from "@allot/db";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { lockImport } from "./import-state.js";

/** How long one-time passwords wait to be retrieved before they are wiped. */
export const PASSWORDS_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * The created users' one-time passwords, handed out once: the same transaction wipes them, so a second call (or
 * another admin) gets 410 PasswordsAlreadyRetrieved. Only once the import has finished (409 ImportNotFinished).
 */
export async function retrievePasswords(ctx: TenantContext, importId: string) {
  return ctx.db.$transaction(async (tx) => {
    const current = await lockImport(tx, ctx, importId);
    if (current.status === "verified" || current.status === "previewed") {
      throw new AppError("ImportNotPreviewed", "The import has not been applied: no user was created yet.");
    }
    if (current.status === "applying") {
      throw new AppError("ImportNotFinished", "The import is still being applied; its passwords come when it ends.");
    }
    if (current.passwords === "retrieved" || current.passwords === "expired") {
      throw new AppError(
        "PasswordsAlreadyRetrieved",
        current.passwords === "retrieved"
          ? "The one-time passwords have already been retrieved once and are no longer kept. Reset a user's password to give a new one."
          : "The one-time passwords were not retrieved within 24 hours and are no longer kept. Reset a user's password to give a new one.",
      );
    }
    const rows = await tx.userImportRow.findMany({
      where: { tenantId: ctx.tenantId, importId, password: { not: null } },
      orderBy: { line: "asc" },
      select: { userPrincipalName: true, displayName: true, password: true },
    });
    await tx.userImportRow.updateMany({
      where: { tenantId: ctx.tenantId, importId, password: { not: null } },
      data: { password: null },
    });
    await tx.userImport.update({ where: { id: importId }, data: { passwords: "retrieved" } });
    await audit(tx, ctx, {
      action: "userImport.passwordsRetrieved",
      targetType: "userImport",
      targetId: importId,
      after: { users: rows.length },
    });
    return {
      items: rows.map((row) => ({
        userPrincipalName: row.userPrincipalName,
        displayName: row.displayName ?? "",
        password: row.password as string,
      })),
    };
  });
}

/** Housekeeping: passwords not retrieved 24 hours after their import ended are wiped. */
export async function expireImportPasswords(db: Db, now: Date): Promise<void> {
  const before = new Date(now.getTime() - PASSWORDS_KEPT_MS);
  const stale = await db.userImport.findMany({
    where: { passwords: "pending", completedAt: { lt: before } },
    select: { id: true, tenantId: true },
  });
  for (const row of stale) {
    await db.$transaction([
      db.userImportRow.updateMany({
        where: { tenantId: row.tenantId, importId: row.id, password: { not: null } },
        data: { password: null },
      }),
      db.userImport.update({ where: { id: row.id }, data: { passwords: "expired" } }),
    ]);
  }
}
