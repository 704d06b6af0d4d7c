import { changePasswordRequestSchema, type FieldError, type Me } from "@allot/contracts";
import { Button, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { ErrorMessage } from "@/components/error-message";
import { ApiError } from "@/lib/api-client";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { TextField } from "@/lib/forms/form-field";
import { useZodForm } from "@/lib/forms/zod-form";
import { useChangePassword } from "../api/change-password";
import { useAuthTexts } from "../texts";
import type { AuthTexts } from "../texts/en";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

interface PasswordsDraft {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** A refusal of one field, in the page's words: the API words them in English for whoever reads the log. */
function wording(field: FieldError, a: AuthTexts): string {
  if (field.path.endsWith("currentPassword")) return a.wrongCurrent;
  if (field.message.includes("published")) return a.published;
  if (field.message.includes("differ")) return a.samePassword;
  return field.message;
}

/** The API's error with its field refusals reworded, so they can go beside their fields as they are. */
function reworded(error: unknown, a: AuthTexts): unknown {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return error;
  return new ApiError({
    ...error,
    fieldErrors: error.fieldErrors.map((field) => ({ ...field, message: wording(field, a) })),
  });
}

/** Current password, new password twice; the API's refusals land beside the field they are about. */
export function ChangePasswordForm({ forced, onChanged }: { forced: boolean; onChanged: (me: Me) => void }) {
  const styles = useStyles();
  const a = useAuthTexts();
  const change = useChangePassword();
  const form = useZodForm(changePasswordRequestSchema, {
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" } satisfies PasswordsDraft,
    // The confirmation is the form's own check, not part of the request.
    toInput: ({ currentPassword, newPassword }: PasswordsDraft) => ({ currentPassword, newPassword }),
  });
  const apiError = useMemo(() => reworded(change.error, a), [change.error, a]);
  const failure = useApiErrorOnFields(form, apiError);

  /** Says so beside the confirmation when the two new passwords differ; true when they do. */
  const confirmationDiffers = () => {
    const { newPassword, confirmPassword } = form.getValues();
    if (confirmPassword === newPassword) return false;
    form.setError("confirmPassword", { type: "mismatch", message: a.mismatch });
    return true;
  };

  const submit = form.handleSubmit(
    (request) => {
      if (confirmationDiffers()) form.setFocus("confirmPassword");
      else change.mutate(request, { onSuccess: onChanged });
    },
    // The schema's problems are shown (and the first focused); a differing confirmation is shown with them.
    () => void confirmationDiffers(),
  );

  const input = (autoComplete: string) => ({ type: "password" as const, autoComplete, readOnly: change.isPending });

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-busy={change.isPending}>
      {failure ? <ErrorMessage error={failure} /> : null}
      <TextField
        control={form.control}
        name="currentPassword"
        label={a.currentPassword}
        hint={forced ? a.forcedCurrentHint : undefined}
        required
        input={input("current-password")}
      />
      <TextField
        control={form.control}
        name="newPassword"
        label={a.newPassword}
        hint={a.newPasswordHint}
        required
        input={input("new-password")}
      />
      <TextField
        control={form.control}
        name="confirmPassword"
        label={a.confirmPassword}
        required
        input={input("new-password")}
      />
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
