import type { CatalogProduct, ProductSeats, UserLicenses } from "./validator.js";

/**
 * Fixtures the licensing tests share (validator, group licensing): a product with two plans, a small catalog shaped
 * like the demo's, seat maps and a member. Test support only: nothing in the package's code imports it.
 */

export const product = (id: string, over: Partial<Omit<CatalogProduct, "id">> = {}): CatalogProduct => ({
  id,
  servicePlanIds: new Set([`${id}-plan-1`, `${id}-plan-2`]),
  excludes: new Set(),
  requiresAnyOf: new Set(),
  unavailableIn: new Set(),
  ...over,
});

/** E3 (not sold in CU), two mutually exclusive Exchange plans, archiving that needs one of them or E3, and Power BI. */
export const CATALOG = new Map<string, CatalogProduct>([
  ["e3", product("e3", { unavailableIn: new Set(["CU"]) })],
  ["exo1", product("exo1", { excludes: new Set(["exo2"]) })],
  ["exo2", product("exo2", { excludes: new Set(["exo1"]) })],
  ["archive", product("archive", { requiresAnyOf: new Set(["e3", "exo1", "exo2"]) })],
  ["pbi", product("pbi")],
]);

/** Seats per product: a number of free seats, or "unusable" (no subscription an admin can assign from). */
export const seats = (entries: Record<string, number | "unusable">) =>
  new Map<string, ProductSeats>(
    Object.entries(entries).map(([id, n]) => [
      id,
      n === "unusable" ? { available: 0, assignable: false } : { available: n, assignable: true },
    ]),
  );

export const member = (userId: string, over: Partial<UserLicenses> = {}): UserLicenses => ({
  userId,
  userType: "member",
  usageLocation: "NL",
  direct: [],
  inherited: new Set(),
  ...over,
});
