import { Field, Text, Textarea } from "@fluentui/react-components";
import { ErrorMessage } from "@/components/error-message";
import { FormDialog } from "@/components/form-dialog";

interface TextDialogProps {
  open: boolean;
  title: string;
  intro: string;
  /** The last failed submit's error, shown above the text; null when there is none. */
  error: unknown;
  label: string;
  /** Usually the counter, "n of max characters". */
  hint: string;
  required?: boolean;
  validationMessage?: string | undefined;
  placeholder?: string;
  rows: number;
  value: string;
  onValueChange: (value: string) => void;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /**
   * False keeps the submit button focusable but inert (a text over its limit). Left true, every submit reaches
   * `onSubmit`, which can then show why the text is not accepted yet (a required reason left empty).
   */
  canSubmit?: boolean;
  onSubmit: () => void;
  onClose: () => void;
}

/** A dialog that asks for one text (a message, a reason) before an action: an intro, then the text area. */
export function TextDialog({
  open,
  title,
  intro,
  error,
  label,
  hint,
  required,
  validationMessage,
  placeholder,
  rows,
  value,
  onValueChange,
  submitLabel,
  pendingLabel,
  pending,
  canSubmit = true,
  onSubmit,
  onClose,
}: TextDialogProps) {
  return (
    <FormDialog
      open={open}
      title={title}
      confirmLabel={submitLabel}
      busyLabel={pendingLabel}
      busy={pending}
      canConfirm={canSubmit}
      onConfirm={onSubmit}
      onClose={onClose}
    >
      <Text>{intro}</Text>
      {error ? <ErrorMessage error={error} /> : null}
      <Field
        label={label}
        required={required}
        hint={hint}
        validationState={validationMessage ? "error" : "none"}
        validationMessage={validationMessage}
      >
        <Textarea
          value={value}
          placeholder={placeholder}
          resize="vertical"
          rows={rows}
          onChange={(_, data) => onValueChange(data.value)}
        />
      </Field>
    </FormDialog>
  );
}
