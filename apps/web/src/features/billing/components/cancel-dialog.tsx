import type { BillingResult, Subscription } from "@allot/contracts";
import { DISABLED_DAYS, EXPIRED_GRACE_DAYS } from "@allot/domain";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { ErrorMessage } from "@/components/error-message";
import { useIdempotencyKeys } from "@/lib/billing/idempotency-key";
import { useCancelSubscription } from "@/lib/billing/subscription-mutations";
import { useOpenKey } from "@/lib/hooks";
import { useBillingChangeTexts } from "../texts";
import { QuoteSummary, useQuoteView } from "./quote-summary";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface CancelDialogProps {
  open: boolean;
  tenantId: string;
  subscription: Subscription;
  onClose: () => void;
  onCancelled: (result: BillingResult) => void;
}

/**
 * Cancelling, with what it does to people before they confirm, as the quote says (the API decides with the domain's
 * rules): a cancellation that credits unused days, and any monthly one, disables the subscription at once (deleted
 * after 90 days); one with nothing to credit (a trial, the term's last day) first has 30 days of grace. Who loses
 * access is counted from the product's holders and its other subscriptions: nobody, when those have seats for all.
 * Shows the credit.
 */
export function CancelDialog(props: CancelDialogProps) {
  return <CancelDialogContent key={useOpenKey(props.open)} {...props} />;
}

function CancelDialogContent({ open, tenantId, subscription, onClose, onCancelled }: CancelDialogProps) {
  const styles = useStyles();
  const c = useBillingChangeTexts();
  const cancel = useCancelSubscription(tenantId, subscription.id);
  const keyFor = useIdempotencyKeys();
  const quote = useQuoteView(tenantId, open ? { kind: "cancellation", subscriptionId: subscription.id } : null);
  const resultingState = quote.quote?.resultingState;
  const credited = (quote.quote?.amountCents ?? 0) < 0;
  // Who loses access, as the API counts it: holders beyond the seats of the product's other subscriptions.
  const losing = quote.quote?.holdersLosingAccess;

  return (
    <ConfirmDialog
      open={open}
      title={c.cancel.title(subscription.productName)}
      confirmLabel={c.cancel.confirm}
      cancelLabel={c.cancel.keep}
      busyLabel={cancel.isPending ? c.cancel.cancelling : c.quote.loading}
      busy={cancel.isPending || (quote.loading && !quote.error)}
      onCancel={onClose}
      onConfirm={() => {
        cancel.mutate(keyFor({ cancel: subscription.id }), { onSuccess: onCancelled });
      }}
    >
      <div className={styles.body}>
        {resultingState === "disabled" ? (
          <Text>
            {credited ? `${c.cancel.creditEndsSeats} ` : ""}
            {c.cancel.disabledNow(subscription.seats, DISABLED_DAYS)}
          </Text>
        ) : resultingState === "expired" ? (
          <Text>{c.cancel.graceFirst(subscription.seats, EXPIRED_GRACE_DAYS, DISABLED_DAYS)}</Text>
        ) : null}
        {losing === undefined ? null : losing === 0 ? (
          <Text>{c.cancel.nobodyLoses}</Text>
        ) : (
          <Text weight="semibold">
            {resultingState === "expired" ? c.cancel.losesLater(losing, EXPIRED_GRACE_DAYS) : c.cancel.losesNow(losing)}
          </Text>
        )}
        {cancel.isError ? <ErrorMessage error={cancel.error} title={c.cancel.failed} /> : null}
        <QuoteSummary quote={quote.quote} loading={quote.loading} updating={quote.updating} error={quote.error} />
      </div>
    </ConfirmDialog>
  );
}
