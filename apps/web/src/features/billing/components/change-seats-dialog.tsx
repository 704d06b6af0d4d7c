import {
  type BillingResult,
  changeSeatsRequestSchema,
  type Subscription,
  seatsInUseProblemSchema,
} from "@allot/contracts";
import { CONFLICT_RESOLVE_DAYS } from "@allot/domain";
import {
  Checkbox,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import { Controller } from "react-hook-form";
import { seatsFromText } from "@/components/billing/seats-field";
import { ErrorMessage } from "@/components/error-message";
import { FormDialog } from "@/components/form-dialog";
import { isApiError } from "@/lib/api-client";
import { useIdempotencyKeys } from "@/lib/billing/idempotency-key";
import { useChangeSeats } from "@/lib/billing/subscription-mutations";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { useZodForm } from "@/lib/forms/zod-form";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useBillingChangeTexts } from "../texts";
import { QuoteSummary, useQuoteView } from "./quote-summary";
import { SeatsFormField } from "./seats-form-field";

const useStyles = makeStyles({
  seats: { maxWidth: "220px" },
  holders: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    maxHeight: "160px",
    overflowY: "auto",
  },
  muted: { color: tokens.colorNeutralForeground2 },
  // Room for a one-line price, so the buttons stay where they are when it arrives.
  quote: { minHeight: "196px" },
});

export interface ChangeSeatsDialogProps {
  open: boolean;
  tenantId: string;
  subscription: Subscription;
  onClose: () => void;
  onChanged: (result: BillingResult) => void;
}

/**
 * "Add or remove seats": the new total, its prorated price (or credit) before confirming; below what is assigned the
 * API names who holds the seats, and the admin may go on only by accepting a license conflict.
 */
export function ChangeSeatsDialog(props: ChangeSeatsDialogProps) {
  return <ChangeSeatsDialogContent key={useOpenKey(props.open)} {...props} />;
}

function ChangeSeatsDialogContent({ open, tenantId, subscription, onClose, onChanged }: ChangeSeatsDialogProps) {
  const styles = useStyles();
  const { t, formatNumber } = useI18n();
  const c = useBillingChangeTexts();
  const change = useChangeSeats(tenantId, subscription.id);
  const keyFor = useIdempotencyKeys();
  const holdersId = useId();

  // The API refused the removal: the seats are assigned. Its problem names (some of) the people holding them.
  const seatsInUse = isApiError(change.error, "SeatsInUse")
    ? seatsInUseProblemSchema.safeParse(change.error.problem)
    : null;
  const holders = seatsInUse?.success ? seatsInUse.data : null;
  const conflictStep = seatsInUse !== null;

  const form = useZodForm(changeSeatsRequestSchema, {
    defaultValues: { seats: String(subscription.seats), acceptConflict: false },
    // The conflict is accepted only once the API has named it.
    toInput: (draft: { seats: string; acceptConflict: boolean }) => ({
      seats: seatsFromText(draft.seats),
      acceptConflict: conflictStep && draft.acceptConflict,
    }),
  });
  const error = useApiErrorOnFields(form, conflictStep ? null : change.error);
  const acceptConflict = form.watch("acceptConflict");
  // The price follows the seats as they are typed, and the field says what is wrong with them as they are typed.
  const parsed = changeSeatsRequestSchema.safeParse({ seats: seatsFromText(form.watch("seats")) });
  const seats = parsed.success ? parsed.data.seats : null;
  const unchanged = seats === subscription.seats;
  const quote = useQuoteView(
    tenantId,
    open && seats !== null && !unchanged ? { kind: "seatChange", subscriptionId: subscription.id, seats } : null,
  );
  const delta = seats === null ? 0 : seats - subscription.seats;

  const confirmLabel =
    delta > 0
      ? c.seats.add(delta)
      : delta < 0
        ? conflictStep
          ? c.seats.removeAnyway(-delta)
          : c.seats.remove(-delta)
        : c.seats.confirm;

  return (
    <FormDialog
      open={open}
      title={c.seats.title(subscription.productName)}
      confirmLabel={confirmLabel}
      busyLabel={c.seats.saving}
      busy={change.isPending}
      canConfirm={seats !== null && !unchanged && quote.ready && (!conflictStep || acceptConflict)}
      onClose={onClose}
      onConfirm={form.handleSubmit((body) =>
        change.mutate({ request: body, idempotencyKey: keyFor(body) }, { onSuccess: onChanged }),
      )}
    >
      <Text className={styles.muted}>{c.seats.current(subscription.seats, formatNumber(subscription.seats))}</Text>
      <SeatsFormField
        control={form.control}
        name="seats"
        className={styles.seats}
        label={c.seats.newTotal}
        invalid={!parsed.success}
        onTyped={() => {
          // Another number: the refusal (and its holders) was about the old one.
          if (change.isError) change.reset();
          form.setValue("acceptConflict", false);
        }}
        hint={delta > 0 ? c.seats.addingHint(delta) : delta < 0 ? c.seats.removingHint(-delta) : c.seats.sameHint}
      />
      {quote.quote && quote.quote.shortfall > 0 && !conflictStep ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{c.seats.shortfallWarning(quote.quote.shortfall)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {conflictStep ? (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{c.seats.inUseTitle}</MessageBarTitle>
            {holders ? c.seats.inUseBody(holders.holderCount, holders.shortfall) : t.errors.SeatsInUse}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {holders && holders.holders.length > 0 ? (
        <section aria-labelledby={holdersId}>
          <Text as="h3" id={holdersId} weight="semibold" size={300}>
            {c.seats.holdersHeading(holders.holderCount)}
          </Text>
          <ul className={styles.holders}>
            {holders.holders.map((holder) => (
              <li key={holder.id}>
                {holder.displayName} <span className={styles.muted}>({holder.email})</span>
              </li>
            ))}
          </ul>
          {holders.holderCount > holders.holders.length ? (
            <Text size={200} className={styles.muted}>
              {c.seats.holdersMore(holders.holderCount - holders.holders.length)}
            </Text>
          ) : null}
        </section>
      ) : null}
      {conflictStep ? (
        <Controller
          control={form.control}
          name="acceptConflict"
          render={({ field }) => (
            <Checkbox
              ref={field.ref}
              checked={field.value}
              onChange={(_, data) => field.onChange(data.checked === true)}
              label={c.seats.acceptConflict(CONFLICT_RESOLVE_DAYS)}
            />
          )}
        />
      ) : null}
      {error ? <ErrorMessage error={error} title={c.seats.failed} /> : null}
      <div className={styles.quote}>
        <QuoteSummary
          quote={unchanged ? undefined : quote.quote}
          loading={!unchanged && quote.loading}
          updating={!unchanged && quote.updating}
          error={unchanged ? null : quote.error}
        />
      </div>
    </FormDialog>
  );
}
