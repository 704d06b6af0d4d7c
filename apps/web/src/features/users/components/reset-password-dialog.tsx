import { resetPasswordRequestSchema, type User } from "@allot/contracts";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, useId, useState } from "react";
import { CopyField } from "@/components/copy-field";
import { ErrorMessage } from "@/components/error-message";
import { ApiError } from "@/lib/api-client";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { type FieldErrors, fieldErrorsFromApi, fieldErrorsFromZod } from "@/lib/validation";
import { useResetPassword } from "../api/reset-password";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

interface ResetPasswordDialogProps {
  tenantId: string;
  user: User;
  open: boolean;
  onClose: () => void;
}

export function ResetPasswordDialog(props: ResetPasswordDialogProps) {
  return <ResetPasswordDialogContent key={useOpenKey(props.open)} {...props} />;
}

function ResetPasswordDialogContent({ tenantId, user, open, onClose }: ResetPasswordDialogProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const resetPassword = useResetPassword(tenantId);
  const [mode, setMode] = useState<"auto" | "own">("auto");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const formId = useId();
  const result = resetPassword.data;

  const close = () => {
    if (!resetPassword.isPending) onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = resetPasswordRequestSchema.safeParse(mode === "own" ? { password } : {});
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error, t));
      return;
    }
    setErrors({});
    resetPassword.mutate(
      { userId: user.id, password: parsed.data.password },
      {
        onError: (error) => {
          if (error instanceof ApiError && error.fieldErrors.length > 0)
            setErrors(fieldErrorsFromApi(error.fieldErrors));
        },
      },
    );
  };

  return (
    <Dialog open={open} onOpenChange={(_, data) => (data.open ? undefined : close())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{result ? t.users.reset.doneTitle : t.users.reset.title(user.displayName)}</DialogTitle>
          <DialogContent>
            {result ? (
              result.temporaryPassword ? (
                <CopyField
                  label={t.users.add.temporaryPassword}
                  value={result.temporaryPassword}
                  hint={t.users.add.temporaryPasswordHint}
                />
              ) : (
                <MessageBar intent="success">
                  <MessageBarBody>{t.users.reset.ownPasswordSet}</MessageBarBody>
                </MessageBar>
              )
            ) : (
              <form id={formId} className={styles.form} onSubmit={submit} noValidate>
                <p>{t.users.reset.description}</p>
                {resetPassword.isError ? <ErrorMessage error={resetPassword.error} /> : null}
                <RadioGroup value={mode} onChange={(_, data) => setMode(data.value === "own" ? "own" : "auto")}>
                  <Radio value="auto" label={t.users.add.autoPassword} />
                  <Radio value="own" label={t.users.add.ownPassword} />
                </RadioGroup>
                {mode === "own" ? (
                  <Field
                    label={t.users.add.passwordField}
                    required
                    hint={t.users.add.passwordHint}
                    validationMessage={errors.password}
                  >
                    <Input
                      type="password"
                      autoComplete="new-password"
                      value={password}
                      onChange={(_, data) => setPassword(data.value)}
                    />
                  </Field>
                ) : null}
              </form>
            )}
          </DialogContent>
          <DialogActions>
            {result ? (
              <Button appearance="primary" onClick={close}>
                {t.common.done}
              </Button>
            ) : (
              <>
                <Button onClick={close} disabled={resetPassword.isPending}>
                  {t.common.cancel}
                </Button>
                <Button
                  type="submit"
                  form={formId}
                  appearance="primary"
                  disabledFocusable={resetPassword.isPending}
                  icon={resetPassword.isPending ? <Spinner size="tiny" /> : undefined}
                >
                  {resetPassword.isPending ? t.users.reset.submitting : t.users.reset.submit}
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
