import type { Application } from "@allot/contracts";
import type { Prisma, Tx } from "@allot/db";
import { applicationPermissionsOf } from "@allot/domain";
import { notFound } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";

/** The columns an app registration is shown from, its secrets (never their hashes) oldest first. */
export const applicationSelect = {
  id: true,
  appId: true,
  displayName: true,
  permissions: true,
  enabled: true,
  createdAt: true,
  lastUsedAt: true,
  secrets: {
    select: { id: true, displayName: true, hint: true, expiresAt: true, createdAt: true, lastUsedAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ApplicationSelect;

export type ApplicationRow = Prisma.ApplicationGetPayload<{ select: typeof applicationSelect }>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toApplication(row: ApplicationRow): Application {
  return {
    id: row.id,
    appId: row.appId,
    displayName: row.displayName,
    permissions: applicationPermissionsOf(row.permissions),
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    secrets: row.secrets.map((secret) => ({
      id: secret.id,
      displayName: secret.displayName,
      hint: secret.hint,
      expiresAt: secret.expiresAt.toISOString(),
      createdAt: secret.createdAt.toISOString(),
      lastUsedAt: iso(secret.lastUsedAt),
    })),
  };
}

/** The tenant's app with this id, locked for the change about to be made; another tenant's app is not found. */
export async function lockApplication(
  tx: Tx,
  ctx: Pick<TenantContext, "tenantId">,
  id: string,
): Promise<ApplicationRow> {
  const [locked] = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id::text FROM "Application" WHERE id = ${id}::uuid AND "tenantId" = ${ctx.tenantId}::uuid FOR UPDATE`;
  if (!locked) throw notFound("App registration");
  return tx.application.findUniqueOrThrow({ where: { id }, select: applicationSelect });
}

/** What the audit log keeps of an app: enough to name it once it is deleted. */
export function auditView(row: Pick<ApplicationRow, "appId" | "displayName" | "permissions" | "enabled">) {
  return {
    appId: row.appId,
    displayName: row.displayName,
    permissions: applicationPermissionsOf(row.permissions),
    enabled: row.enabled,
  };
}
