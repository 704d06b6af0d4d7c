import type { Subscription } from "@allot/contracts";
import { Spinner, Text } from "@fluentui/react-components";
import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { ErrorMessage } from "@/components/error-message";
import { useNotify } from "@/components/notify";
import { newIdempotencyKey } from "@/lib/billing/idempotency-key";
import { useQuote } from "@/lib/billing/quote";
import { useCancelSubscription } from "@/lib/billing/subscription-mutations";
import { errorMessage } from "@/lib/errors";
import { useFormatMoney } from "@/lib/format-money";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { invalidateAfterSubscriptionChange } from "../api/invalidate";
import { useAccountTexts } from "../texts";

interface CancelSubscriptionDialogProps {
  tenantId: string;
  subscription: Subscription;
  open: boolean;
  onClose: () => void;
}

/** Cancel: what happens to the people with seats, and the credit for unused days, before confirming. */
export function CancelSubscriptionDialog(props: CancelSubscriptionDialogProps) {
  return <CancelSubscriptionDialogContent key={useOpenKey(props.open)} {...props} />;
}

function CancelSubscriptionDialogContent({ tenantId, subscription, open, onClose }: CancelSubscriptionDialogProps) {
  const { t } = useI18n();
  const tx = useAccountTexts();
  const money = useFormatMoney();
  const notify = useNotify();
  const cancel = useCancelSubscription(tenantId, subscription.id, invalidateAfterSubscriptionChange);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const quote = useQuote(tenantId, open ? { kind: "cancellation", subscriptionId: subscription.id } : null);
  const credit = quote.data ? -quote.data.amountCents : 0;

  return (
    <ConfirmDialog
      open={open}
      title={tx.cancelTitle(subscription.productName)}
      confirmLabel={tx.cancelConfirm}
      busyLabel={tx.cancelling}
      busy={cancel.isPending}
      onCancel={onClose}
      onConfirm={() =>
        cancel.mutate(idempotencyKey, {
          onSuccess: () => {
            notify(tx.cancelled(subscription.productName));
            onClose();
          },
        })
      }
    >
      {cancel.isError ? <ErrorMessage error={cancel.error} /> : null}
      <Text as="p">{tx.cancelBody}</Text>
      <div aria-live="polite">
        {quote.isPending ? (
          <Spinner size="tiny" labelPosition="after" label={tx.quoteLoading} />
        ) : quote.isError ? (
          <Text role="alert">{errorMessage(quote.error, t)}</Text>
        ) : credit > 0 ? (
          <Text weight="semibold">{tx.credit(money(credit, quote.data?.currency ?? subscription.currency))}</Text>
        ) : (
          <Text>{tx.noCharge}</Text>
        )}
      </div>
    </ConfirmDialog>
  );
}
