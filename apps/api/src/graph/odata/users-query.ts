import type { GraphUserProperty } from "@allot/contracts";
import { invalidOption, unsupportedQuery } from "./errors.js";
import { type FilterExpression, printFilter } from "./filter-ast.js";
import { parseFilter } from "./filter-parser.js";
import { decodeSkipToken, type KeysetPosition, queryFingerprint, SKIP_TOKEN } from "./skip-token.js";
import { lookUpProperty } from "./user-properties.js";
import { parseSelect } from "./user-select.js";

/** How the users collection is ordered: by id (Graph's default order), or by displayName. */
export type UsersOrder = { by: "id" } | { by: "displayName"; direction: "asc" | "desc" };

/** A users collection request, every option checked: what the services run. */
export interface UsersQuery {
  /** Page size, 1–999. */
  top: number;
  /** The properties asked for (Graph's spelling, `id` first); undefined: Graph's default properties. */
  select: readonly GraphUserProperty[] | undefined;
  orderBy: UsersOrder;
  /** Whether the total of users matching the filter is asked for. */
  count: boolean;
  filter: FilterExpression | undefined;
  /** Where the previous page ended (from $skiptoken); undefined on the first page. */
  after: KeysetPosition | undefined;
  /** Binds the skip tokens of this query's pages to its filter, order and select. */
  fingerprint: string;
}

const DEFAULT_TOP = 100;
const MAX_TOP = 999;

/** OData options we know but do not run: refused by name, never ignored. */
const UNSUPPORTED_OPTIONS = new Set([
  "$expand",
  "$search",
  "$skip",
  "$format",
  "$apply",
  "$compute",
  "$deltatoken",
  "$levels",
  "$index",
  "$schemaversion",
  "$id",
]);
const OPTIONS = ["$select", "$top", "$count", "$orderby", "$filter", SKIP_TOKEN] as const;
type Option = (typeof OPTIONS)[number];

/**
 * The users collection's query options, as they arrive in the URL (`$top`, `$filter`, …), with the request's
 * ConsistencyLevel header. Option names are matched without regard to case, as OData 4.01 and Graph do. Anything
 * malformed is a ValidationFailed naming the option; anything we do not support is an UnsupportedQuery.
 */
export function parseUsersQuery(
  query: Record<string, string | undefined>,
  consistencyLevel: string | undefined,
): UsersQuery {
  const options = recognise(query, OPTIONS);
  const select = options.$select === undefined ? undefined : parseSelect(options.$select);
  const orderBy = parseOrderBy(options.$orderby);
  const filter = options.$filter === undefined ? undefined : parseFilter(options.$filter);
  const count = parseCount(options.$count, consistencyLevel);
  const fingerprint = queryFingerprint({
    filter: filter ? printFilter(filter) : "",
    orderBy: orderBy.by === "id" ? "id" : `displayName ${orderBy.direction}`,
    select: select ? [...select].sort().join(",") : "",
  });
  const after =
    options.$skiptoken === undefined
      ? undefined
      : decodeSkipToken(options.$skiptoken, fingerprint, orderBy.by === "displayName");
  return { top: parseTop(options.$top), select, orderBy, count, filter, after, fingerprint };
}

/** The options of a request for one user (GET users/{id}): $select only, as Graph takes there. */
export function parseUserQuery(query: Record<string, string | undefined>): {
  select: readonly GraphUserProperty[] | undefined;
} {
  const options = recognise(query, ["$select"] as const);
  return { select: options.$select === undefined ? undefined : parseSelect(options.$select) };
}

/** The options by their canonical names; an option known but not run, or not known at all, is refused. */
function recognise<T extends Option>(
  query: Record<string, string | undefined>,
  accepted: readonly T[],
): Partial<Record<T, string>> {
  const options: Partial<Record<T, string>> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const name = key.toLowerCase();
    const option = accepted.find((candidate) => candidate === name);
    if (option !== undefined) {
      if (options[option] !== undefined) throw invalidOption(option, `${option} is given more than once.`);
      options[option] = value;
    } else if (UNSUPPORTED_OPTIONS.has(name) || OPTIONS.some((known) => known === name)) {
      throw unsupportedQuery(`The query option ${name} is not supported here. Supported: ${accepted.join(", ")}.`);
    } else {
      throw invalidOption(key, `Unknown query parameter '${key}'. Supported: ${accepted.join(", ")}.`);
    }
  }
  return options;
}

function parseTop(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TOP;
  // Digits only: Number() would also read "0x10", "1e2" or " 7 ".
  const top = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(top >= 1 && top <= MAX_TOP)) {
    throw invalidOption("$top", `$top must be a whole number from 1 to ${MAX_TOP}, not '${value}'.`);
  }
  return top;
}

function parseCount(value: string | undefined, consistencyLevel: string | undefined): boolean {
  if (value === undefined) return false;
  const count = value.toLowerCase();
  if (count !== "true" && count !== "false") {
    throw invalidOption("$count", `$count must be true or false, not '${value}'.`);
  }
  // Graph counts users only as an advanced query, which a client must opt into with this header.
  if (count === "true" && consistencyLevel?.trim().toLowerCase() !== "eventual") {
    throw unsupportedQuery("$count=true needs the request header ConsistencyLevel: eventual, as in Microsoft Graph.");
  }
  return count === "true";
}

function parseOrderBy(value: string | undefined): UsersOrder {
  if (value === undefined) return { by: "id" };
  const items = value.split(",");
  if (items.length > 1) throw unsupportedQuery("$orderby takes one property, displayName (asc or desc).");
  const match = /^\s*([A-Za-z_][A-Za-z0-9_/]*)(?:\s+(asc|desc))?\s*$/i.exec(value);
  if (!match) {
    throw invalidOption("$orderby", "$orderby must be displayName, optionally followed by asc or desc.");
  }
  const [, property = "", direction = "asc"] = match;
  if (property.toLowerCase() !== "displayname") {
    if (lookUpProperty(property).kind === "unknown") {
      throw invalidOption(
        "$orderby",
        `Could not find a property named '${property}' on the user: users can be ordered by displayName only.`,
      );
    }
    throw unsupportedQuery(`$orderby ${property} is not supported: users can be ordered by displayName only.`);
  }
  return { by: "displayName", direction: direction.toLowerCase() === "desc" ? "desc" : "asc" };
}
