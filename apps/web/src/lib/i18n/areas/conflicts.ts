import type { Widen } from "../widen";

/** Texts of the conflicts area; `conflictsNl` must have the same keys. */
export const conflictsEn = {
  title: "License conflicts",
};

export const conflictsNl: Widen<typeof conflictsEn> = {
  title: "Licentieconflicten",
};
