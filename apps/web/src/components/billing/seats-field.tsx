import { MAX_SEATS } from "@allot/contracts";
import { Field, SpinButton } from "@fluentui/react-components";

/** The seats typed, as a number the contract schema then checks (NaN for anything that is not a whole number). */
export function seatsFromText(text: string): number {
  const trimmed = text.trim().replace(/[\s.,]/g, "");
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function validSeats(seats: number): boolean {
  return Number.isInteger(seats) && seats >= 1 && seats <= MAX_SEATS;
}

/**
 * A number of seats, typed or stepped (1 to 100,000); the text stays as typed until it is valid. Each keystroke is
 * passed on (a SpinButton itself reports typed text only once the field is left or Enter is pressed), so a price
 * shown beside it follows the number as it is typed.
 */
export function SeatsField({
  label,
  text,
  onTextChange,
  error,
  hint,
  className,
}: {
  label: string;
  text: string;
  onTextChange: (text: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  className?: string | undefined;
}) {
  const seats = seatsFromText(text);
  return (
    <Field
      label={label}
      required
      hint={hint}
      className={className}
      validationState={error ? "error" : "none"}
      validationMessage={error}
    >
      <SpinButton
        value={Number.isNaN(seats) ? null : seats}
        displayValue={text}
        min={1}
        max={MAX_SEATS}
        input={{ onInput: (event) => onTextChange(event.currentTarget.value) }}
        onChange={(_, data) => {
          if (data.value !== undefined && data.value !== null) onTextChange(String(data.value));
          else if (data.displayValue !== undefined) onTextChange(data.displayValue);
        }}
      />
    </Field>
  );
}
