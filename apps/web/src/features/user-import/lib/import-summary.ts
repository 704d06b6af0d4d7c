import type { USER_IMPORT_ACTIONS, UserImport, UserImportKind } from "@allot/contracts";

export type ImportAction = (typeof USER_IMPORT_ACTIONS)[number];
type Preview = NonNullable<UserImport["preview"]>;
type Seats = Preview["seats"][number];

/** The counts a preview shows, in this order: what a users file and what a license file can do to a row. */
const SHOWN: Record<UserImportKind, readonly ImportAction[]> = {
  users: ["create", "update", "unchanged", "refuse"],
  licenses: ["assign", "change", "remove", "unchanged", "refuse"],
};

export function shownActions(kind: UserImportKind): readonly ImportAction[] {
  return SHOWN[kind];
}

/** Each shown action with its count (0 when the preview does not name it). */
export function previewCounts(
  kind: UserImportKind,
  counts: Partial<Preview["counts"]>,
): { action: ImportAction; count: number }[] {
  return SHOWN[kind].map((action) => ({ action, count: counts[action] ?? 0 }));
}

/** Rows applying would change (neither refused nor unchanged). */
export function rowsToApply(counts: Partial<Preview["counts"]>): number {
  return Object.entries(counts)
    .filter(([action]) => action !== "refuse" && action !== "unchanged")
    .reduce((sum, [, count]) => sum + (count ?? 0), 0);
}

/** Products that would end with fewer seats than needed, and by how many. */
export function seatShortages(seats: readonly Seats[]): { seats: Seats; missing: number }[] {
  return seats
    .filter((product) => product.availableAfter < 0)
    .map((product) => ({ seats: product, missing: -product.availableAfter }));
}

/** Rows of a verified file that can still go on (those without a problem). */
export function validRows(userImport: Pick<UserImport, "rowCount" | "problemRowCount">): number {
  return Math.max(userImport.rowCount - userImport.problemRowCount, 0);
}

/** How far applying has come, in whole percent (an empty job is done). */
export function progressPercent(progress: UserImport["progress"]): number {
  if (!progress) return 0;
  if (progress.total === 0) return 100;
  return Math.min(100, Math.floor((progress.done / progress.total) * 100));
}

/**
 * What a screen reader is told while applying: only when a new quarter is reached, so a long import does not flood
 * it; null when there is nothing new to say.
 */
export function progressMilestone(previousPercent: number, percent: number): number | null {
  const quarter = (value: number) => Math.floor(value / 25);
  return quarter(percent) > quarter(previousPercent) ? quarter(percent) * 25 : null;
}
