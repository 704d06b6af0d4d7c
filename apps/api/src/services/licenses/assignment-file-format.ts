/**
 * The cells of the license assignment CSV (LICENSE_ASSIGNMENT_COLUMNS) that are more than plain text, written by
 * the export and read back by the import, so that an exported file re-imports as "unchanged".
 */

/** `Assigned by` of a license given to the user itself. */
export const ASSIGNED_DIRECT = "Direct";
/** `Assigned by` of a license inherited from a group: `Group: <group name>`, one row per group. */
export const ASSIGNED_BY_GROUP_PREFIX = "Group: ";

/**
 * Disabled service plans are listed by Graph's servicePlanName, separated by a space: plan names never hold one,
 * and a space is neither CSV delimiter (comma, or semicolon for Dutch Excel), so a cell edited by hand in either
 * kind of file needs no quotes and cannot spill into the next column.
 */
export const DISABLED_PLANS_SEPARATOR = " ";

export const formatDisabledPlans = (names: readonly string[]): string => names.join(DISABLED_PLANS_SEPARATOR);

/** Names in a `Disabled plans` cell. People also separate them by comma, semicolon or `|`: all are accepted. */
export function parseDisabledPlans(cell: string): string[] {
  return cell.split(/[\s,;|]+/).filter((name) => name !== "");
}

export type AssignedBy = { kind: "direct" } | { kind: "group"; groupName: string } | { kind: "invalid" };

/**
 * An `Assigned by` cell: empty or `Direct` (any case) is a direct license, `Group: <name>` (or the Dutch
 * `Groep: <name>`) an inherited one; anything else is not understood.
 */
export function parseAssignedBy(cell: string): AssignedBy {
  const text = cell.trim();
  if (text === "" || text.toLowerCase() === ASSIGNED_DIRECT.toLowerCase()) return { kind: "direct" };
  const group = /^(?:group|groep)\s*:\s*(.+)$/i.exec(text);
  return group?.[1] ? { kind: "group", groupName: group[1].trim() } : { kind: "invalid" };
}

export const formatAssignedBy = (groupName: string | null): string =>
  groupName === null ? ASSIGNED_DIRECT : `${ASSIGNED_BY_GROUP_PREFIX}${groupName}`;
