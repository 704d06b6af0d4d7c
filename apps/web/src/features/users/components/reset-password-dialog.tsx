import { resetPasswordRequestSchema, type User } from "@allot/contracts";
import { Checkbox, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useState } from "react";
import { CopyField } from "@/components/copy-field";
import { ErrorMessage } from "@/components/error-message";
import { FormDialog } from "@/components/form-dialog";
import { ApiError } from "@/lib/api-client";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { type FieldErrors, fieldErrorsFromApi, fieldErrorsFromZod } from "@/lib/validation";
import { useResetPassword } from "../api/reset-password";
import { useUsersTexts } from "../texts";
import { PasswordChoice, type PasswordMode } from "./password-choice";

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
  const { t } = useI18n();
  const u = useUsersTexts();
  const resetPassword = useResetPassword(tenantId);
  const [mode, setMode] = useState<PasswordMode>("auto");
  const [password, setPassword] = useState("");
  // On by default, as in Microsoft 365: whoever reads the new password along the way cannot keep using it.
  const [requireChange, setRequireChange] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const result = resetPassword.data;

  const submit = () => {
    const parsed = resetPasswordRequestSchema.safeParse({
      ...(mode === "own" ? { password } : {}),
      forceChangePasswordNextSignIn: requireChange,
    });
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error, t));
      return;
    }
    setErrors({});
    resetPassword.mutate(
      { userId: user.id, ...parsed.data },
      {
        onError: (error) => {
          if (error instanceof ApiError && error.fieldErrors.length > 0)
            setErrors(fieldErrorsFromApi(error.fieldErrors));
        },
      },
    );
  };

  return (
    <FormDialog
      open={open}
      title={result ? u.reset.doneTitle : u.reset.title(user.displayName)}
      confirmLabel={u.reset.submit}
      busyLabel={u.reset.submitting}
      busy={resetPassword.isPending}
      canConfirm
      onConfirm={submit}
      onClose={onClose}
      done={
        result ? (
          result.temporaryPassword ? (
            <CopyField
              label={u.add.temporaryPassword}
              value={result.temporaryPassword}
              hint={u.add.temporaryPasswordHint}
            />
          ) : (
            <MessageBar intent="success">
              <MessageBarBody>{u.reset.ownPasswordSet}</MessageBarBody>
            </MessageBar>
          )
        ) : undefined
      }
    >
      <p>{u.reset.description}</p>
      {resetPassword.isError ? <ErrorMessage error={resetPassword.error} /> : null}
      <PasswordChoice
        mode={mode}
        onModeChange={setMode}
        password={password}
        onPasswordChange={setPassword}
        error={errors.password}
      />
      <Checkbox
        checked={requireChange}
        onChange={(_, data) => setRequireChange(data.checked === true)}
        label={u.reset.requireChange}
      />
    </FormDialog>
  );
}
