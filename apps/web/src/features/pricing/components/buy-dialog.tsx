import type { BillingResult, PricingProduct, QuoteRequest, SelfServicePurchaseRequest } from "@allot/contracts";
import { Field, MessageBar, MessageBarBody, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { useState } from "react";
import { SeatsField, seatsFromText, validSeats } from "@/components/billing/seats-field";
import { ErrorMessage } from "@/components/error-message";
import { FormDialog } from "@/components/form-dialog";
import { RouterLink } from "@/components/router-link";
import { isApiError } from "@/lib/api-client";
import { useIdempotencyKeys } from "@/lib/billing/idempotency-key";
import { useQuote } from "@/lib/billing/quote";
import { errorMessage } from "@/lib/errors";
import { useFormatMoney } from "@/lib/format-money";
import { useDebouncedValue, useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useBuyForMyself } from "../api/buy-for-myself";
import { usePricingTexts } from "../texts";
import { type CardInput, checkPurchase, NO_CARD } from "../utils/self-service-purchase";
import { CARD_FIELDS, CardFields, type PurchaseErrors } from "./card-fields";
import { PurchaseQuote } from "./purchase-quote";

type Term = "monthly" | "annual";

interface BuyDialogProps {
  tenantId: string;
  product: PricingProduct | null;
  onClose: () => void;
}

/** "Buy now": seats and term, the price quoted before paying, the test card, and "Pay €…". */
export function BuyDialog(props: BuyDialogProps) {
  return <BuyDialogContent key={useOpenKey(props.product !== null)} {...props} />;
}

function BuyDialogContent({ tenantId, product, onClose }: BuyDialogProps) {
  const { t } = useI18n();
  const tx = usePricingTexts();
  const money = useFormatMoney();
  const keyFor = useIdempotencyKeys();
  const buy = useBuyForMyself(tenantId);
  const [seatsText, setSeatsText] = useState("1");
  const [term, setTerm] = useState<Term>("monthly");
  const [card, setCard] = useState<CardInput>(NO_CARD);
  const [errors, setErrors] = useState<PurchaseErrors>({});
  const [result, setResult] = useState<{ result: BillingResult; seats: number } | null>(null);
  // Kept while the dialog closes, so its content does not change under the closing animation.
  const [shown] = useState(product);

  const seats = seatsFromText(seatsText);
  const debouncedSeats = useDebouncedValue(seats, 300);
  const quoteRequest: QuoteRequest | null =
    shown && validSeats(debouncedSeats)
      ? { kind: "selfServicePurchase", skuId: shown.skuId, seats: debouncedSeats, billingTerm: term }
      : null;
  const quote = useQuote(tenantId, quoteRequest);
  const quoteCurrent = quote.data && !quote.isPlaceholderData && validSeats(seats) && seats === debouncedSeats;
  if (!shown) return null;

  /** The purchase the form describes, or null after showing beside each field what is wrong with it. */
  const checkedPurchase = (): SelfServicePurchaseRequest | null => {
    const checked = checkPurchase({ skuId: shown.skuId, seats, billingTerm: term, card });
    if (checked.ok) {
      setErrors({});
      return checked.request;
    }
    const next: PurchaseErrors = {};
    for (const field of checked.invalid) {
      if (field === "seats") next.seats = tx.buy.seatsInvalid;
      const cardField = CARD_FIELDS.find((spec) => spec.name === field);
      if (cardField) next[cardField.name] = tx.buy[cardField.invalid];
    }
    setErrors(next);
    return null;
  };

  const pay = () => {
    const body = checkedPurchase();
    if (!body) return;
    buy.mutate(
      { request: body, idempotencyKey: keyFor(body) },
      {
        onSuccess: (data) => setResult({ result: data, seats }),
        onError: (error) => {
          if (isApiError(error, "PaymentDeclined")) setErrors({ number: errorMessage(error, t) });
        },
      },
    );
  };

  const declined = isApiError(buy.error, "PaymentDeclined");
  const disabledNow = isApiError(buy.error, "SelfServicePurchaseDisabled");
  const payLabel =
    quoteCurrent && quote.data ? tx.buy.pay(money(quote.data.amountCents, quote.data.currency)) : tx.buy.payWaiting;

  return (
    <FormDialog
      open={product !== null}
      title={result ? tx.buy.doneTitle : tx.buy.title(shown.displayName)}
      confirmLabel={payLabel}
      busyLabel={tx.buy.paying}
      busy={buy.isPending}
      canConfirm={Boolean(quoteCurrent) && !disabledNow}
      onConfirm={pay}
      // Enter while "Pay" waits for the price only checks the card: nobody pays before seeing what it costs.
      onBlockedSubmit={checkedPurchase}
      onClose={onClose}
      done={
        result ? (
          <MessageBar intent="success" layout="multiline" role="status">
            <MessageBarBody>
              {tx.buy.done(result.seats, shown.displayName, result.result.subscription.assignedBySubscriptionOwner > 0)}{" "}
              <RouterLink to={`/t/${tenantId}/account/licenses`}>{tx.buy.goToMyLicenses}</RouterLink>
            </MessageBarBody>
          </MessageBar>
        ) : undefined
      }
    >
      <Text>{tx.buy.intro}</Text>
      {buy.isError && !declined ? (
        disabledNow ? (
          <MessageBar intent="warning" layout="multiline" role="alert">
            <MessageBarBody>{tx.buy.disabledNow}</MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorMessage error={buy.error} />
        )
      ) : null}
      <SeatsField
        label={tx.buy.seats}
        hint={tx.buy.seatsHint}
        text={seatsText}
        onTextChange={setSeatsText}
        error={errors.seats ?? (seatsText.trim() && !validSeats(seats) ? tx.buy.seatsInvalid : undefined)}
      />
      <Field label={tx.buy.term}>
        <RadioGroup value={term} onChange={(_, data) => setTerm(data.value === "annual" ? "annual" : "monthly")}>
          <Radio value="monthly" label={tx.buy.monthly(money(shown.pricePerSeatMonthCents, shown.currency))} />
          <Radio value="annual" label={tx.buy.annual(money(shown.pricePerSeatYearCents, shown.currency))} />
        </RadioGroup>
      </Field>
      <PurchaseQuote quote={quote} current={Boolean(quoteCurrent)} seatsValid={validSeats(seats)} />
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{tx.buy.testProvider}</MessageBarBody>
      </MessageBar>
      <CardFields
        card={card}
        errors={errors}
        onChange={(name, value) => setCard((previous) => ({ ...previous, [name]: value }))}
      />
    </FormDialog>
  );
}
