import { type CreatedSecret, createSecretSchema, DEFAULT_SECRET_DAYS } from "@allot/contracts";
import { Radio, RadioGroup } from "@fluentui/react-components";
import { useState } from "react";
import { FormDialog } from "@/components/form-dialog";
import { useNotify } from "@/components/notify";
import { ShownOnce } from "@/components/shown-once";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { FormField, TextField } from "@/lib/forms/form-field";
import { useZodForm } from "@/lib/forms/zod-form";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useCreateSecret } from "../api/applications";
import { useSettingsTexts } from "../texts";

/** The lifetimes offered, as Entra offers them: 180 days recommended, two years at most. */
export const SECRET_EXPIRY_DAYS = [90, 180, 365, 730] as const;
type ExpiryDays = (typeof SECRET_EXPIRY_DAYS)[number];

interface SecretDraft {
  displayName: string;
  expiresInDays: `${ExpiryDays}`;
}

const DAY_MS = 86_400_000;

interface NewSecretDialogProps {
  tenantId: string;
  applicationId: string;
  open: boolean;
  onClose: () => void;
}

/** New client secret: a description and a lifetime, then the secret's text, shown this once. */
export function NewSecretDialog(props: NewSecretDialogProps) {
  return <NewSecretDialogContent key={useOpenKey(props.open)} {...props} />;
}

function NewSecretDialogContent({ tenantId, applicationId, open, onClose }: NewSecretDialogProps) {
  const { formatDate } = useI18n();
  const s = useSettingsTexts().apps.newSecret;
  const notify = useNotify();
  const create = useCreateSecret(tenantId, applicationId);
  const [created, setCreated] = useState<CreatedSecret | null>(null);
  const form = useZodForm(createSecretSchema, {
    defaultValues: { displayName: "", expiresInDays: `${DEFAULT_SECRET_DAYS as ExpiryDays}` } satisfies SecretDraft,
    toInput: ({ displayName, expiresInDays }: SecretDraft) => ({
      ...(displayName.trim() ? { displayName } : {}),
      expiresInDays: Number(expiresInDays),
    }),
  });
  const error = useApiErrorOnFields(form, create.error);
  const days = Number(form.watch("expiresInDays"));
  const submit = form.handleSubmit((body) =>
    create.mutate(body, {
      onSuccess: (secret) => {
        setCreated(secret);
        notify(s.added);
      },
    }),
  );

  return (
    <FormDialog
      open={open}
      title={created ? s.createdTitle : s.title}
      confirmLabel={s.submit}
      busyLabel={s.submitting}
      busy={create.isPending}
      onConfirm={submit}
      onClose={onClose}
      error={error}
      done={
        created ? (
          <ShownOnce
            label={s.value}
            value={created.secretText}
            copyLabel={s.copy}
            warningTitle={s.warningTitle}
            warning={s.warning}
            hint={s.expiresOn(formatDate(created.expiresAt))}
          />
        ) : undefined
      }
    >
      <TextField
        control={form.control}
        name="displayName"
        label={s.description}
        hint={s.descriptionHint}
        input={{ autoFocus: true, maxLength: 120, autoComplete: "off" }}
      />
      <FormField
        control={form.control}
        name="expiresInDays"
        label={s.expires}
        hint={s.expiresOn(formatDate(new Date(Date.now() + days * DAY_MS).toISOString()))}
      >
        {(field) => (
          <RadioGroup
            ref={field.ref}
            name={field.name}
            value={field.value}
            onChange={(_, data) => field.onChange(data.value)}
          >
            {SECRET_EXPIRY_DAYS.map((option) => (
              <Radio key={option} value={`${option}`} label={s.expiry[option]} />
            ))}
          </RadioGroup>
        )}
      </FormField>
    </FormDialog>
  );
}
