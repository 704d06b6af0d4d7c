import type { Readable } from "node:stream";
import { USER_EXPORT_COLUMNS, USER_EXPORT_MAX_ROWS, type UserExportQuery } from "@allot/contracts";
import { type CsvCell, csvStream } from "../../lib/csv.js";
import type { TenantContext } from "../../types.js";
import type { UserColumns } from "../directory/user-view.js";
import { criteriaOf } from "./list-users.js";
import { type UserPageCriteria, userPageQuery } from "./users-page-query.js";

/** Users read per query while the file streams: the list's own statement, in keyset pages. */
export const USER_EXPORT_PAGE_SIZE = 1_000;

/**
 * One user as a row: the "Add multiple users" template's columns (sign-in name first, country as its ISO code),
 * then usage location, user type, sign-in allowed, the products held (skuPartNumbers joined by `+`, as Microsoft's
 * own export writes them), and the last sign-in and creation times in UTC.
 */
function rowCells(user: UserColumns): CsvCell[] {
  return [
    user.email,
    user.givenName,
    user.surname,
    user.displayName,
    user.jobTitle,
    user.department,
    user.officeLocation,
    user.businessPhone,
    user.mobilePhone,
    user.faxNumber,
    user.alternateEmail,
    user.streetAddress,
    user.city,
    user.state,
    user.postalCode,
    user.country,
    user.usageLocation,
    user.userType === "guest" ? "Guest" : "Member",
    user.accountEnabled ? "Yes" : "No",
    user.licenses.map((license) => license.skuPartNumber).join("+"),
    user.lastSignInAt?.toISOString() ?? null,
    user.createdAt.toISOString(),
  ];
}

export interface UsersExport {
  fileName: string;
  /** The CSV text, header row first, users by name; the first page is read before the stream is handed out. */
  open(): Promise<Readable>;
}

/** `users-contoso.test-2025-01-31.csv`: the tenant's domain (its id if the domain holds odd characters) and the day. */
async function fileName(ctx: TenantContext): Promise<string> {
  const tenant = await ctx.db.tenant.findUnique({ where: { id: ctx.tenantId }, select: { domain: true } });
  const domain = tenant?.domain;
  const name = domain && /^[A-Za-z0-9.-]{1,200}$/.test(domain) ? domain : ctx.tenantId;
  return `users-${name}-${ctx.clock.now().toISOString().slice(0, 10)}.csv`;
}

/**
 * "Export users": the users the Active users list shows for the same filters, as CSV, up to USER_EXPORT_MAX_ROWS.
 * The filters are resolved at once (an unknown skuId is a 404); nothing is read until `open` (a HEAD request never
 * opens it).
 */
export async function exportUsers(ctx: TenantContext, query: UserExportQuery): Promise<UsersExport> {
  const { delimiter, ...filters } = query;
  const criteria = await criteriaOf(ctx, filters);
  const now = ctx.clock.now();
  const read = (after: UserPageCriteria["after"], take: number) =>
    ctx.db.$queryRaw<UserColumns[]>(userPageQuery({ ...criteria, tenantId: ctx.tenantId, after, take, now }));
  return {
    fileName: await fileName(ctx),
    async open() {
      const first = await read(undefined, USER_EXPORT_PAGE_SIZE);
      return csvStream(USER_EXPORT_COLUMNS, delimiter, pages(first, read));
    },
  };
}

/** The export's rows page by page, in list order, up to USER_EXPORT_MAX_ROWS. */
async function* pages(
  first: UserColumns[],
  read: (after: UserPageCriteria["after"], take: number) => Promise<UserColumns[]>,
): AsyncGenerator<CsvCell[][]> {
  let rows = first;
  let written = 0;
  let asked = USER_EXPORT_PAGE_SIZE;
  for (;;) {
    yield rows.map(rowCells);
    written += rows.length;
    const last = rows.at(-1);
    // A short page is the last one; the row cap ends the export too.
    if (last === undefined || rows.length < asked || written >= USER_EXPORT_MAX_ROWS) return;
    asked = Math.min(USER_EXPORT_PAGE_SIZE, USER_EXPORT_MAX_ROWS - written);
    rows = await read({ displayName: last.displayName, id: last.id }, asked);
  }
}
