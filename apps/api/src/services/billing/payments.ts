import { AppError } from "../../lib/app-error.js";

/**
 * Payment providers. Nothing here calls a network: "invoice" is pay-on-account (the charge becomes an
 * open invoice, due in 30 days), and the test card provider decides by the card number, as payment sandboxes do.
 */

export interface Card {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
  holderName: string;
}

export type PaymentProviderName = "invoice" | "card";

export interface PaymentOutcome {
  provider: PaymentProviderName;
  /** Whether the money has moved (card) or is owed on an invoice. */
  paid: boolean;
  cardLast4: string | null;
}

/** The sandbox's card that is always declined. */
export const DECLINED_TEST_CARD = "4000000000000002";

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Charges (or refunds, for a negative amount) a card with the test provider. */
export function chargeTestCard(card: Card, amountCents: number, now: Date): PaymentOutcome {
  const expired =
    card.expYear < now.getUTCFullYear() ||
    (card.expYear === now.getUTCFullYear() && card.expMonth < now.getUTCMonth() + 1);
  if (!luhnValid(card.number) || expired || (card.number === DECLINED_TEST_CARD && amountCents > 0)) {
    throw new AppError(
      "PaymentDeclined",
      expired ? "The card has expired." : "The card was declined. Use another card.",
      { errors: [{ path: "body.card.number", message: expired ? "has expired" : "was declined" }] },
    );
  }
  return { provider: "card", paid: true, cardLast4: card.number.slice(-4) };
}

/**
 * Charges a subscription's stored payment method for a renewal or seat change: a card the buyer saved (the test
 * provider accepts saved cards) or the tenant's account (an open invoice).
 */
export function chargeStoredMethod(provider: string, cardLast4: string | null): PaymentOutcome {
  return provider === "card"
    ? { provider: "card", paid: true, cardLast4 }
    : { provider: "invoice", paid: false, cardLast4: null };
}
