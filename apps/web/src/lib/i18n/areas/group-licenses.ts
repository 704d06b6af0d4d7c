import type { Widen } from "../widen";

/** Texts of the groupLicenses area; `groupLicensesNl` must have the same keys. */
export const groupLicensesEn = {
  title: "Licenses",
};

export const groupLicensesNl: Widen<typeof groupLicensesEn> = {
  title: "Licenties",
};
