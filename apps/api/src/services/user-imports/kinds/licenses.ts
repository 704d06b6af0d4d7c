import { z } from "zod";
import type { ImportKindHandler } from "./kind.js";
import { applyLicensesChunk } from "./licenses-apply.js";
import { previewLicenses } from "./licenses-preview.js";
import { verifyLicenses } from "./licenses-verify.js";

/**
 * The license assignment CSV (`User Name,Product,Disabled plans,Assigned by`, as licenses/assignments/export
 * writes it): for every user it names, its direct rows are the direct licenses the user ends up with (assign,
 * change plans, remove), with the same verify → preview → apply steps. It takes no options.
 */
/**
 * No options (licensesImportOptionsSchema). The preview route's body is either kind's options, and an empty body
 * reads as the users kind's defaults first: those are accepted, anything else is refused.
 */
const noOptions = z
  .strictObject(
    {
      accountEnabled: z.literal(true, { error: "a license assignment file takes no options" }).optional(),
      usageLocation: z.null({ error: "a license assignment file takes no options" }).optional(),
      licenses: z.array(z.unknown()).max(0, { error: "a license assignment file takes no options" }).optional(),
    },
    { error: "a license assignment file takes no options" },
  )
  .transform((): Record<string, never> => ({}));

export const licensesKind: ImportKindHandler<Record<string, never>> = {
  optionsSchema: noOptions as unknown as z.ZodType<Record<string, never>>,
  needsLicenseRight: () => true,
  verify: verifyLicenses,
  preview: (ctx, rows) => previewLicenses(ctx, rows),
  applyChunk: (tx, ctx, rows) => applyLicensesChunk(tx, ctx, rows),
};
