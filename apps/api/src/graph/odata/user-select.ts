import { GRAPH_USER_PROPERTIES, type GraphUserProperty } from "@allot/contracts";
import { invalidOption, unsupportedQuery } from "./errors.js";
import { listOf, lookUpProperty } from "./user-properties.js";

export const SELECT = "$select";

const SUPPORTED_SELECT = `$select supports ${listOf(GRAPH_USER_PROPERTIES)}.`;

/** A $select value: comma-separated property names, any letter case. */
export function parseSelect(value: string): GraphUserProperty[] {
  return resolveSelect(value.split(","));
}

/**
 * Property names as Graph spells them, each once, `id` first: Graph always returns the id, selected or not. An
 * unknown name is a ValidationFailed, a property of Graph's user that we do not have an UnsupportedQuery.
 */
export function resolveSelect(names: readonly string[]): GraphUserProperty[] {
  const selected = new Set<GraphUserProperty>(["id"]);
  for (const raw of names) {
    const name = raw.trim();
    if (name === "") throw invalidOption(SELECT, `$select has an empty property name. ${SUPPORTED_SELECT}`);
    if (name === "*") throw unsupportedQuery(`$select=* is not supported: name the properties. ${SUPPORTED_SELECT}`);
    const property = lookUpProperty(name);
    if (property.kind === "unknown") {
      throw invalidOption(SELECT, `Could not find a property named '${name}' on the user. ${SUPPORTED_SELECT}`);
    }
    if (property.kind === "graphOnly") {
      throw unsupportedQuery(`The user property ${property.name} is not available here. ${SUPPORTED_SELECT}`);
    }
    selected.add(property.name);
  }
  return [...selected];
}
