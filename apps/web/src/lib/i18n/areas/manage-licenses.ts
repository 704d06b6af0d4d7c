import type { Widen } from "../widen";

/** Texts of the manageLicenses area; `manageLicensesNl` must have the same keys. */
export const manageLicensesEn = {
  title: "Manage product licenses",
};

export const manageLicensesNl: Widen<typeof manageLicensesEn> = {
  title: "Productlicenties beheren",
};
