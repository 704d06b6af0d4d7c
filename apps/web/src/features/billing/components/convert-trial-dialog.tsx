import { type BillingResult, convertTrialRequestSchema, MAX_SEATS, type Subscription } from "@allot/contracts";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { SeatsField, seatsFromText } from "@/components/billing/seats-field";
import { ErrorMessage } from "@/components/error-message";
import { FormDialog } from "@/components/form-dialog";
import { useIdempotencyKeys } from "@/lib/billing/idempotency-key";
import { useOpenKey } from "@/lib/hooks";
import { useConvertTrial } from "../api/convert-trial";
import { useBillingChangeTexts, useBillingTexts } from "../texts";
import { type BillingTermChoice, BillingTermField } from "./billing-term-field";
import { QuoteSummary, useQuoteView } from "./quote-summary";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "flex-start" },
  seats: { width: "160px" },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface ConvertTrialDialogProps {
  open: boolean;
  tenantId: string;
  subscription: Subscription;
  /** The seats to convert with, when more are needed than the trial has ("Buy more" on a product with a trial). */
  initialSeats?: number | undefined;
  onClose: () => void;
  onConverted: (result: BillingResult) => void;
}

/** "Convert to paid": a trial becomes a paid subscription of the chosen term and seats, priced before confirming. */
export function ConvertTrialDialog(props: ConvertTrialDialogProps) {
  return <ConvertTrialDialogContent key={useOpenKey(props.open)} {...props} />;
}

function ConvertTrialDialogContent({
  open,
  tenantId,
  subscription,
  initialSeats,
  onClose,
  onConverted,
}: ConvertTrialDialogProps) {
  const styles = useStyles();
  const b = useBillingTexts();
  const c = useBillingChangeTexts();
  const convert = useConvertTrial(tenantId, subscription.id);
  const keyFor = useIdempotencyKeys();
  const [billingTerm, setBillingTerm] = useState<BillingTermChoice>("monthly");
  const [seatsText, setSeatsText] = useState(String(initialSeats ?? subscription.seats));
  const parsed = convertTrialRequestSchema.safeParse({ billingTerm, seats: seatsFromText(seatsText) });
  const quote = useQuoteView(
    tenantId,
    open && parsed.success ? { kind: "trialConversion", subscriptionId: subscription.id, ...parsed.data } : null,
  );

  return (
    <FormDialog
      open={open}
      title={c.convert.title(subscription.productName)}
      confirmLabel={c.convert.confirm}
      busyLabel={c.convert.converting}
      busy={convert.isPending}
      canConfirm={parsed.success && quote.ready}
      onClose={onClose}
      onConfirm={() => {
        if (!parsed.success) return;
        const body = parsed.data;
        convert.mutate({ request: body, idempotencyKey: keyFor(body) }, { onSuccess: onConverted });
      }}
    >
      <Text className={styles.muted}>{c.convert.intro}</Text>
      {convert.isError ? <ErrorMessage error={convert.error} title={c.convert.failed} /> : null}
      <div className={styles.row}>
        <SeatsField
          className={styles.seats}
          label={c.buy.seats}
          text={seatsText}
          onTextChange={setSeatsText}
          error={parsed.success ? undefined : b.seatsInvalid(MAX_SEATS)}
        />
        <BillingTermField value={billingTerm} onChange={setBillingTerm} />
      </div>
      <QuoteSummary quote={quote.quote} loading={quote.loading} updating={quote.updating} error={quote.error} />
    </FormDialog>
  );
}
