import { type User, updateUserRequestSchema } from "@allot/contracts";
import { Button, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { Control } from "react-hook-form";
import { CountrySelect } from "@/components/country-select";
import { ErrorMessage } from "@/components/error-message";
import { useNotify } from "@/components/notify";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { FormField, TextField } from "@/lib/forms/form-field";
import { useZodForm } from "@/lib/forms/zod-form";
import { useI18n } from "@/lib/i18n";
import { useUpdateUser } from "../api/update-user";
import { type DirectoryDraft, directoryChanges, directoryDraftOf } from "../lib/directory-draft";
import { useUsersTexts } from "../texts";
import { CheckboxField } from "./checkbox-field";
import { ContactFields } from "./contact-fields";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

interface ProfileDraft extends DirectoryDraft {
  displayName: string;
  usageLocation: string | null;
  blockSignIn: boolean;
}

/** Only what differs from the user as loaded: the update request names the fields that change. */
function changesTo(user: User, { displayName, usageLocation, blockSignIn, ...contact }: ProfileDraft) {
  return {
    ...(displayName !== user.displayName ? { displayName } : {}),
    ...(usageLocation !== user.usageLocation ? { usageLocation } : {}),
    ...(blockSignIn === user.accountEnabled ? { accountEnabled: !blockSignIn } : {}),
    ...directoryChanges(user, contact),
  };
}

/** Edits name, usage location, sign-in and contact information; sends only what changed. */
export function EditUserForm({ tenantId, user, onDone }: { tenantId: string; user: User; onDone: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const u = useUsersTexts();
  const notify = useNotify();
  const updateUser = useUpdateUser(tenantId);
  const form = useZodForm(updateUserRequestSchema, {
    defaultValues: {
      displayName: user.displayName,
      usageLocation: user.usageLocation,
      blockSignIn: !user.accountEnabled,
      ...directoryDraftOf(user),
    } satisfies ProfileDraft,
    toInput: (draft: ProfileDraft) => changesTo(user, draft),
  });
  const error = useApiErrorOnFields(form, updateUser.error);
  // Nothing changed: the request would name no field.
  const formProblem = form.formState.errors.root?.message;
  const countryId = useId();

  const submit = form.handleSubmit((body) =>
    updateUser.mutate(
      { userId: user.id, body },
      {
        onSuccess: (updated) => {
          notify(u.details.updated(updated.displayName));
          onDone();
        },
      },
    ),
  );

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={u.edit.title}>
      {error ? <ErrorMessage error={error} /> : null}
      {formProblem ? (
        <Text role="alert" className={styles.hint}>
          {formProblem}
        </Text>
      ) : null}
      <TextField
        control={form.control}
        name="displayName"
        label={u.edit.displayName}
        required
        input={{ autoFocus: true }}
      />
      <FormField
        control={form.control}
        name="usageLocation"
        label={{ children: u.edit.usageLocation, htmlFor: countryId }}
        hint={u.add.usageLocationHint}
      >
        {(field) => <CountrySelect id={countryId} value={field.value} onChange={field.onChange} />}
      </FormField>
      <CheckboxField
        control={form.control}
        name="blockSignIn"
        label={u.edit.blockSignIn}
        hint={u.edit.blockSignInHint}
      />
      <ContactFields control={form.control as unknown as Control<DirectoryDraft, unknown, unknown>} />
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          disabledFocusable={updateUser.isPending}
          icon={updateUser.isPending ? <Spinner size="tiny" /> : undefined}
        >
          {updateUser.isPending ? t.common.saving : t.common.save}
        </Button>
        <Button onClick={onDone} disabled={updateUser.isPending}>
          {t.common.cancel}
        </Button>
      </div>
    </form>
  );
}
