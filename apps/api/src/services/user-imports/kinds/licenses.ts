import { z } from "zod";
import { AppError } from "../../../lib/app-error.js";
import type { ImportKindHandler } from "./kind.js";

/**
 * The license assignment CSV (`User Name,Product,Disabled plans,Assigned by`): assign, change or remove direct
 * licenses in bulk with the same verify → preview → apply steps. Not built yet: the upload answers InvalidCsvFile.
 */
const notYet = () => new AppError("InvalidCsvFile", "Importing a license assignment file is not available yet.");

export const licensesKind: ImportKindHandler<Record<string, never>> = {
  optionsSchema: z.strictObject({}),
  needsLicenseRight: () => true,
  verify: async () => {
    throw notYet();
  },
  preview: async () => {
    throw notYet();
  },
  applyChunk: async () => {
    throw notYet();
  },
};
