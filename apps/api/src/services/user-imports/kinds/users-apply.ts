import { USER_DIRECTORY_FIELDS } from "@allot/contracts";
import { hashGeneratedPassword, Prisma, type Tx } from "@allot/db";
import { type AuditEntry, auditMany } from "../../../lib/audit.js";
import { oneTimePassword } from "../../../lib/tokens.js";
import type { TenantContext } from "../../../types.js";
import { applyLicenseChanges } from "../../licenses/apply-changes.js";
import { catalogOf, directLicenses, resolveChange } from "../../licenses/catalog.js";
import type { RowOutcome, StoredRow } from "./kind.js";
import type { UsersOptions } from "./users-preview.js";
import type { UsersRowData } from "./users-verify.js";

/** The directory fields, as User's columns: the contract's one list. */
const DIRECTORY_COLUMNS = USER_DIRECTORY_FIELDS;

/**
 * One chunk of an "Add multiple users" import, inside the chunk's transaction: new users are inserted together
 * (a User Name taken meanwhile is that row's failure), then given the options' licenses through the one path every
 * license change takes (same locks and rules as create-user and the bulk jobs); a user whose licenses are refused
 * is taken out again, so each new user exists with all its licenses or not at all. Existing users get their
 * changed fields. Every created or updated user is audited, one event each.
 */
export async function applyUsersChunk(
  tx: Tx,
  ctx: TenantContext,
  rows: readonly StoredRow[],
  options: UsersOptions,
): Promise<RowOutcome[]> {
  const outcomes = new Map<number, RowOutcome>();
  const audits: AuditEntry[] = [];
  await createUsers(
    tx,
    ctx,
    rows.filter((row) => row.action === "create"),
    options,
    outcomes,
    audits,
  );
  for (const row of rows.filter((r) => r.action === "update")) {
    const data = row.data as unknown as UsersRowData;
    const { displayName, userPrincipalName: _upn, ...fields } = data.values;
    const update = {
      ...fields,
      ...(displayName ? { displayName } : {}),
      ...(options.usageLocation && !data.existingUsageLocation ? { usageLocation: options.usageLocation } : {}),
    };
    const done = await tx.user.updateMany({
      where: { id: row.existingUserId as string, tenantId: ctx.tenantId, deletedAt: null },
      data: update,
    });
    if (done.count === 0) {
      outcomes.set(row.line, failed(row.line, "NotFound", "The user was deleted before the import reached it."));
      continue;
    }
    audits.push({ action: "user.updated", targetType: "user", targetId: row.existingUserId, after: update });
    outcomes.set(row.line, {
      line: row.line,
      outcome: "succeeded",
      error: null,
      userId: row.existingUserId,
      password: null,
    });
  }
  await auditMany(tx, ctx, audits);
  return rows.map((row) => outcomes.get(row.line) ?? failed(row.line, "InternalError", "The row was not applied."));
}

const failed = (line: number, code: string, message: string): RowOutcome => ({
  line,
  outcome: "failed",
  error: { code, message },
  userId: null,
  password: null,
});

async function createUsers(
  tx: Tx,
  ctx: TenantContext,
  rows: readonly StoredRow[],
  options: UsersOptions,
  outcomes: Map<number, RowOutcome>,
  audits: AuditEntry[],
): Promise<void> {
  if (rows.length === 0) return;
  const passwords = rows.map(() => oneTimePassword());
  const values = rows.map((row) => (row.data as unknown as UsersRowData).values);
  const column = (field: (typeof DIRECTORY_COLUMNS)[number]) => values.map((value) => value[field] ?? null);
  const inserted = await tx.$queryRaw<Array<{ id: string; email: string }>>`
    INSERT INTO "User" (id, "tenantId", "displayName", email, "usageLocation", "accountEnabled", "passwordHash",
                        "passwordChangeRequired", "updatedAt", ${Prisma.join(DIRECTORY_COLUMNS.map((c) => Prisma.raw(`"${c}"`)))})
    SELECT gen_random_uuid(), ${ctx.tenantId}::uuid, x.display_name, x.email, ${options.usageLocation}, ${options.accountEnabled},
           x.hash, true, now(), ${Prisma.join(DIRECTORY_COLUMNS.map((c) => Prisma.raw(`x."${c}"`)))}
      FROM unnest(${values.map((v) => v.displayName ?? "")}::text[], ${rows.map((r) => r.userPrincipalName)}::text[],
                  ${passwords.map(hashGeneratedPassword)}::text[],
                  ${Prisma.join(DIRECTORY_COLUMNS.map((c) => Prisma.sql`${column(c)}::text[]`))})
           AS x(display_name, email, hash, ${Prisma.join(DIRECTORY_COLUMNS.map((c) => Prisma.raw(`"${c}"`)))})
    ON CONFLICT (email) DO NOTHING
    RETURNING id::text AS id, email`;
  const idByEmail = new Map(inserted.map((user) => [user.email, user.id]));
  const refused = new Map<string, { code: string; message: string }>();
  if (options.licenses.length > 0 && inserted.length > 0) {
    const catalog = await catalogOf(ctx.db, tx);
    const change = resolveChange(catalog, options.licenses, [], {
      add: "options.licenses",
      remove: "options.licenses",
    });
    const outcome = await applyLicenseChanges(tx, ctx, catalog, {
      userIds: inserted.map((user) => user.id),
      add: directLicenses(change),
      remove: [],
      mode: "add",
      atomic: false,
      dryRun: false,
    });
    for (const result of outcome.results) {
      if (result.ok) continue;
      const first = result.violations[0];
      refused.set(result.userId, { code: first?.code ?? "Refused", message: first?.message ?? "Refused." });
    }
    if (refused.size > 0) {
      // Created in this transaction and given nothing: taking them out leaves no trace.
      await tx.$executeRaw`DELETE FROM "User" WHERE id = ANY(${[...refused.keys()]}::uuid[])`;
    }
  }
  rows.forEach((row, index) => {
    const id = idByEmail.get(row.userPrincipalName);
    if (!id) {
      outcomes.set(
        row.line,
        failed(row.line, "EmailTaken", `${row.userPrincipalName} is already used by another account.`),
      );
      return;
    }
    const refusal = refused.get(id);
    if (refusal) {
      outcomes.set(row.line, failed(row.line, refusal.code, refusal.message));
      return;
    }
    const value = values[index] ?? {};
    audits.push({
      action: "user.created",
      targetType: "user",
      targetId: id,
      after: {
        email: row.userPrincipalName,
        accountEnabled: options.accountEnabled,
        usageLocation: options.usageLocation,
        passwordChangeRequired: true,
        ...value,
      },
    });
    outcomes.set(row.line, {
      line: row.line,
      outcome: "succeeded",
      error: null,
      userId: id,
      password: passwords[index] ?? null,
    });
  });
}
