/** The header checkbox of a selection: unchecked when none of the rows that can be chosen is, checked when all are. */
export function selectionState(selectable: readonly string[], selected: ReadonlySet<string>): boolean | "mixed" {
  const chosen = selectable.filter((key) => selected.has(key)).length;
  return chosen === 0 ? false : chosen === selectable.length ? true : "mixed";
}

/** The header checkbox clicked: all of the rows when not all were chosen, else none. */
export function toggleAll(selectable: readonly string[], selected: ReadonlySet<string>): Set<string> {
  return selectionState(selectable, selected) === true ? new Set() : new Set(selectable);
}

/** One row's checkbox clicked. */
export function toggleOne(selected: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(selected);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}
