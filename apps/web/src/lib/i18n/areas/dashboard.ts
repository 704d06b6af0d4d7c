import type { Widen } from "../widen";

/** Texts of the dashboard area; `dashboardNl` must have the same keys. */
export const dashboardEn = {
  seatsTitle: "Seats per product",
};

export const dashboardNl: Widen<typeof dashboardEn> = {
  seatsTitle: "Licenties per product",
};
