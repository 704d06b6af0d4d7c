export * from "./audit.js";
export * from "./auth.js";
export * from "./common.js";
export * from "./countries.js";
export * from "./errors.js";
export * from "./groups.js";
export * from "./health.js";
export * from "./users.js";
