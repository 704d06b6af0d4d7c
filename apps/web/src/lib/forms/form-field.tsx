import { Field, type FieldProps, Input, type InputProps } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { type Control, type ControllerRenderProps, type FieldValues, type Path, useController } from "react-hook-form";

interface FormFieldProps<Values extends FieldValues, Name extends Path<Values>>
  extends Pick<FieldProps, "label" | "hint" | "required" | "className"> {
  control: Control<Values, unknown, unknown>;
  name: Name;
  /**
   * This field's own wording of a problem found in the browser ("Enter a reason."), instead of the generic one the
   * schema's issue gets; a problem the API reported keeps the API's words.
   */
  message?: string;
  /** The control, bound to the field: pass `ref`, `value`, `onBlur` and call `onChange` with the new value. */
  children: (field: ControllerRenderProps<Values, Name>) => ReactElement;
}

/** A labelled form field (Fluent's Field) bound to one value of a react-hook-form form, showing its problem. */
export function FormField<Values extends FieldValues, Name extends Path<Values>>({
  control,
  name,
  message,
  children,
  ...fieldProps
}: FormFieldProps<Values, Name>) {
  const { field, fieldState } = useController({ control, name });
  const error = fieldState.error;
  const shown = error && message && error.type !== "server" ? message : error?.message;
  return (
    <Field {...fieldProps} validationMessage={shown}>
      {children(field)}
    </Field>
  );
}

interface TextFieldProps<Values extends FieldValues, Name extends Path<Values>>
  extends Omit<FormFieldProps<Values, Name>, "children"> {
  input?: Omit<InputProps, "value" | "onChange" | "onBlur" | "name">;
}

/** A text input form field: the common case of `FormField`. */
export function TextField<Values extends FieldValues, Name extends Path<Values>>({
  input,
  ...props
}: TextFieldProps<Values, Name>) {
  return (
    <FormField {...props}>
      {(field) => (
        <Input
          {...input}
          ref={field.ref}
          name={field.name}
          value={field.value ?? ""}
          onBlur={field.onBlur}
          onChange={(_, data) => field.onChange(data.value)}
        />
      )}
    </FormField>
  );
}
