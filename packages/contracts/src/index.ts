export * from "./errors.js";
export * from "./common.js";
export * from "./countries.js";
export * from "./auth.js";
export * from "./users.js";
export * from "./groups.js";
export * from "./audit.js";
export * from "./health.js";
