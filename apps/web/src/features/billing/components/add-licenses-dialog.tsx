import { type BillingResult, changeSeatsRequestSchema, type Subscription } from "@allot/contracts";
import { Field, makeStyles, Radio, RadioGroup, Text, tokens } from "@fluentui/react-components";
import { seatsFromText, validSeats } from "@/components/billing/seats-field";
import { ErrorMessage } from "@/components/error-message";
import { FormDialog } from "@/components/form-dialog";
import { useIdempotencyKeys } from "@/lib/billing/idempotency-key";
import { useChangeSeats } from "@/lib/billing/subscription-mutations";
import { useZodForm } from "@/lib/forms/zod-form";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useBillingChangeTexts, useBillingTexts } from "../texts";
import { QuoteSummary, useQuoteView } from "./quote-summary";
import { SeatsFormField } from "./seats-form-field";
import { termText } from "./subscription-status";

const useStyles = makeStyles({
  seats: { maxWidth: "220px" },
  muted: { color: tokens.colorNeutralForeground2 },
  // Room for a one-line price, so the buttons stay where they are when it arrives.
  quote: { minHeight: "196px" },
});

export interface AddLicensesDialogProps {
  open: boolean;
  tenantId: string;
  /** The subscriptions of one product licenses can be added to (at least one); with several, the admin chooses. */
  subscriptions: readonly Subscription[];
  /** How many licenses are needed (a conflict's shortfall, 1 for "Buy more"). */
  initialCount?: number | undefined;
  onClose: () => void;
  onChanged: (result: BillingResult) => void;
}

/**
 * "Add licenses": more seats on a subscription the tenant already has, billed prorated for the rest of its term, so
 * they renew with it (Microsoft's "Buy licenses" on a product), instead of a second subscription of the product.
 */
export function AddLicensesDialog(props: AddLicensesDialogProps) {
  return <AddLicensesDialogContent key={useOpenKey(props.open)} {...props} />;
}

function AddLicensesDialogContent({
  open,
  tenantId,
  subscriptions,
  initialCount,
  onClose,
  onChanged,
}: AddLicensesDialogProps) {
  const styles = useStyles();
  const { formatNumber, formatDate } = useI18n();
  const b = useBillingTexts();
  const c = useBillingChangeTexts();
  const keyFor = useIdempotencyKeys();
  const only = subscriptions.length === 1 ? subscriptions[0] : undefined;
  const chosen = (id: string) => subscriptions.find((candidate) => candidate.id === id) ?? null;
  const form = useZodForm(changeSeatsRequestSchema, {
    defaultValues: {
      subscriptionId: only?.id ?? "",
      count: String(initialCount && initialCount > 0 ? initialCount : 1),
    },
    // The request is the subscription's new total.
    toInput: (draft: { subscriptionId: string; count: string }) => ({
      seats: (chosen(draft.subscriptionId)?.seats ?? Number.NaN) + seatsFromText(draft.count),
    }),
  });
  const chosenId = form.watch("subscriptionId");
  const subscription = chosen(chosenId);
  const change = useChangeSeats(tenantId, chosenId);

  // The price follows the count as it is typed, and the field says what is wrong with it as it is typed.
  const count = seatsFromText(form.watch("count"));
  const countValid = validSeats(count);
  const parsed =
    subscription && countValid ? changeSeatsRequestSchema.safeParse({ seats: subscription.seats + count }) : null;
  const seats = parsed?.success ? parsed.data.seats : null;
  const quote = useQuoteView(
    tenantId,
    open && subscription && seats !== null ? { kind: "seatChange", subscriptionId: subscription.id, seats } : null,
  );
  const productName = subscriptions[0]?.productName ?? "";

  return (
    <FormDialog
      open={open}
      title={c.addLicenses.title(productName)}
      confirmLabel={c.addLicenses.confirm(countValid ? count : 1)}
      busyLabel={c.addLicenses.adding}
      busy={change.isPending}
      canConfirm={seats !== null && quote.ready}
      onClose={onClose}
      onConfirm={form.handleSubmit((body) =>
        change.mutate({ request: body, idempotencyKey: keyFor(body) }, { onSuccess: onChanged }),
      )}
    >
      {only ? null : (
        <Field label={c.addLicenses.subscription} hint={c.addLicenses.subscriptionHint(subscriptions.length)} required>
          <RadioGroup
            value={chosenId}
            onChange={(_, data) => {
              form.setValue("subscriptionId", data.value);
              if (change.isError) change.reset();
            }}
          >
            {subscriptions.map((candidate) => (
              <Radio
                key={candidate.id}
                value={candidate.id}
                label={c.addLicenses.option(
                  termText(candidate, b),
                  candidate.seats,
                  formatNumber(candidate.seats),
                  formatDate(candidate.termEndsAt),
                )}
              />
            ))}
          </RadioGroup>
        </Field>
      )}
      {subscription ? (
        <Text className={styles.muted}>
          {c.addLicenses.summary(
            subscription.seats,
            formatNumber(subscription.seats),
            countValid ? formatNumber(subscription.seats + count) : "…",
          )}
        </Text>
      ) : null}
      <SeatsFormField
        control={form.control}
        name="count"
        className={styles.seats}
        label={c.addLicenses.count}
        invalid={!countValid || parsed?.success === false}
        onTyped={() => {
          if (change.isError) change.reset();
        }}
        hint={subscription ? c.addLicenses.billedHint(formatDate(subscription.termEndsAt)) : undefined}
      />
      {/* The API speaks of the new total, which is no field here (the count is what is added): all on the banner. */}
      {change.isError ? <ErrorMessage error={change.error} title={c.addLicenses.failed} /> : null}
      <div className={styles.quote}>
        <QuoteSummary
          quote={quote.quote}
          loading={quote.loading}
          updating={quote.updating}
          error={quote.error}
          hint={subscription ? undefined : c.addLicenses.chooseFirst}
        />
      </div>
    </FormDialog>
  );
}
