import type { Widen } from "../widen";

/** Texts of the licenses area; `licensesNl` must have the same keys. */
export const licensesEn = {
  title: "Licenses",
  description: "Products your organization subscribes to and who uses them.",
  emptyTitle: "License management is coming",
  emptyBody:
    "Here you will see each product with its purchased, assigned and available seats, assign licenses to users and groups, and resolve license conflicts.",
};

export const licensesNl: Widen<typeof licensesEn> = {
  title: "Licenties",
  description: "Producten waarop uw organisatie is geabonneerd en wie ze gebruikt.",
  emptyTitle: "Licentiebeheer komt eraan",
  emptyBody:
    "Hier ziet u elk product met de gekochte, toegewezen en beschikbare licenties, wijst u licenties toe aan gebruikers en groepen en lost u licentieconflicten op.",
};
