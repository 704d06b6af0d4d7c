import { Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import { useI18n } from "@/lib/i18n";

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
  const { t } = useI18n();
  const choice = (
    <RadioGroup value={mode} onChange={(_, data) => onModeChange(data.value === "own" ? "own" : "auto")}>
      <Radio value="auto" label={t.users.add.autoPassword} />
      <Radio value="own" label={t.users.add.ownPassword} />
    </RadioGroup>
  );
  return (
    <>
      {label ? <Field label={label}>{choice}</Field> : choice}
      {mode === "own" ? (
        <Field label={t.users.add.passwordField} required hint={t.users.add.passwordHint} validationMessage={error}>
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
