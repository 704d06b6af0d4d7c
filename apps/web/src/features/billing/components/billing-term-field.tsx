import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import { useBillingChangeTexts, useBillingTexts } from "../texts";

export type BillingTermChoice = "monthly" | "annual";

/** Monthly or annual, as buying a subscription and converting a trial both ask it. */
export function BillingTermField({
  value,
  onChange,
}: {
  value: BillingTermChoice;
  onChange: (term: BillingTermChoice) => void;
}) {
  const b = useBillingTexts();
  const c = useBillingChangeTexts();
  return (
    <Field label={c.buy.term}>
      <RadioGroup
        value={value}
        layout="horizontal"
        onChange={(_, data) => onChange(data.value === "annual" ? "annual" : "monthly")}
      >
        <Radio value="monthly" label={b.term.monthly} />
        <Radio value="annual" label={b.term.annual} />
      </RadioGroup>
    </Field>
  );
}
