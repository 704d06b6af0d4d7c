/**
 * Deleted users (DESIGN.md §2): a user's deletion can be undone for 30 days; after that it is final. The window is
 * inclusive: at the very instant 30 days after the deletion the user can still be restored.
 */

/** How long a deleted user stays restorable. */
export const RESTORE_WINDOW_DAYS = 30;

const RESTORE_WINDOW_MS = RESTORE_WINDOW_DAYS * 86_400_000;

/** The last instant a user deleted at `deletedAt` can be restored (what the Deleted users list shows). */
export function restoreDeadline(deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + RESTORE_WINDOW_MS);
}

/** Whether a user deleted at `deletedAt` can still be restored at `now`. */
export function isRestorable(deletedAt: Date, now: Date): boolean {
  return now.getTime() <= restoreDeadline(deletedAt).getTime();
}

/**
 * The earliest deletion that is still restorable at `now`: a user is restorable exactly when it was deleted at or
 * after this instant. For queries that select restorable users by their deletion time.
 */
export function earliestRestorableDeletion(now: Date): Date {
  return new Date(now.getTime() - RESTORE_WINDOW_MS);
}
