import type { Widen } from "../widen";

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

/** Texts of the productHolders area (a product's holders list and the people picker that assigns it). */
export const productHoldersEn = {
  counts: (total: number, direct: string, inherited: string, totalShown: string) =>
    `${totalShown} ${plural(total, "user", "users")}: ${direct} directly, ${inherited} through a group`,
  assignment: "Assignment",
  assignedOn: "Assigned on",
  direct: "Directly",
  inherited: "Through a group",
  both: "Directly and through a group",
  alreadyHas: "Already has this license",
  hasThroughGroup: "Has it through a group",
};

export const productHoldersNl: Widen<typeof productHoldersEn> = {
  counts: (total: number, direct: string, inherited: string, totalShown: string) =>
    `${totalShown} ${plural(total, "gebruiker", "gebruikers")}: ${direct} rechtstreeks, ${inherited} via een groep`,
  assignment: "Toewijzing",
  assignedOn: "Toegewezen op",
  direct: "Rechtstreeks",
  inherited: "Via een groep",
  both: "Rechtstreeks en via een groep",
  alreadyHas: "Heeft deze licentie al",
  hasThroughGroup: "Heeft deze via een groep",
};
