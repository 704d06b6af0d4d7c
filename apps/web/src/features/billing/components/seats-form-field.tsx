import { MAX_SEATS } from "@allot/contracts";
import { type Control, Controller, type FieldPathByValue, type FieldValues } from "react-hook-form";
import { SeatsField } from "@/components/billing/seats-field";
import { useBillingTexts } from "../texts";

/**
 * A billing form's number of seats (the text as typed, a field of a `useZodForm` form). Whether it is valid is said
 * as it is typed (`invalid`, from the dialog's live parse, which the price follows too); otherwise the field shows
 * what the API said about it.
 */
export function SeatsFormField<Values extends FieldValues>({
  control,
  name,
  label,
  hint,
  invalid,
  onTyped,
  className,
}: {
  control: Control<Values, unknown, unknown>;
  name: FieldPathByValue<Values, string>;
  label: string;
  hint?: string | undefined;
  invalid: boolean;
  /** After each change of the text (to drop what a refusal said about the previous number). */
  onTyped?: () => void;
  className?: string;
}) {
  const b = useBillingTexts();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <SeatsField
          className={className}
          label={label}
          hint={hint}
          text={String(field.value)}
          onTextChange={(text) => {
            field.onChange(text);
            onTyped?.();
          }}
          error={invalid ? b.seatsInvalid(MAX_SEATS) : fieldState.error?.message}
        />
      )}
    />
  );
}
