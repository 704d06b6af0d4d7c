import type { Widen } from "../widen";

/** Texts of the licensing area; `licensingNl` must have the same keys. */
export const licensingEn = {
  title: "Bulk license change",
  plansLegend: (product: string, on: number, total: number) => `Apps and services of ${product}: ${on} of ${total} on`,
  requiresRole: (roles: string) => `Requires one of these roles: ${roles}`,
};

export const licensingNl: Widen<typeof licensingEn> = {
  title: "Licenties in bulk wijzigen",
  plansLegend: (product: string, on: number, total: number) =>
    `Apps en services van ${product}: ${on} van ${total} aan`,
  requiresRole: (roles: string) => `Vereist een van deze rollen: ${roles}`,
};
