import { USER_IMPORT_ACTIONS, type UserImportProblem } from "@allot/contracts";
import { type DirectLicense, samePlans } from "@allot/domain";
import {
  ENGLISH_HEADERS,
  type LicenseFileHeaders,
  type LicenseFileRow,
  markDuplicates,
  markInheritedEdits,
  type PlanProduct,
  type PlanUser,
  productIndex,
  type ReadRow,
  readRow,
} from "./assignment-plan-rows.js";

/**
 * The license assignment CSV's plan: for every user the file names, its direct rows are the direct licenses the
 * user should hold. A product the user lacks is assigned, other disabled plans are a change, the same ones are
 * unchanged, and a direct license no row names is removed (which deletes its service data). `Group: …` rows are
 * read for information only. Pure: rules that need the database's locks (seats, exclusions, usage locations) are
 * the license services' when the plan is applied; here seats are only counted before → after.
 */

export type PlanAction = (typeof USER_IMPORT_ACTIONS)[number];

export interface PlannedRow {
  line: number;
  userPrincipalName: string;
  displayName: string | null;
  userId: string | null;
  /** The product as the catalog names it (skuPartNumber), or as the file wrote it when unknown; null if none. */
  product: string | null;
  productId: string | null;
  action: PlanAction;
  /** What the row changes, in words an admin reads. */
  changes: string[];
  problems: UserImportProblem[];
  /** A removal: the user loses the product's service data. */
  destroysServiceData: boolean;
  /**
   * false for a row the plan adds (a removal, or a license kept): it carries the line of the user's last row.
   * The file's own rows keep their line.
   */
  fromFile: boolean;
  /** Assign and change: the disabled plans the row asks for. */
  disabledServicePlanIds: string[];
}

/** One user's change, as the license services apply it (all or nothing for the user). */
export interface UserLicenseChange {
  userId: string;
  add: DirectLicense[];
  remove: string[];
}

export interface PlannedSeats {
  productId: string;
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  availableBefore: number;
  availableAfter: number;
}

export interface LicensePlan {
  /** The file's rows in line order, each user's removals right after its last row. */
  rows: PlannedRow[];
  changes: UserLicenseChange[];
  counts: Record<PlanAction, number>;
  seats: PlannedSeats[];
}

export interface PlanInput {
  rows: readonly LicenseFileRow[];
  products: readonly PlanProduct[];
  /** Live users of the tenant by lower-cased User Name (sign-in name). */
  users: ReadonlyMap<string, PlanUser>;
  /** Seats available now per product id (missing: none). */
  available: ReadonlyMap<string, number>;
  headers?: LicenseFileHeaders;
}

export function planLicenseAssignments(input: PlanInput): LicensePlan {
  const lookup = {
    users: input.users,
    productsByName: productIndex(input.products),
    headers: input.headers ?? ENGLISH_HEADERS,
  };
  const read = input.rows.map((row) => readRow(row, lookup));
  markInheritedEdits(read, lookup.headers);
  markDuplicates(read, lookup.headers);

  const planned: PlannedRow[] = [];
  const changes: UserLicenseChange[] = [];
  const seatDelta = new Map<string, number>();
  const move = (productId: string, by: number) => seatDelta.set(productId, (seatDelta.get(productId) ?? 0) + by);
  const byId = new Map(input.products.map((product) => [product.id, product]));

  for (const [user, rows] of byUser(read)) {
    const held = new Map(user.direct.map((license) => [license.productId, license]));
    const inheritedSeat = new Set(user.inherited.filter((l) => l.holdsSeat).map((l) => l.productId));
    const change: UserLicenseChange = { userId: user.id, add: [], remove: [] };
    /** Products the file speaks about for this user, even in refused rows: never removed. */
    const named = new Set<string>();
    let unreadable: ReadRow | null = null;
    for (const row of rows) {
      if (row.groupName === null && row.product) named.add(row.product.id);
      if (row.groupName === null && !row.product && !row.empty) unreadable ??= row;
      planned.push(plannedRow(row, held, change, inheritedSeat, move));
    }
    const last = rows.at(-1) as ReadRow;
    for (const license of user.direct) {
      if (named.has(license.productId)) continue;
      const product = byId.get(license.productId);
      const part = product?.skuPartNumber ?? license.productId;
      const base = {
        ...userCells(user),
        line: last.row.line,
        product: part,
        productId: license.productId,
        fromFile: false,
        disabledServicePlanIds: [...license.disabledServicePlanIds],
      };
      if (unreadable) {
        // The unreadable row may have meant this product: keep it rather than delete its data by mistake.
        const because = `Kept: line ${unreadable.row.line} could not be read, so it may mean this license.`;
        planned.push({ ...base, action: "unchanged", changes: [because], problems: [], destroysServiceData: false });
        continue;
      }
      change.remove.push(license.productId);
      if (!inheritedSeat.has(license.productId)) move(license.productId, +1);
      const what = `Remove ${part}: the user's service data for it is deleted.`;
      planned.push({ ...base, action: "remove", changes: [what], problems: [], destroysServiceData: true });
    }
    if (change.add.length > 0 || change.remove.length > 0) changes.push(change);
  }
  // Rows naming no known user.
  for (const row of read) if (!row.user) planned.push(plannedRow(row, new Map(), null, new Set(), move));
  planned.sort((a, b) => a.line - b.line);

  const counts = Object.fromEntries(USER_IMPORT_ACTIONS.map((action) => [action, 0])) as Record<PlanAction, number>;
  for (const row of planned) counts[row.action] += 1;
  const touched = new Set(planned.filter((row) => row.action !== "refuse" && row.productId).map((r) => r.productId));
  const seats = [...touched].flatMap((productId) => {
    const product = byId.get(productId as string);
    if (!product) return [];
    const before = input.available.get(product.id) ?? 0;
    return [
      {
        productId: product.id,
        skuId: product.skuId,
        skuPartNumber: product.skuPartNumber,
        displayName: product.displayName,
        availableBefore: before,
        availableAfter: before + (seatDelta.get(product.id) ?? 0),
      },
    ];
  });
  seats.sort((a, b) => (a.skuPartNumber < b.skuPartNumber ? -1 : 1));
  return { rows: planned, changes, counts, seats };
}

