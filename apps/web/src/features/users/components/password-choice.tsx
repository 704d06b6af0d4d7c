import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import { type Control, type FieldPath, type FieldValues, useController } from "react-hook-form";
import { TextField } from "@/lib/forms/form-field";
import { useUsersTexts } from "../texts";

export type PasswordMode = "auto" | "own";

/** The fields of a form that offers the choice: how the password is made, and the one typed. */
export interface PasswordFields extends FieldValues {
  passwordMode: PasswordMode;
  password: string;
}

/**
 * Auto-generate a password or type one's own, and the password field when it is one's own: the same choice when
 * adding a user and when resetting a password, bound to the form's `passwordMode` and `password`. With a `label`
 * the choice sits in a labelled field.
 */
export function PasswordChoice<Values extends PasswordFields>({
  label,
  control,
}: {
  label?: string;
  control: Control<Values, unknown, unknown>;
}) {
  const u = useUsersTexts();
  // Every form given here has both fields (PasswordFields); the names are typed for the form's own values.
  const { field: mode } = useController({ control, name: "passwordMode" as FieldPath<Values> });
  const choice = (
    <RadioGroup value={mode.value} onChange={(_, data) => mode.onChange(data.value === "own" ? "own" : "auto")}>
      <Radio value="auto" label={u.add.autoPassword} />
      <Radio value="own" label={u.add.ownPassword} />
    </RadioGroup>
  );
  return (
    <>
      {label ? <Field label={label}>{choice}</Field> : choice}
      {mode.value === "own" ? (
        <TextField
          control={control}
          name={"password" as FieldPath<Values>}
          label={u.add.passwordField}
          required
          hint={u.add.passwordHint}
          input={{ type: "password", autoComplete: "new-password" }}
        />
      ) : null}
    </>
  );
}
