import { z } from "zod";
import { AppError } from "../../lib/app-error.js";

/** OData's system query options: every Graph route declares all of them, and refuses the ones it does not support. */
const SYSTEM_OPTIONS = [
  "$select",
  "$top",
  "$count",
  "$orderby",
  "$filter",
  "$skiptoken",
  "$expand",
  "$search",
  "$skip",
  "$format",
  "$apply",
  "$compute",
] as const;
export type ODataOption = (typeof SYSTEM_OPTIONS)[number];

/** The querystring of a Graph route: any OData option, as text; `refuseUnsupported` then says which may be used. */
export const odataQuerySchema = z.strictObject(
  Object.fromEntries(SYSTEM_OPTIONS.map((option) => [option, z.string().max(4096).optional()])) as Record<
    ODataOption,
    z.ZodOptional<z.ZodString>
  >,
);
export type ODataQuery = z.infer<typeof odataQuerySchema>;

/** Throws UnsupportedQuery (Graph's Request_UnsupportedQuery) for an option this route does not support. */
export function refuseUnsupported(query: ODataQuery, supported: readonly ODataOption[]): void {
  const unsupported = SYSTEM_OPTIONS.filter((option) => query[option] !== undefined && !supported.includes(option));
  if (unsupported.length > 0) {
    throw new AppError(
      "UnsupportedQuery",
      `This request does not support ${unsupported.join(", ")}${supported.length > 0 ? `; it supports ${supported.join(", ")}` : ""}.`,
    );
  }
}

/** `$top`: 1 to `max`, else the default. */
export function topOf(query: ODataQuery, fallback: number, max: number): number {
  if (query.$top === undefined) return fallback;
  const top = Number(query.$top);
  if (!/^\d+$/.test(query.$top) || top < 1 || top > max) {
    throw new AppError("ValidationFailed", `$top must be a whole number from 1 to ${max}.`, {
      errors: [{ path: "querystring.$top", message: `must be from 1 to ${max}` }],
    });
  }
  return top;
}

/**
 * The `@odata.nextLink` of a page: this request's URL with the next page's `$skiptoken`, its other options kept as
 * the client wrote them (Graph's links carry a literal `$`, not `%24`). The token is base64url: nothing to escape.
 */
export function nextLink(origin: string, url: string, skipToken: string | undefined): string | undefined {
  if (skipToken === undefined) return undefined;
  const mark = url.indexOf("?");
  const path = mark < 0 ? url : url.slice(0, mark);
  const query = mark < 0 ? "" : url.slice(mark + 1);
  const kept = query.split("&").filter((part) => part !== "" && !/^(\$|%24)skiptoken=/i.test(part));
  return `${origin}${path}?${[...kept, `$skiptoken=${skipToken}`].join("&")}`;
}