/** A known user's rows in file order, users in the order the file first names them. */
function byUser(read: readonly ReadRow[]): Map<PlanUser, ReadRow[]> {
  const users = new Map<PlanUser, ReadRow[]>();
  for (const row of read) {
    if (!row.user) continue;
    const rows = users.get(row.user) ?? [];
    rows.push(row);
    users.set(row.user, rows);
  }
  return users;
}

const userCells = (user: PlanUser) => ({
  userPrincipalName: user.userPrincipalName,
  displayName: user.displayName,
  userId: user.id,
});

/** One file row's action; a direct row without problems adds its license to the user's change. */
function plannedRow(
  row: ReadRow,
  held: ReadonlyMap<string, DirectLicense>,
  change: UserLicenseChange | null,
  inheritedSeat: ReadonlySet<string>,
  move: (productId: string, by: number) => void,
): PlannedRow {
  const base: PlannedRow = {
    line: row.row.line,
    userPrincipalName: row.user?.userPrincipalName ?? row.row.userName.trim(),
    displayName: row.user?.displayName ?? null,
    userId: row.user?.id ?? null,
    product: row.product?.skuPartNumber ?? (row.row.product.trim() || null),
    productId: row.product?.id ?? null,
    action: "unchanged",
    changes: [],
    problems: row.problems,
    destroysServiceData: false,
    fromFile: true,
    disabledServicePlanIds: row.disabledServicePlanIds,
  };
  if (row.problems.length > 0 || !change) return { ...base, action: "refuse" };
  if (row.empty) return { ...base, changes: ["Named without a product: keeps no direct license."] };
  const product = row.product as PlanProduct;
  if (row.groupName !== null) {
    return { ...base, changes: [`Inherited from ${row.groupName}: change it on the group.`] };
  }
  const wanted = { productId: product.id, disabledServicePlanIds: row.disabledServicePlanIds };
  const names = (ids: readonly string[]) =>
    ids.length === 0
      ? "none"
      : product.servicePlans
          .filter((plan) => ids.includes(plan.id))
          .map((plan) => plan.name)
          .join(" ");
  const current = held.get(product.id);
  if (!current) {
    change.add.push(wanted);
    if (!inheritedSeat.has(product.id)) move(product.id, -1);
    return {
      ...base,
      action: "assign",
      changes: [`Assign ${product.skuPartNumber}, plans off: ${names(wanted.disabledServicePlanIds)}.`],
    };
  }
  if (samePlans(current.disabledServicePlanIds, wanted.disabledServicePlanIds)) return base;
  change.add.push(wanted);
  const from = names(current.disabledServicePlanIds);
  return { ...base, action: "change", changes: [`Plans off: ${from} → ${names(wanted.disabledServicePlanIds)}.`] };
}
