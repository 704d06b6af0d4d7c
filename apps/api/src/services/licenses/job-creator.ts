import { type Db, Prisma, type Tx } from "@allot/db";
import { type Action, can, type Grantee, type TenantRole, tokenGrantees } from "@allot/domain";
import type { Clock } from "../../lib/clock.js";
import type { TenantContext } from "../../types.js";
import { tenantRoles } from "../auth/tenant-roles.js";

/** Who started a background job, and with which roles (a personal access token's scopes among them). */
export interface JobCreator {
  tenantId: string;
  createdByUserId: string | null;
  actorRoles: string[];
}

/**
 * The creator's roles in the job's tenant now, or null when it may no longer do the job's work there (`needs`,
 * every one of them): gone (deleted, or removed and the job's creator set to null), sign-in blocked, or without a
 * role that allows it. `lock` takes a share lock on the creator's row for the rest of the transaction.
 */
export async function creatorRoles(
  db: Db | Tx,
  job: JobCreator,
  lock: boolean,
  now: Date,
  needs: readonly Action[],
): Promise<Grantee[] | null> {
  if (!job.createdByUserId) return null;
  const [creator] = await db.$queryRaw<
    Array<{ tenantId: string; accountEnabled: boolean; deletedAt: Date | null; ownRoles: TenantRole[] }>
  >`
    SELECT u."tenantId"::text AS "tenantId", u."accountEnabled", u."deletedAt",
           ARRAY(SELECT r.role::text FROM "RoleAssignment" r WHERE r."userId" = u.id ORDER BY r.role) AS "ownRoles"
      FROM "User" u WHERE u.id = ${job.createdByUserId}::uuid
      ${lock ? Prisma.sql`FOR SHARE OF u` : Prisma.empty}`;
  if (!creator?.accountEnabled || creator.deletedAt) return null;
  const ownRoles: TenantRole[] = creator.ownRoles.length > 0 ? creator.ownRoles : ["member"];
  const roles = await tenantRoles(
    db,
    { userId: job.createdByUserId, tenantId: creator.tenantId, ownRoles },
    job.tenantId,
    now,
  );
  if (!roles) return null;
  // A job started with a personal access token acts within that token's scopes, as its request did.
  const scopes = job.actorRoles.filter((role) => role.startsWith("scope:")).map((role) => role.slice("scope:".length));
  const rights: Grantee[] = scopes.length > 0 ? tokenGrantees(roles, scopes as Action[]) : roles;
  return needs.every((action) => can(rights, action)) ? rights : null;
}

/** The job's creator acting again, with the roles it has now; `requestId` names the job in audit events. */
export function jobContext(db: Db, clock: Clock, requestId: string, job: JobCreator, roles: Grantee[]): TenantContext {
  return {
    db,
    tenantId: job.tenantId,
    roles,
    requestId,
    clock,
    actor: {
      kind: "user",
      token: null,
      userId: job.createdByUserId as string,
      tenantId: job.tenantId,
      displayName: "",
      email: "",
      preferredLanguage: null,
      sessionId: "",
      csrfToken: "",
      ownRoles: [],
      passwordChangeRequired: false,
    },
  };
}
