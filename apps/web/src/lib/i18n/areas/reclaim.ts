import type { Widen } from "../widen";

/** Texts of the reclaim area; `reclaimNl` must have the same keys. */
export const reclaimEn = {
  title: "Reclaim licenses",
};

export const reclaimNl: Widen<typeof reclaimEn> = {
  title: "Licenties terugwinnen",
};
