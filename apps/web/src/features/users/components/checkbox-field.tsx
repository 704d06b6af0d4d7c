import { Checkbox } from "@fluentui/react-components";
import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { FormField } from "@/lib/forms/form-field";

/** A checkbox bound to a yes/no value of a form, with its label beside it and an optional hint below. */
export function CheckboxField<Values extends FieldValues, Name extends FieldPath<Values>>({
  control,
  name,
  label,
  hint,
}: {
  control: Control<Values, unknown, unknown>;
  name: Name;
  label: string;
  hint?: string;
}) {
  return (
    <FormField control={control} name={name} hint={hint}>
      {(field) => (
        <Checkbox
          ref={field.ref}
          label={label}
          checked={field.value === true}
          onChange={(_, data) => field.onChange(data.checked === true)}
        />
      )}
    </FormField>
  );
}
