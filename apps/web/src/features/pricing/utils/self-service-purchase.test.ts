import { selfServicePurchaseRequestSchema } from "@allot/contracts";
import { describe, expect, it } from "vitest";
import { type CardInput, type PurchaseForm, purchaseInput } from "./self-service-purchase";

/** "Pay" sends only a purchase the API accepts; otherwise the fields to fix are marked. */

const GOOD_CARD: CardInput = {
  number: "4242 4242 4242 4242",
  expMonth: " 12 ",
  expYear: "2030",
  cvc: " 123",
  holderName: "Megan Bowen",
};

function form(overrides: Partial<PurchaseForm> = {}): PurchaseForm {
  return {
    skuId: "6FD2C87F-B296-42F0-B197-1E91E994B900",
    seats: 2,
    billingTerm: "monthly",
    card: GOOD_CARD,
    ...overrides,
  };
}

/** The fields the API's schema refuses, as the form names them. */
function refused(purchase: PurchaseForm): string[] {
  const parsed = selfServicePurchaseRequestSchema.safeParse(purchaseInput(purchase));
  return parsed.success ? [] : [...new Set(parsed.error.issues.map((issue) => issue.path.join(".")))].sort();
}

describe("purchaseInput", () => {
  it("sends the card as typed, with expiry as numbers and the security code trimmed", () => {
    expect(purchaseInput(form())).toEqual({
      skuId: "6FD2C87F-B296-42F0-B197-1E91E994B900",
      seats: 2,
      billingTerm: "monthly",
      card: { number: "4242 4242 4242 4242", expMonth: 12, expYear: 2030, cvc: "123", holderName: "Megan Bowen" },
    });
    expect(refused(form())).toEqual([]);
  });

  it("lets the schema mark every field the API would refuse", () => {
    const purchase = form({
      seats: 0,
      card: { number: "4242", expMonth: "13", expYear: "30", cvc: "12345", holderName: "" },
    });
    expect(refused(purchase)).toEqual([
      "card.cvc",
      "card.expMonth",
      "card.expYear",
      "card.holderName",
      "card.number",
      "seats",
    ]);
  });

  it("counts an expiry typed with letters or too many digits as missing", () => {
    for (const expMonth of ["1a", "123"]) {
      expect(refused(form({ card: { ...GOOD_CARD, expMonth } }))).toEqual(["card.expMonth"]);
    }
  });
});
