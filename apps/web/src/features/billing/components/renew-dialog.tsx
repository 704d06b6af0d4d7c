import type { BillingResult, Subscription } from "@allot/contracts";
import { Text } from "@fluentui/react-components";
import { ErrorMessage } from "@/components/error-message";
import { FormDialog } from "@/components/form-dialog";
import { useIdempotencyKeys } from "@/lib/billing/idempotency-key";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useRenewSubscription } from "../api/renew-subscription";
import { useBillingChangeTexts, useBillingTexts } from "../texts";
import { QuoteSummary, useQuoteView } from "./quote-summary";

export interface RenewDialogProps {
  open: boolean;
  tenantId: string;
  subscription: Subscription | null;
  onClose: () => void;
  onRenewed: (result: BillingResult) => void;
}

/** "Renew now" (an active subscription pays its next term now) or "Reactivate" (expired or disabled), with the price. */
export function RenewDialog(props: RenewDialogProps) {
  return <RenewDialogContent key={useOpenKey(props.open)} {...props} />;
}

function RenewDialogContent({ open, tenantId, subscription, onClose, onRenewed }: RenewDialogProps) {
  const { formatDate } = useI18n();
  const b = useBillingTexts();
  const c = useBillingChangeTexts();
  const renew = useRenewSubscription(tenantId);
  const keyFor = useIdempotencyKeys();
  const quote = useQuoteView(
    tenantId,
    open && subscription ? { kind: "renewal", subscriptionId: subscription.id } : null,
  );
  const reactivates = subscription !== null && subscription.state !== "active";
  const name = subscription?.productName ?? "";

  return (
    <FormDialog
      open={open && subscription !== null}
      title={reactivates ? c.renew.reactivateTitle(name) : c.renew.renewTitle(name)}
      confirmLabel={reactivates ? c.renew.reactivate : c.renew.renewNow}
      busyLabel={reactivates ? c.renew.reactivating : c.renew.renewing}
      busy={renew.isPending}
      canConfirm={quote.ready}
      onClose={onClose}
      onConfirm={() => {
        if (!subscription) return;
        renew.mutate(
          { subscriptionId: subscription.id, idempotencyKey: keyFor({ renew: subscription.id }) },
          { onSuccess: onRenewed },
        );
      }}
    >
      {subscription ? (
        <Text>
          {reactivates
            ? c.renew.reactivateBody(subscription.seats, b.term[subscription.billingTerm])
            : c.renew.renewBody(formatDate(subscription.termEndsAt), b.term[subscription.billingTerm])}
        </Text>
      ) : null}
      {renew.isError ? <ErrorMessage error={renew.error} title={c.renew.failed} /> : null}
      <QuoteSummary quote={quote.quote} loading={quote.loading} updating={quote.updating} error={quote.error} />
    </FormDialog>
  );
}
