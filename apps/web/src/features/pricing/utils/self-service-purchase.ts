import type { SelfServicePurchaseRequest } from "@allot/contracts";

export type CardField = "number" | "expMonth" | "expYear" | "cvc" | "holderName";
/** The test card as typed, field by field. */
export type CardInput = Record<CardField, string>;

export const NO_CARD: CardInput = { number: "", expMonth: "", expYear: "", cvc: "", holderName: "" };

export interface PurchaseForm {
  skuId: string;
  seats: number;
  billingTerm: "monthly" | "annual";
  card: CardInput;
}

/**
 * The self-service purchase a buy form describes, for the API's own schema to check: expiry month and year must be
 * typed as 1–2 and 4 digits (anything else counts as no number), the security code is sent without spaces.
 */
export function purchaseInput(form: PurchaseForm): SelfServicePurchaseRequest {
  const { card } = form;
  return {
    skuId: form.skuId,
    seats: form.seats,
    billingTerm: form.billingTerm,
    card: {
      number: card.number,
      expMonth: /^\d{1,2}$/.test(card.expMonth.trim()) ? Number(card.expMonth.trim()) : Number.NaN,
      expYear: /^\d{4}$/.test(card.expYear.trim()) ? Number(card.expYear.trim()) : Number.NaN,
      cvc: card.cvc.trim(),
      holderName: card.holderName,
    },
  };
}
