import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { usePricingTexts } from "../texts";
import type { CardField, CardInput } from "../utils/self-service-purchase";

const useStyles = makeStyles({
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

/** The buy form's fields: the seats as typed, the term, the card. */
export interface PurchaseDraft {
  seats: string;
  billingTerm: "monthly" | "annual";
  card: CardInput;
}

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

/**
 * The test card's fields of the buy form, labelled, each with what is wrong with it in the page's words (a refused
 * payment in the API's).
 */
export function CardFields({
  register,
  errors,
}: {
  register: UseFormRegister<PurchaseDraft>;
  errors: FieldErrors<CardInput> | undefined;
}) {
  const styles = useStyles();
  const tx = usePricingTexts();
  return (
    <fieldset className={styles.card}>
      <legend className={styles.legend}>{tx.buy.cardGroup}</legend>
      {CARD_FIELDS.map((spec) => {
        const problem = errors?.[spec.name];
        return (
          <Field
            key={spec.name}
            className={spec.wide ? styles.wide : styles.cell}
            label={tx.buy[spec.label]}
            required
            validationMessage={
              problem ? (problem.type === "server" ? problem.message : tx.buy[spec.invalid]) : undefined
            }
          >
            <Input
              {...register(`card.${spec.name}`)}
              className={styles.input}
              inputMode={spec.numeric ? "numeric" : undefined}
              autoComplete={spec.autoComplete}
              placeholder={spec.placeholder}
              maxLength={spec.maxLength}
            />
          </Field>
        );
      })}
    </fieldset>
  );
}
