import type { UserImport } from "@allot/contracts";
import type { Prisma } from "@allot/db";
import { AppError } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { readRows, writeDecisions } from "./import-rows.js";
import { alreadyApplied, assertOptionsRight, lockImport } from "./import-state.js";
import { getImport } from "./import-view.js";
import { IMPORT_KINDS } from "./kinds/index.js";

/**
 * Preview with options: decides every row's action (create, update, refuse…) and the seats before → after, and
 * keeps both with the options. May be repeated with other options until the import is applied.
 */
export async function previewImport(ctx: TenantContext, importId: string, body: unknown): Promise<UserImport> {
  const current = await ctx.db.$transaction((tx) => lockImport(tx, ctx, importId));
  if (current.status !== "verified" && current.status !== "previewed") throw alreadyApplied();
  const kind = IMPORT_KINDS[current.kind];
  const parsed = kind.optionsSchema.safeParse(body ?? {});
  if (!parsed.success) {
    throw new AppError("ValidationFailed", "The options are not valid for this kind of file.", {
      errors: parsed.error.issues.map((issue) => ({
        path: ["body", ...issue.path.map(String)].join("."),
        message: issue.message,
      })),
    });
  }
  const options = parsed.data;
  assertOptionsRight(ctx, current.kind, options);
  const rows = await readRows(ctx.db, ctx.tenantId, importId);
  const decided = await kind.preview(ctx, rows, options);
  await ctx.db.$transaction(
    async (tx) => {
      const locked = await lockImport(tx, ctx, importId);
      if (locked.status !== "verified" && locked.status !== "previewed") throw alreadyApplied();
      await writeDecisions(tx, ctx.tenantId, importId, decided.rows);
      await tx.userImport.update({
        where: { id: importId },
        data: {
          status: "previewed",
          options: options as Prisma.InputJsonValue,
          preview: decided.preview as unknown as Prisma.InputJsonValue,
        },
      });
    },
    { timeout: 60_000 },
  );
  return getImport(ctx, importId);
}
