import { Prisma } from "@allot/db";
import type { TenantRole } from "@allot/domain";
import type { Actor } from "../../types.js";

/**
 * The columns of the person behind a session or a personal access token, as one SQL fragment over the user `u`:
 * both lookups run on every request, so each is one statement with the person's own roles in it.
 */
export const personColumns = Prisma.sql`u.id::text AS "userId", u."tenantId"::text AS "tenantId", u."displayName",
  u.email, u."preferredLanguage", u."accountEnabled", u."deletedAt", u."passwordChangeRequired",
  ARRAY(SELECT r.role::text FROM "RoleAssignment" r WHERE r."userId" = u.id ORDER BY r.role) AS "ownRoles"`;

export interface PersonRow {
  userId: string;
  tenantId: string;
  displayName: string;
  email: string;
  preferredLanguage: string | null;
  accountEnabled: boolean;
  deletedAt: Date | null;
  passwordChangeRequired: boolean;
  ownRoles: TenantRole[];
}

/** Whether the person may act at all: sign-in not blocked, not deleted. */
export const canAct = (row: PersonRow) => row.accountEnabled && row.deletedAt === null;

/** The actor of a person's row, with how it came (a session, or a token). */
export function personActor(row: PersonRow, how: Pick<Actor, "sessionId" | "csrfToken" | "token">): Actor {
  return {
    kind: "user",
    userId: row.userId,
    tenantId: row.tenantId,
    displayName: row.displayName,
    email: row.email,
    preferredLanguage: row.preferredLanguage,
    ownRoles: row.ownRoles.length > 0 ? row.ownRoles : ["member"],
    passwordChangeRequired: row.passwordChangeRequired,
    ...how,
  };
}
