import { type DirectLicense, samePlans } from "./validator.js";

/** What a change does to one user's direct licenses, by product id. */
export interface DirectDelta {
  added: string[];
  removed: string[];
  /** Held before and after, with other service plans switched off. */
  changed: string[];
}

/** The difference between a user's direct licenses before and after a change. */
export function directDelta(before: readonly DirectLicense[], after: readonly DirectLicense[]): DirectDelta {
  const old = new Map(before.map((license) => [license.productId, license.disabledServicePlanIds]));
  const delta: DirectDelta = { added: [], removed: [], changed: [] };
  for (const license of after) {
    const previous = old.get(license.productId);
    old.delete(license.productId);
    if (!previous) delta.added.push(license.productId);
    else if (!samePlans(previous, license.disabledServicePlanIds)) delta.changed.push(license.productId);
  }
  delta.removed.push(...old.keys());
  return delta;
}

/**
 * What a refused change asked for, against what the user holds: shown beside the reasons it was refused. In
 * replace mode every direct license is in `remove` and `add` comes back: what is added back is kept, not removed.
 */
export function requestedDelta(
  before: readonly DirectLicense[],
  add: readonly DirectLicense[],
  remove: readonly string[],
): DirectDelta {
  const held = new Map(before.map((license) => [license.productId, license.disabledServicePlanIds]));
  const kept = new Set(add.map((license) => license.productId));
  const delta: DirectDelta = {
    added: [],
    removed: remove.filter((productId) => held.has(productId) && !kept.has(productId)),
    changed: [],
  };
  for (const license of add) {
    const previous = held.get(license.productId);
    if (!previous) delta.added.push(license.productId);
    else if (!samePlans(previous, license.disabledServicePlanIds)) delta.changed.push(license.productId);
  }
  return delta;
}
