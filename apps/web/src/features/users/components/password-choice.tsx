import { Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import { useUsersTexts } from "../texts";

export type PasswordMode = "auto" | "own";

/**
 * Auto-generate a password or type one's own, and the password field when it is one's own: the same choice when
 * adding a user and when resetting a password. With a `label` the choice sits in a labelled field.
 */
export function PasswordChoice({
  label,
  mode,
  onModeChange,
  password,
  onPasswordChange,
  error,
}: {
  label?: string;
  mode: PasswordMode;
  onModeChange: (mode: PasswordMode) => void;
  password: string;
  onPasswordChange: (password: string) => void;
  error: string | undefined;
}) {
  const u = useUsersTexts();
  const choice = (
    <RadioGroup value={mode} onChange={(_, data) => onModeChange(data.value === "own" ? "own" : "auto")}>
      <Radio value="auto" label={u.add.autoPassword} />
      <Radio value="own" label={u.add.ownPassword} />
    </RadioGroup>
  );
  return (
    <>
      {label ? <Field label={label}>{choice}</Field> : choice}
      {mode === "own" ? (
        <Field label={u.add.passwordField} required hint={u.add.passwordHint} validationMessage={error}>
          <Input
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(_, data) => onPasswordChange(data.value)}
          />
        </Field>
      ) : null}
    </>
  );
}
