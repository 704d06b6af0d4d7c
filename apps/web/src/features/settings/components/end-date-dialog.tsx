import { type PartnerRelationship, updatePartnerRelationshipRequestSchema } from "@allot/contracts";
import { Button, Input, makeStyles, Text } from "@fluentui/react-components";
import { CalendarRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { FormDialog } from "@/components/form-dialog";
import { useNotify } from "@/components/notify";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { FormField } from "@/lib/forms/form-field";
import { useZodForm } from "@/lib/forms/zod-form";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { dayPattern, formatDay, parseDay } from "@/lib/i18n/locale";
import { useUpdatePartnerRelationship } from "../api/partner-relationships";
import { useSettingsTexts } from "../texts";

const useStyles = makeStyles({ clear: { alignSelf: "flex-start" } });

interface Draft {
  /** The day as typed, in the language's own way (31/01/2026, 31-01-2026). */
  endsAt: string;
}

/**
 * The instant a typed day stands for: the start of that day in UTC, so "ends on 31 March" means no access on
 * 31 March. The start, not the end, because the admin center is read in Europe (UTC and ahead of it): there the
 * instant still falls on the day typed, so the list shows back the same date (the end of the day in UTC would show
 * as the next day). Text that is no day stays undefined, which the schema refuses.
 */
export function endOfAccess(text: string): string | undefined {
  const day = parseDay(text);
  return day ? `${day}T00:00:00Z` : undefined;
}

interface EndDateDialogProps {
  tenantId: string;
  /** The relationship whose end date is set; null while closed. */
  relationship: PartnerRelationship | null;
  onClose: () => void;
}

/** Set end date: one day, typed as the language writes it, after which the partner's access ends by itself. */
export function EndDateDialog(props: EndDateDialogProps) {
  return <EndDateDialogContent key={useOpenKey(props.relationship !== null)} {...props} />;
}

function EndDateDialogContent({ tenantId, relationship, onClose }: EndDateDialogProps) {
  const styles = useStyles();
  const { t, language, formatDate } = useI18n();
  const s = useSettingsTexts().partners;
  const tx = s.endDateDialog;
  const notify = useNotify();
  const [shown] = useState(relationship);
  const update = useUpdatePartnerRelationship(tenantId, shown?.id ?? "");
  const current = shown?.endsAt ?? null;
  const form = useZodForm(updatePartnerRelationshipRequestSchema, {
    defaultValues: { endsAt: current ? formatDay(current.slice(0, 10), language) : "" } satisfies Draft,
    toInput: (values: Draft) => ({ endsAt: endOfAccess(values.endsAt) }),
  });
  const error = useApiErrorOnFields(form, update.error);
  if (!shown) return null;
  const partner = shown.partner.name;
  const pattern = dayPattern(language);
  const problem = form.formState.errors.endsAt;
  const clearing = update.isPending && update.variables?.endsAt === null;

  const save = form.handleSubmit(({ endsAt }) => {
    if (!endsAt) return;
    // Said here in the language shown; the API, on its own clock, refuses a past day too (its words land below).
    if (endsAt.getTime() <= Date.now()) {
      form.setError("endsAt", { type: "past", message: tx.notInFuture }, { shouldFocus: true });
      return;
    }
    const iso = endsAt.toISOString();
    update.mutate(
      { endsAt: iso },
      {
        onSuccess: () => {
          notify(tx.saved(partner, formatDate(iso)));
          onClose();
        },
      },
    );
  });
  const clear = () =>
    update.mutate(
      { endsAt: null },
      {
        onSuccess: () => {
          notify(tx.cleared(partner));
          onClose();
        },
      },
    );

  return (
    <FormDialog
      open={relationship !== null}
      title={tx.title(partner)}
      confirmLabel={t.common.save}
      busyLabel={clearing ? tx.clearing : t.common.saving}
      busy={update.isPending}
      onConfirm={save}
      onClose={onClose}
      error={error}
    >
      <Text as="p">{current ? tx.current(formatDate(current)) : tx.noCurrent}</Text>
      <FormField
        control={form.control}
        name="endsAt"
        label={tx.field}
        hint={tx.hint(pattern)}
        required
        message={problem?.type === "past" ? tx.notInFuture : tx.invalid(pattern)}
      >
        {(field) => (
          <Input
            ref={field.ref}
            name={field.name}
            value={field.value}
            onBlur={field.onBlur}
            onChange={(_, data) => field.onChange(data.value)}
            placeholder={pattern}
            contentAfter={<CalendarRegular aria-hidden />}
            inputMode="numeric"
            autoComplete="off"
          />
        )}
      </FormField>
      {current ? (
        <Button className={styles.clear} disabled={update.isPending} onClick={clear}>
          {tx.clear}
        </Button>
      ) : null}
    </FormDialog>
  );
}
