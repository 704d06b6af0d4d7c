import { COUNTRY_CODES, USER_DIRECTORY_FIELD_MAX } from "@allot/contracts";
import { TENANT_ROLES, type TenantRole } from "@allot/domain";
import type { QueryParamChanges } from "@/lib/hooks";
import type { UsersFilter } from "../api/keys";

/** The three lists of the users page: active users, guests, deleted users (restorable for 30 days). */
export type UsersView = "active" | "guests" | "deleted";

const SKU_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a text names one of the tenant roles (an address may carry anything). */
export const isTenantRole = (value: string | null | undefined): value is TenantRole =>
  typeof value === "string" && (TENANT_ROLES as readonly string[]).includes(value);

/** The users list's directory filters, by address parameter (the API's query names). */
export const DIRECTORY_FILTERS = ["department", "jobTitle", "city", "country"] as const;
export type DirectoryFilter = (typeof DIRECTORY_FILTERS)[number];

/** A directory filter's value from the address: trimmed text the API accepts, a country as a known code. */
function readDirectoryFilter(params: URLSearchParams, name: DirectoryFilter): string | undefined {
  const value = params.get(name)?.trim();
  if (!value || /\p{Cc}/u.test(value)) return undefined;
  if (name === "country") return COUNTRY_CODES.has(value.toUpperCase()) ? value.toUpperCase() : undefined;
  return value.length <= USER_DIRECTORY_FIELD_MAX[name] ? value : undefined;
}

function readView(value: string | null): UsersView {
  return value === "deleted" || value === "guests" ? value : "active";
}

/**
 * The list and filters the address asks for. Values that make no sense are dropped rather than sent: an unknown
 * role or product id, a licence filter on deleted users, a type filter outside Active users (Guests means guests).
 */
export function readUsersFilter(params: URLSearchParams): { view: UsersView; filter: UsersFilter } {
  const view = readView(params.get("view"));
  const type = params.get("type");
  const role = params.get("role");
  const licensed = params.get("licensed");
  const sku = params.get("sku");
  const live = view !== "deleted";
  return {
    view,
    filter: {
      search: params.get("q") ?? undefined,
      type:
        view === "guests" ? "guest" : view === "active" && (type === "member" || type === "guest") ? type : undefined,
      role: live && isTenantRole(role) ? role : undefined,
      licensed: live && (licensed === "true" || licensed === "false") ? licensed === "true" : undefined,
      deleted: view === "deleted" ? true : undefined,
      skuId: live && sku !== null && SKU_ID.test(sku) ? sku.toLowerCase() : undefined,
      ...Object.fromEntries(
        DIRECTORY_FILTERS.map((name) => [name, live ? readDirectoryFilter(params, name) : undefined]),
      ),
    },
  };
}

/** The Licenses filter as one select value: any (""), "licensed", "unlicensed" or one product (`sku:<skuId>`). */
export function licenseFilterValue(filter: UsersFilter): string {
  if (filter.skuId) return `sku:${filter.skuId}`;
  if (filter.licensed === undefined) return "";
  return filter.licensed ? "licensed" : "unlicensed";
}

/** The address parameters for a value of the Licenses select (the other of the two is cleared). */
export function licenseFilterParams(value: string): { licensed: string | undefined; sku: string | undefined } {
  if (value.startsWith("sku:")) return { licensed: undefined, sku: value.slice(4) };
  if (value === "licensed" || value === "unlicensed") return { licensed: String(value === "licensed"), sku: undefined };
  return { licensed: undefined, sku: undefined };
}

/** One filter in force, shown as a removable chip: what it is and the address change that removes it. */
export interface ActiveFilter {
  key: "q" | "type" | "role" | "license" | DirectoryFilter;
  clear: QueryParamChanges;
}

/** The filters in force, in the order their chips show (the type filter only counts on Active users). */
export function activeFilters(filter: UsersFilter, view: UsersView): ActiveFilter[] {
  const active: ActiveFilter[] = [];
  if (filter.search) active.push({ key: "q", clear: { q: undefined } });
  if (view === "active" && filter.type) active.push({ key: "type", clear: { type: undefined } });
  if (filter.role) active.push({ key: "role", clear: { role: undefined } });
  if (licenseFilterValue(filter)) active.push({ key: "license", clear: { licensed: undefined, sku: undefined } });
  for (const name of DIRECTORY_FILTERS) if (filter[name]) active.push({ key: name, clear: { [name]: undefined } });
  return active;
}

const NO_DIRECTORY_FILTERS: QueryParamChanges = Object.fromEntries(DIRECTORY_FILTERS.map((name) => [name, undefined]));

/** Choosing a list tab: the filters of the previous list and an open user go; the search stays. */
export function viewChange(view: UsersView): QueryParamChanges {
  return {
    view: view === "active" ? undefined : view,
    type: undefined,
    role: undefined,
    licensed: undefined,
    sku: undefined,
    ...NO_DIRECTORY_FILTERS,
    user: undefined,
  };
}

/** Clear filters: the search and every filter go; the list and an open user stay. */
export const CLEAR_FILTERS: QueryParamChanges = {
  q: undefined,
  type: undefined,
  role: undefined,
  licensed: undefined,
  sku: undefined,
  ...NO_DIRECTORY_FILTERS,
};
