import { DEFAULT_TRIAL_DAYS, type PricingProduct, TRIAL_SEATS } from "@allot/contracts";
import { Text } from "@fluentui/react-components";
import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { ErrorMessage } from "@/components/error-message";
import { useNotify } from "@/components/notify";
import { newIdempotencyKey } from "@/lib/billing/idempotency-key";
import { useStartTrial } from "@/lib/billing/start-trial";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { usePricingTexts } from "../texts";

interface TrialDialogProps {
  tenantId: string;
  product: PricingProduct | null;
  onClose: () => void;
}

/** "Start free trial" (admins): what the organization gets, then POST trials once per opening. */
export function TrialDialog(props: TrialDialogProps) {
  return <TrialDialogContent key={useOpenKey(props.product !== null)} {...props} />;
}

function TrialDialogContent({ tenantId, product, onClose }: TrialDialogProps) {
  const { formatDate } = useI18n();
  const tx = usePricingTexts();
  const notify = useNotify();
  const start = useStartTrial(tenantId);
  const [shown] = useState(product);
  const [idempotencyKey] = useState(newIdempotencyKey);
  if (!shown) return null;

  const confirm = () =>
    start.mutate(
      { skuId: shown.skuId, idempotencyKey },
      {
        onSuccess: (result) => {
          notify(tx.trial.started(shown.displayName, formatDate(result.subscription.termEndsAt)));
          onClose();
        },
      },
    );

  return (
    <ConfirmDialog
      open={product !== null}
      title={tx.trial.title(shown.displayName)}
      confirmLabel={tx.trial.confirm}
      busyLabel={tx.trial.starting}
      busy={start.isPending}
      onConfirm={confirm}
      onCancel={onClose}
    >
      {start.isError ? <ErrorMessage error={start.error} /> : null}
      <Text as="p">{tx.trial.body(TRIAL_SEATS, shown.trialDays || DEFAULT_TRIAL_DAYS)}</Text>
    </ConfirmDialog>
  );
}
