import { type BillingResult, convertTrialRequestSchema, type Subscription } from "@allot/contracts";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { Controller } from "react-hook-form";
import { seatsFromText } from "@/components/billing/seats-field";
import { ErrorMessage } from "@/components/error-message";
import { FormDialog } from "@/components/form-dialog";
import { useIdempotencyKeys } from "@/lib/billing/idempotency-key";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { useZodForm } from "@/lib/forms/zod-form";
import { useOpenKey } from "@/lib/hooks";
import { useConvertTrial } from "../api/convert-trial";
import { useBillingChangeTexts } from "../texts";
import { type BillingTermChoice, BillingTermField } from "./billing-term-field";
import { QuoteSummary, useQuoteView } from "./quote-summary";
import { SeatsFormField } from "./seats-form-field";

/** The conversion form's fields: the seats as typed. */
interface ConversionDraft {
  billingTerm: BillingTermChoice;
  seats: string;
}

const conversionInput = ({ billingTerm, seats }: ConversionDraft) => ({ billingTerm, seats: seatsFromText(seats) });

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
  const c = useBillingChangeTexts();
  const convert = useConvertTrial(tenantId, subscription.id);
  const keyFor = useIdempotencyKeys();
  const defaultValues: ConversionDraft = { billingTerm: "monthly", seats: String(initialSeats ?? subscription.seats) };
  const form = useZodForm(convertTrialRequestSchema, { defaultValues, toInput: conversionInput });
  const error = useApiErrorOnFields(form, convert.error);
  // The price follows the fields as they are typed, and the seats say what is wrong with them as they are typed.
  const parsed = convertTrialRequestSchema.safeParse(conversionInput(form.watch()));
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
      onConfirm={form.handleSubmit((body) =>
        convert.mutate({ request: body, idempotencyKey: keyFor(body) }, { onSuccess: onConverted }),
      )}
    >
      <Text className={styles.muted}>{c.convert.intro}</Text>
      {error ? <ErrorMessage error={error} title={c.convert.failed} /> : null}
      <div className={styles.row}>
        <SeatsFormField
          control={form.control}
          name="seats"
          className={styles.seats}
          label={c.buy.seats}
          invalid={!parsed.success}
        />
        <Controller
          control={form.control}
          name="billingTerm"
          render={({ field }) => <BillingTermField value={field.value} onChange={field.onChange} />}
        />
      </div>
      <QuoteSummary quote={quote.quote} loading={quote.loading} updating={quote.updating} error={quote.error} />
    </FormDialog>
  );
}
