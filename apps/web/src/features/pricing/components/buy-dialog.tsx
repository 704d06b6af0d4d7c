import {
  type BillingResult,
  type PricingProduct,
  type QuoteRequest,
  selfServicePurchaseRequestSchema,
} from "@allot/contracts";
import { Field, MessageBar, MessageBarBody, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { useState } from "react";
import { Controller } from "react-hook-form";
import { SeatsField, seatsFromText, validSeats } from "@/components/billing/seats-field";
import { FormDialog } from "@/components/form-dialog";
import { RouterLink } from "@/components/router-link";
import { isApiError } from "@/lib/api-client";
import { useIdempotencyKeys } from "@/lib/billing/idempotency-key";
import { useQuote } from "@/lib/billing/quote";
import { useFormatMoney } from "@/lib/format-money";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { useZodForm } from "@/lib/forms/zod-form";
import { useDebouncedValue, useOpenKey } from "@/lib/hooks";
import { useBuyForMyself } from "../api/buy-for-myself";
import { usePricingTexts } from "../texts";
import { refusesProduct } from "../utils/refuses-product";
import { NO_CARD, purchaseInput } from "../utils/self-service-purchase";
import { CardFields, type PurchaseDraft } from "./card-fields";
import { PurchaseQuote } from "./purchase-quote";

const NO_PURCHASE: PurchaseDraft = { seats: "1", billingTerm: "monthly", card: NO_CARD };

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
  const tx = usePricingTexts();
  const money = useFormatMoney();
  const keyFor = useIdempotencyKeys();
  const buy = useBuyForMyself(tenantId);
  const [result, setResult] = useState<{ result: BillingResult; seats: number } | null>(null);
  // Kept while the dialog closes, so its content does not change under the closing animation.
  const [shown] = useState(product);
  const form = useZodForm(selfServicePurchaseRequestSchema, {
    defaultValues: NO_PURCHASE,
    toInput: (draft: PurchaseDraft) =>
      purchaseInput({ ...draft, skuId: shown?.skuId ?? "", seats: seatsFromText(draft.seats) }),
  });
  // A declined card is the card number's problem; anything else is the form's.
  const onFields = useApiErrorOnFields(form, buy.error, { PaymentDeclined: "card.number" });
  const error = refusesProduct(buy.error) ? buy.error : onFields;
  const { errors } = form.formState;

  const seatsText = form.watch("seats");
  const term = form.watch("billingTerm");
  const seats = seatsFromText(seatsText);
  const debouncedSeats = useDebouncedValue(seats, 300);
  const quoteRequest: QuoteRequest | null =
    shown && validSeats(debouncedSeats)
      ? { kind: "selfServicePurchase", skuId: shown.skuId, seats: debouncedSeats, billingTerm: term }
      : null;
  const quote = useQuote(tenantId, quoteRequest);
  const quoteCurrent = quote.data && !quote.isPlaceholderData && validSeats(seats) && seats === debouncedSeats;
  if (!shown) return null;

  const pay = form.handleSubmit((body) =>
    buy.mutate(
      { request: body, idempotencyKey: keyFor(body) },
      { onSuccess: (data) => setResult({ result: data, seats: body.seats }) },
    ),
  );

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
      // Enter while "Pay" waits for the price only checks the fields: nobody pays before seeing what it costs.
      onBlockedSubmit={() => void form.trigger()}
      onClose={onClose}
      error={disabledNow ? null : error}
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
      {disabledNow ? (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>{tx.buy.disabledNow}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Controller
        control={form.control}
        name="seats"
        render={({ field }) => (
          <SeatsField
            label={tx.buy.seats}
            hint={tx.buy.seatsHint}
            text={field.value}
            onTextChange={field.onChange}
            // Said as it is typed, and once more for an empty field when "Pay" is pressed.
            error={errors.seats || (seatsText.trim() && !validSeats(seats)) ? tx.buy.seatsInvalid : undefined}
          />
        )}
      />
      <Controller
        control={form.control}
        name="billingTerm"
        render={({ field }) => (
          <Field label={tx.buy.term}>
            <RadioGroup
              value={field.value}
              onChange={(_, data) => field.onChange(data.value === "annual" ? "annual" : "monthly")}
            >
              <Radio value="monthly" label={tx.buy.monthly(money(shown.pricePerSeatMonthCents, shown.currency))} />
              <Radio value="annual" label={tx.buy.annual(money(shown.pricePerSeatYearCents, shown.currency))} />
            </RadioGroup>
          </Field>
        )}
      />
      <PurchaseQuote quote={quote} current={Boolean(quoteCurrent)} seatsValid={validSeats(seats)} />
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{tx.buy.testProvider}</MessageBarBody>
      </MessageBar>
      <CardFields register={form.register} errors={errors.card} />
    </FormDialog>
  );
}
