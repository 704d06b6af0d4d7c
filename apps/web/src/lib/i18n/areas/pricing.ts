import type { Widen } from "../widen";

/** Texts of the pricing area the shell needs; the page's own texts live in features/pricing/texts.ts. */
export const pricingEn = {
  title: "Products and pricing",
  description: "Licenses you can buy for yourself or ask your admin for.",
};

export const pricingNl: Widen<typeof pricingEn> = {
  title: "Producten en prijzen",
  description: "Licenties die je zelf kunt kopen of bij je beheerder kunt aanvragen.",
};
