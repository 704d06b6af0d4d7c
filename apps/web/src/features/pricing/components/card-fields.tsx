import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { usePricingTexts } from "../texts";
import type { CardField, CardInput, PurchaseField } from "../utils/self-service-purchase";

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

/** What is wrong with each field of the buy form, in words. */
export type PurchaseErrors = Partial<Record<PurchaseField, string>>;

type BuyTexts = ReturnType<typeof usePricingTexts>["buy"];
type BuyText = { [Key in keyof BuyTexts]: BuyTexts[Key] extends string ? Key : never }[keyof BuyTexts];

/** The test card's fields in form order: their texts, and what lets the browser fill them in. */
export const CARD_FIELDS: readonly {
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

/** The test card's fields, labelled, each with what is wrong with it. */
export function CardFields({
  card,
  errors,
  onChange,
}: {
  card: CardInput;
  errors: PurchaseErrors;
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
