import { changePasswordRequestSchema, type Me } from "@allot/contracts";
import { Button, Field, Input, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { type FormEvent, useRef, useState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { ApiError } from "@/lib/api-client";
import { useI18n } from "@/lib/i18n";
import { type FieldErrors, fieldErrorsFromZod } from "@/lib/validation";
import { useChangePassword } from "../api/change-password";
import { useAuthTexts } from "../texts";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

type FieldName = "currentPassword" | "newPassword" | "confirmPassword";

/** Current password, new password twice; the API's refusals land beside the field they are about. */
export function ChangePasswordForm({ forced, onChanged }: { forced: boolean; onChanged: (me: Me) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const a = useAuthTexts();
  const change = useChangePassword();
  const [values, setValues] = useState<Record<FieldName, string>>({
    currentPassword: "",
    newPassword: "",
    confirmPassword: "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const refs = {
    currentPassword: useRef<HTMLInputElement>(null),
    newPassword: useRef<HTMLInputElement>(null),
    confirmPassword: useRef<HTMLInputElement>(null),
  };

  const show = (next: FieldErrors) => {
    setErrors(next);
    const first = (["currentPassword", "newPassword", "confirmPassword"] as const).find((name) => next[name]);
    if (first) refs[first].current?.focus();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = changePasswordRequestSchema.safeParse({
      currentPassword: values.currentPassword,
      newPassword: values.newPassword,
    });
    const found: FieldErrors = parsed.success ? {} : fieldErrorsFromZod(parsed.error, t);
    if (values.confirmPassword !== values.newPassword) found.confirmPassword = a.mismatch;
    if (!parsed.success || found.confirmPassword) return show(found);
    setErrors({});
    change.mutate(parsed.data, {
      onSuccess: onChanged,
      onError: (error) => {
        if (!(error instanceof ApiError)) return;
        const byField: FieldErrors = {};
        for (const field of error.fieldErrors) {
          if (field.path.endsWith("currentPassword")) byField.currentPassword = a.wrongCurrent;
          else if (field.message.includes("published")) byField.newPassword = a.published;
          else if (field.message.includes("differ")) byField.newPassword = a.samePassword;
          else if (field.path.endsWith("newPassword")) byField.newPassword = field.message;
        }
        show(byField);
      },
    });
  };

  const input = (name: FieldName, autoComplete: string) => (
    <Input
      ref={refs[name]}
      type="password"
      name={name}
      autoComplete={autoComplete}
      value={values[name]}
      onChange={(_, data) => setValues((current) => ({ ...current, [name]: data.value }))}
      readOnly={change.isPending}
    />
  );
  const fieldFailure = change.error instanceof ApiError && change.error.fieldErrors.length > 0;

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-busy={change.isPending}>
      {change.isError && !fieldFailure ? <ErrorMessage error={change.error} /> : null}
      <Field
        label={a.currentPassword}
        hint={forced ? a.forcedCurrentHint : undefined}
        required
        validationMessage={errors.currentPassword}
      >
        {input("currentPassword", "current-password")}
      </Field>
      <Field label={a.newPassword} hint={a.newPasswordHint} required validationMessage={errors.newPassword}>
        {input("newPassword", "new-password")}
      </Field>
      <Field label={a.confirmPassword} required validationMessage={errors.confirmPassword}>
        {input("confirmPassword", "new-password")}
      </Field>
      <Button
        type="submit"
        appearance="primary"
        size="large"
        disabledFocusable={change.isPending}
        icon={change.isPending ? <Spinner size="tiny" appearance="inverted" /> : undefined}
      >
        {change.isPending ? a.saving : a.save}
      </Button>
    </form>
  );
}
