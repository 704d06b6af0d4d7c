import type { Widen } from "../widen";

/** Texts of the userLicenses area; `userLicensesNl` must have the same keys. */
export const userLicensesEn = {
  title: "Licenses and apps",
};

export const userLicensesNl: Widen<typeof userLicensesEn> = {
  title: "Licenties en apps",
};
