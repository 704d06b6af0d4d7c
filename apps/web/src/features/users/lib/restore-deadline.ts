/** How long a deleted user can be restored. */
const RESTORE_WINDOW_DAYS = 30;

/** The moment a user deleted at `deletedAt` can no longer be restored (ISO, UTC). */
export function restoreDeadline(deletedAt: string): string {
  return new Date(new Date(deletedAt).getTime() + RESTORE_WINDOW_DAYS * 24 * 3600_000).toISOString();
}
