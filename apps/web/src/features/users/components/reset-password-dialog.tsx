import { resetPasswordRequestSchema, type User } from "@allot/contracts";
import { ErrorMessage } from "@/components/error-message";
import { FormDialog } from "@/components/form-dialog";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { useZodForm } from "@/lib/forms/zod-form";
import { useOpenKey } from "@/lib/hooks";
import { useResetPassword } from "../api/reset-password";
import { useUsersTexts } from "../texts";
import { CheckboxField } from "./checkbox-field";
import { PasswordChoice, type PasswordFields } from "./password-choice";
import { PasswordResult } from "./password-result";

interface ResetPasswordDialogProps {
  tenantId: string;
  user: User;
  open: boolean;
  onClose: () => void;
}

interface ResetDraft extends PasswordFields {
  requireChange: boolean;
}

export function ResetPasswordDialog(props: ResetPasswordDialogProps) {
  return <ResetPasswordDialogContent key={useOpenKey(props.open)} {...props} />;
}

function ResetPasswordDialogContent({ tenantId, user, open, onClose }: ResetPasswordDialogProps) {
  const u = useUsersTexts();
  const resetPassword = useResetPassword(tenantId);
  const form = useZodForm(resetPasswordRequestSchema, {
    // Require a change on by default, as in Microsoft 365: whoever reads the new password along the way cannot keep
    // using it.
    defaultValues: { passwordMode: "auto", password: "", requireChange: true } satisfies ResetDraft,
    // A typed password is sent only when the admin chose to type one.
    toInput: ({ passwordMode, password, requireChange }: ResetDraft) => ({
      ...(passwordMode === "own" ? { password } : {}),
      forceChangePasswordNextSignIn: requireChange,
    }),
  });
  const error = useApiErrorOnFields(form, resetPassword.error);
  const result = resetPassword.data;

  const submit = form.handleSubmit((request) => resetPassword.mutate({ userId: user.id, ...request }));

  return (
    <FormDialog
      open={open}
      title={result ? u.reset.doneTitle : u.reset.title(user.displayName)}
      confirmLabel={u.reset.submit}
      busyLabel={u.reset.submitting}
      busy={resetPassword.isPending}
      onConfirm={submit}
      onClose={onClose}
      done={
        result ? (
          <PasswordResult
            temporaryPassword={result.temporaryPassword}
            ownPasswordNote={u.reset.ownPasswordSet}
            intent="success"
          />
        ) : undefined
      }
    >
      <p>{u.reset.description}</p>
      {error ? <ErrorMessage error={error} /> : null}
      <PasswordChoice control={form.control} />
      <CheckboxField control={form.control} name="requireChange" label={u.reset.requireChange} />
    </FormDialog>
  );
}
