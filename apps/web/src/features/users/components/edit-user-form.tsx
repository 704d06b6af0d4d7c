import { type User, updateUserRequestSchema } from "@allot/contracts";
import { Button, Checkbox, Field, Input, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { type FormEvent, useId, useState } from "react";
import { CountrySelect } from "@/components/country-select";
import { ErrorMessage } from "@/components/error-message";
import { useNotify } from "@/components/notify";
import { ApiError } from "@/lib/api-client";
import { useI18n } from "@/lib/i18n";
import { type FieldErrors, fieldErrorsFromApi, fieldErrorsFromZod } from "@/lib/validation";
import { useUpdateUser } from "../api/update-user";
import { useUsersTexts } from "../texts";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** Edits name, usage location and sign-in; sends only what changed. */
export function EditUserForm({ tenantId, user, onDone }: { tenantId: string; user: User; onDone: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const u = useUsersTexts();
  const notify = useNotify();
  const updateUser = useUpdateUser(tenantId);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [usageLocation, setUsageLocation] = useState<string | null>(user.usageLocation);
  const [blockSignIn, setBlockSignIn] = useState(!user.accountEnabled);
  const [errors, setErrors] = useState<FieldErrors>({});
  const countryId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const changes: Record<string, unknown> = {};
    if (displayName !== user.displayName) changes.displayName = displayName;
    if (usageLocation !== user.usageLocation) changes.usageLocation = usageLocation;
    if (blockSignIn === user.accountEnabled) changes.accountEnabled = !blockSignIn;
    const parsed = updateUserRequestSchema.safeParse(changes);
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error, t));
      return;
    }
    setErrors({});
    updateUser.mutate(
      { userId: user.id, body: parsed.data },
      {
        onSuccess: (updated) => {
          notify(u.details.updated(updated.displayName));
          onDone();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fieldErrors.length > 0)
            setErrors(fieldErrorsFromApi(error.fieldErrors));
        },
      },
    );
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={u.edit.title}>
      {updateUser.isError ? <ErrorMessage error={updateUser.error} /> : null}
      {errors[""] ? (
        <Text role="alert" className={styles.hint}>
          {errors[""]}
        </Text>
      ) : null}
      <Field label={u.edit.displayName} required validationMessage={errors.displayName}>
        <Input value={displayName} onChange={(_, data) => setDisplayName(data.value)} autoFocus />
      </Field>
      <Field
        label={{ children: u.edit.usageLocation, htmlFor: countryId }}
        hint={u.add.usageLocationHint}
        validationMessage={errors.usageLocation}
      >
        <CountrySelect id={countryId} value={usageLocation} onChange={setUsageLocation} />
      </Field>
      <Field hint={u.edit.blockSignInHint}>
        <Checkbox
          label={u.edit.blockSignIn}
          checked={blockSignIn}
          onChange={(_, data) => setBlockSignIn(data.checked === true)}
        />
      </Field>
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
