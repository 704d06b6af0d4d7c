import { type CreatedPersonalToken, createPersonalTokenSchema } from "@allot/contracts";
import type { Action } from "@allot/domain";
import { makeStyles, Radio, RadioGroup } from "@fluentui/react-components";
import { useState } from "react";
import { Controller } from "react-hook-form";
import { FormDialog } from "@/components/form-dialog";
import { useNotify } from "@/components/notify";
import { ShownOnce } from "@/components/shown-once";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { FormField, TextField } from "@/lib/forms/form-field";
import { useZodForm } from "@/lib/forms/zod-form";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useCreatePersonalToken } from "../api/personal-tokens";
import { useAccountTexts } from "../texts";
import { ScopeCheckboxes } from "./scope-checkboxes";

const useStyles = makeStyles({ surface: { maxWidth: "720px", width: "100%" } });

/** The lifetimes offered: 30 days unless the person chooses otherwise, 90 at most. */
export const TOKEN_EXPIRY_DAYS = [7, 30, 60, 90] as const;
type ExpiryDays = (typeof TOKEN_EXPIRY_DAYS)[number];
const DAY_MS = 86_400_000;

interface TokenDraft {
  name: string;
  scopes: Action[];
  expiresInDays: `${ExpiryDays}`;
}

const EMPTY: TokenDraft = { name: "", scopes: [], expiresInDays: "30" };

interface NewTokenDialogProps {
  homeTenantId: string;
  /** The rights the person holds that a token may carry. */
  offered: readonly Action[];
  open: boolean;
  onClose: () => void;
}

/** New token: a name, some of the person's rights and a lifetime, then the token's text, shown this once. */
export function NewTokenDialog(props: NewTokenDialogProps) {
  return <NewTokenDialogContent key={useOpenKey(props.open)} {...props} />;
}

function NewTokenDialogContent({ homeTenantId, offered, open, onClose }: NewTokenDialogProps) {
  const styles = useStyles();
  const { formatDate } = useI18n();
  const tx = useAccountTexts().newToken;
  const notify = useNotify();
  const create = useCreatePersonalToken(homeTenantId);
  const [created, setCreated] = useState<CreatedPersonalToken | null>(null);
  const form = useZodForm(createPersonalTokenSchema, {
    defaultValues: EMPTY,
    toInput: (draft: TokenDraft) => ({ ...draft, expiresInDays: Number(draft.expiresInDays) }),
  });
  const error = useApiErrorOnFields(form, create.error);
  const scopesError = form.formState.errors.scopes;
  const days = Number(form.watch("expiresInDays"));
  const submit = form.handleSubmit((body) =>
    create.mutate(body, {
      onSuccess: (token) => {
        setCreated(token);
        notify(tx.created(token.name));
      },
    }),
  );

  return (
    <FormDialog
      open={open}
      title={created ? tx.createdTitle : tx.title}
      confirmLabel={tx.submit}
      busyLabel={tx.submitting}
      busy={create.isPending}
      canConfirm={offered.length > 0}
      onConfirm={submit}
      onClose={onClose}
      error={error}
      className={styles.surface}
      done={
        created ? (
          <ShownOnce
            label={tx.value}
            value={created.token}
            copyLabel={tx.copy}
            warningTitle={tx.warningTitle}
            warning={tx.warning}
            hint={tx.expiresOn(formatDate(created.expiresAt))}
          />
        ) : undefined
      }
    >
      <TextField
        control={form.control}
        name="name"
        label={tx.name}
        hint={tx.nameHint}
        required
        input={{ autoFocus: true, maxLength: 120, autoComplete: "off" }}
      />
      <Controller
        control={form.control}
        name="scopes"
        render={({ field }) => (
          <ScopeCheckboxes
            offered={offered}
            value={field.value}
            onChange={field.onChange}
            disabled={create.isPending}
            // The API's own words when it refused a right; ours when none was chosen.
            error={scopesError ? (scopesError.type === "server" ? scopesError.message : tx.scopesRequired) : undefined}
          />
        )}
      />
      <FormField
        control={form.control}
        name="expiresInDays"
        label={tx.expires}
        hint={tx.expiresOn(formatDate(new Date(Date.now() + days * DAY_MS).toISOString()))}
      >
        {(field) => (
          <RadioGroup
            ref={field.ref}
            name={field.name}
            value={field.value}
            layout="horizontal"
            onChange={(_, data) => field.onChange(data.value)}
          >
            {TOKEN_EXPIRY_DAYS.map((days) => (
              <Radio key={days} value={`${days}`} label={tx.expiry[days]} />
            ))}
          </RadioGroup>
        )}
      </FormField>
    </FormDialog>
  );
}
