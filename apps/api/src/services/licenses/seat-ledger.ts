/**
 * The seat ledger moved to services/seats/ (licensing and billing share it). This re-export keeps the users
 * services' import working until they import services/seats/ themselves.
 */
export * from "../seats/seat-ledger.js";
