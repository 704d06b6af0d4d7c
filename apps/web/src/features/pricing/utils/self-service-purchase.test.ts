import { describe, expect, it } from "vitest";
import { type CardInput, checkPurchase, type PurchaseForm } from "./self-service-purchase";

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

describe("checkPurchase", () => {
  it("sends the card as typed, with expiry as numbers and the security code trimmed", () => {
    expect(checkPurchase(form())).toEqual({
      ok: true,
      request: {
        skuId: "6FD2C87F-B296-42F0-B197-1E91E994B900",
        seats: 2,
        billingTerm: "monthly",
        card: { number: "4242 4242 4242 4242", expMonth: 12, expYear: 2030, cvc: "123", holderName: "Megan Bowen" },
      },
    });
  });

  it("marks every field the API would refuse", () => {
    const result = checkPurchase(
      form({
        seats: 0,
        card: { number: "4242", expMonth: "13", expYear: "30", cvc: "12345", holderName: "" },
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect([...result.invalid].sort()).toEqual(["cvc", "expMonth", "expYear", "holderName", "number", "seats"]);
    }
  });

  it("counts an expiry typed with letters or too many digits as missing", () => {
    for (const expMonth of ["1a", "123"]) {
      const result = checkPurchase(form({ card: { ...GOOD_CARD, expMonth } }));
      expect(result).toEqual({ ok: false, invalid: ["expMonth"] });
    }
  });

  it("is refused without a field to mark when only the product is wrong", () => {
    expect(checkPurchase(form({ skuId: "not-a-product" }))).toEqual({ ok: false, invalid: [] });
  });
});
