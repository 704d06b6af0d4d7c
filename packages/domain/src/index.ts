export * from "./billing/index.js";
export * from "./licensing/conflicts.js";
export * from "./licensing/inherited.js";
export * from "./licensing/seats.js";
export * from "./licensing/validator.js";
export * from "./permissions.js";
export * from "./roles.js";
export * from "./users/restore-window.js";
