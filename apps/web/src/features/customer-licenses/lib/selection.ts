/**
 * The users a partner's agent selected in a customer (Partner Center's users-and-licenses workflow): kept across
 * pages and searches, in the order they were picked, each with the name and sign-in name the chips and the
 * Selected users list show. Pure functions; `selection-store` keeps one per customer for the browser tab.
 */
export interface SelectedUser {
  id: string;
  displayName: string;
  email: string;
}

export type Selection = ReadonlyMap<string, SelectedUser>;

export const EMPTY_SELECTION: Selection = new Map();

export function withUsers(selection: Selection, users: readonly SelectedUser[]): Selection {
  const next = new Map(selection);
  for (const user of users) next.set(user.id, user);
  return next;
}

export function withoutUsers(selection: Selection, ids: readonly string[]): Selection {
  const next = new Map(selection);
  for (const id of ids) next.delete(id);
  return next;
}

/** What the page's header checkbox shows for the rows on the page: all of them selected, some, or none. */
export function pageSelectionState(selection: Selection, pageIds: readonly string[]): boolean | "mixed" {
  const chosen = pageIds.filter((id) => selection.has(id)).length;
  if (chosen === 0 || pageIds.length === 0) return false;
  return chosen === pageIds.length ? true : "mixed";
}

/** The header checkbox's click: selects every row on the page unless all are selected, then clears the page. */
export function togglePage(selection: Selection, page: readonly SelectedUser[]): Selection {
  const all =
    pageSelectionState(
      selection,
      page.map((user) => user.id),
    ) === true;
  return all
    ? withoutUsers(
        selection,
        page.map((user) => user.id),
      )
    : withUsers(selection, page);
}

/** The selected users by name (then sign-in name), as the chips and the Selected users list show them. */
export function sortedSelection(selection: Selection, locale: string): SelectedUser[] {
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  return [...selection.values()].sort(
    (a, b) => collator.compare(a.displayName, b.displayName) || collator.compare(a.email, b.email),
  );
}

/** A selection from what was stored, dropping anything that is not a well-formed entry. */
export function parseSelection(stored: string | null): Selection {
  if (!stored) return EMPTY_SELECTION;
  try {
    const entries: unknown = JSON.parse(stored);
    if (!Array.isArray(entries)) return EMPTY_SELECTION;
    const users = entries.filter(
      (entry): entry is SelectedUser =>
        typeof entry === "object" &&
        entry !== null &&
        typeof entry.id === "string" &&
        typeof entry.displayName === "string" &&
        typeof entry.email === "string",
    );
    return withUsers(EMPTY_SELECTION, users);
  } catch {
    return EMPTY_SELECTION;
  }
}

export function serializeSelection(selection: Selection): string {
  return JSON.stringify([...selection.values()]);
}
