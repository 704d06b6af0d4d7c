import { type SelfServicePurchaseRequest, selfServicePurchaseRequestSchema } from "@allot/contracts";

export type CardField = "number" | "expMonth" | "expYear" | "cvc" | "holderName";
/** The test card as typed, field by field. */
export type CardInput = Record<CardField, string>;
/** A form field the purchase request refuses. */
export type PurchaseField = "seats" | CardField;

export const NO_CARD: CardInput = { number: "", expMonth: "", expYear: "", cvc: "", holderName: "" };

const CARD_FIELDS: readonly CardField[] = ["number", "expMonth", "expYear", "cvc", "holderName"];

function isCardField(value: unknown): value is CardField {
  return CARD_FIELDS.some((field) => field === value);
}

export interface PurchaseForm {
  skuId: string;
  seats: number;
  billingTerm: "monthly" | "annual";
  card: CardInput;
}

/**
 * The self-service purchase a buy form describes, checked with the API's own schema: the request, or the form
 * fields it refuses (none when only something the form does not show is wrong). Expiry month and year must be
 * typed as 1–2 and 4 digits; anything else counts as no number.
 */
export function checkPurchase(
  form: PurchaseForm,
): { ok: true; request: SelfServicePurchaseRequest } | { ok: false; invalid: PurchaseField[] } {
  const { card } = form;
  const request: SelfServicePurchaseRequest = {
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
  const parsed = selfServicePurchaseRequestSchema.safeParse(request);
  if (parsed.success) return { ok: true, request };
  const invalid = new Set<PurchaseField>();
  for (const issue of parsed.error.issues) {
    const field = issue.path.at(-1);
    if (field === "seats") invalid.add("seats");
    else if (isCardField(field)) invalid.add(field);
  }
  return { ok: false, invalid: [...invalid] };
}
