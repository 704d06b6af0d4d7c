import type { Widen } from "../widen";

/** Texts of the account area the shell needs; the page's own texts live in features/account/texts.ts. */
export const accountEn = {
  title: "My licenses",
  description: "The licenses and apps you have, your trials and your requests.",
};

export const accountNl: Widen<typeof accountEn> = {
  title: "Mijn licenties",
  description: "De licenties en apps die je hebt, je proefversies en je aanvragen.",
};
