import type { Widen } from "../widen";

/** Texts of the billing area; `billingNl` must have the same keys. */
export const billingEn = {
  title: "Billing",
  description: "Subscriptions, orders and invoices of this organization.",
};

export const billingNl: Widen<typeof billingEn> = {
  title: "Facturering",
  description: "Abonnementen, bestellingen en facturen van deze organisatie.",
};
