import { licensesImportOptionsSchema } from "@allot/contracts";
import type { ImportKindHandler } from "./kind.js";
import { applyLicensesChunk } from "./licenses-apply.js";
import { previewLicenses } from "./licenses-preview.js";
import { verifyLicenses } from "./licenses-verify.js";

/**
 * The license assignment CSV (`User Name,Product,Disabled plans,Assigned by`, as licenses/assignments/export
 * writes it): for every user it names, its direct rows are the direct licenses the user ends up with (assign,
 * change plans, remove), with the same verify → preview → apply steps. It takes no options.
 */
export const licensesKind: ImportKindHandler<Record<string, never>> = {
  optionsSchema: licensesImportOptionsSchema,
  needsLicenseRight: () => true,
  verify: verifyLicenses,
  preview: (ctx, rows) => previewLicenses(ctx, rows),
  applyChunk: (tx, ctx, rows) => applyLicensesChunk(tx, ctx, rows),
};
