export * from "./add-licenses.js";
export * from "./charges.js";
export * from "./lifecycle.js";
export * from "./proration.js";
export * from "./seat-change.js";
export * from "./state-guards.js";
export * from "./subscription-actions.js";
export * from "./terms.js";
