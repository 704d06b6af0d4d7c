export * from "./capacity.js";
export * from "./connectors.js";
export * from "./dlp.js";
export * from "./flows.js";
export * from "./products.js";
export * from "./trials.js";
