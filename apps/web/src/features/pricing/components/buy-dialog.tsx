import {
  type BillingResult,
  type PricingProduct,
  type QuoteRequest,
  type SelfServicePurchaseRequest,
  selfServicePurchaseRequestSchema,
} from "@allot/contracts";
import {
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
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

const useStyles = makeStyles({
  quote: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    minHeight: "48px",
  },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  card: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalM,
    border: "none",
    margin: 0,
    padding: 0,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  wide: { gridColumn: "1 / -1" },
  // Grid items shrink to their column (an input's intrinsic width would push the third one out of the dialog).
  cell: { minWidth: 0 },
  input: { minWidth: 0, width: "100%" },
});

type Term = "monthly" | "annual";
type CardField = "number" | "expMonth" | "expYear" | "cvc" | "holderName";
type Card = Record<CardField, string>;
type Errors = Partial<Record<"seats" | CardField, string>>;

type BuyTexts = ReturnType<typeof usePricingTexts>["buy"];
type BuyText = { [Key in keyof BuyTexts]: BuyTexts[Key] extends string ? Key : never }[keyof BuyTexts];

/** The test card's fields in form order: their texts, and what lets the browser fill them in. */
const CARD_FIELDS: readonly {
  name: CardField;
  label: BuyText;
  invalid: BuyText;
  /** Spans the whole row; the others share one row of three. */
  wide?: boolean;
  numeric?: boolean;
  autoComplete: string;
  placeholder?: string;
  maxLength?: number;
}[] = [
  {
    name: "number",
    label: "cardNumber",
    invalid: "cardNumberInvalid",
    wide: true,
    numeric: true,
    autoComplete: "cc-number",
  },
  {
    name: "expMonth",
    label: "expMonth",
    invalid: "expMonthInvalid",
    numeric: true,
    autoComplete: "cc-exp-month",
    placeholder: "MM",
    maxLength: 2,
  },
  {
    name: "expYear",
    label: "expYear",
    invalid: "expYearInvalid",
    numeric: true,
    autoComplete: "cc-exp-year",
    placeholder: "YYYY",
    maxLength: 4,
  },
  { name: "cvc", label: "cvc", invalid: "cvcInvalid", numeric: true, autoComplete: "cc-csc", maxLength: 4 },
  { name: "holderName", label: "holderName", invalid: "holderNameInvalid", wide: true, autoComplete: "cc-name" },
];

const NO_CARD: Card = { number: "", expMonth: "", expYear: "", cvc: "", holderName: "" };

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
  const styles = useStyles();
  const { t } = useI18n();
  const tx = usePricingTexts();
  const money = useFormatMoney();
  const keyFor = useIdempotencyKeys();
  const buy = useBuyForMyself(tenantId);
  const [seatsText, setSeatsText] = useState("1");
  const [term, setTerm] = useState<Term>("monthly");
  const [card, setCard] = useState<Card>(NO_CARD);
  const [errors, setErrors] = useState<Errors>({});
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
    const body: SelfServicePurchaseRequest = {
      skuId: shown.skuId,
      seats,
      billingTerm: term,
      card: {
        number: card.number,
        expMonth: /^\d{1,2}$/.test(card.expMonth.trim()) ? Number(card.expMonth.trim()) : Number.NaN,
        expYear: /^\d{4}$/.test(card.expYear.trim()) ? Number(card.expYear.trim()) : Number.NaN,
        cvc: card.cvc.trim(),
        holderName: card.holderName,
      },
    };
    const parsed = selfServicePurchaseRequestSchema.safeParse(body);
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path.at(-1);
        if (field === "seats") next.seats = tx.buy.seatsInvalid;
        const cardField = CARD_FIELDS.find((spec) => spec.name === field);
        if (cardField) next[cardField.name] = tx.buy[cardField.invalid];
      }
      setErrors(next);
      return null;
    }
    setErrors({});
    return body;
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
      <section className={styles.quote} aria-label={tx.buy.quoteTitle} aria-live="polite" aria-busy={quote.isFetching}>
        <Text weight="semibold">{tx.buy.quoteTitle}</Text>
        {quote.isError ? (
          <Text role="alert">{errorMessage(quote.error, t)}</Text>
        ) : quoteCurrent && quote.data ? (
          <>
            <ul className={styles.lines}>
              {quote.data.lines.map((line) => (
                <li key={`${line.description}-${line.periodStart}`}>
                  {tx.buy.quoteLine(line.description, money(line.amountCents, quote.data.currency))}
                </li>
              ))}
            </ul>
            <Text weight="semibold">{tx.buy.total(money(quote.data.amountCents, quote.data.currency))}</Text>
          </>
        ) : validSeats(seats) ? (
          <Spinner size="tiny" labelPosition="after" label={tx.buy.quoteLoading} />
        ) : null}
      </section>
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

function CardFields({
  card,
  errors,
  onChange,
}: {
  card: Card;
  errors: Errors;
  onChange: (name: CardField, value: string) => void;
}) {
  const styles = useStyles();
  const tx = usePricingTexts();
  return (
    <fieldset className={styles.card}>
      <legend className={styles.legend}>{tx.buy.cardGroup}</legend>
      {CARD_FIELDS.map((spec) => (
        <Field
          key={spec.name}
          className={spec.wide ? styles.wide : styles.cell}
          label={tx.buy[spec.label]}
          required
          validationMessage={errors[spec.name]}
          validationState={errors[spec.name] ? "error" : "none"}
        >
          <Input
            className={styles.input}
            value={card[spec.name]}
            inputMode={spec.numeric ? "numeric" : undefined}
            autoComplete={spec.autoComplete}
            placeholder={spec.placeholder}
            maxLength={spec.maxLength}
            onChange={(_, data) => onChange(spec.name, data.value)}
          />
        </Field>
      ))}
    </fieldset>
  );
}
