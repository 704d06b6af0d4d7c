import { type BillingResult, DEFAULT_TRIAL_DAYS, startTrialRequestSchema, TRIAL_SEATS } from "@allot/contracts";
import { MessageBar, MessageBarBody, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { Controller } from "react-hook-form";
import { ErrorMessage } from "@/components/error-message";
import { FormDialog } from "@/components/form-dialog";
import { usePricing } from "@/lib/api/pricing";
import { useIdempotencyKeys } from "@/lib/billing/idempotency-key";
import { useStartTrial } from "@/lib/billing/start-trial";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { useZodForm } from "@/lib/forms/zod-form";
import { useOpenKey } from "@/lib/hooks";
import { useBillingChangeTexts } from "../texts";
import { ProductDropdown } from "./product-dropdown";

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface TrialDialogProps {
  open: boolean;
  tenantId: string;
  onClose: () => void;
  onStarted: (result: BillingResult) => void;
}

/** Start a free trial: a product the organization has not tried yet, 25 seats for its trial length, free. */
export function TrialDialog(props: TrialDialogProps) {
  return <TrialDialogContent key={useOpenKey(props.open)} {...props} />;
}

function TrialDialogContent({ open, tenantId, onClose, onStarted }: TrialDialogProps) {
  const styles = useStyles();
  const c = useBillingChangeTexts();
  const pricing = usePricing(tenantId, { enabled: open, staleTime: 60_000 });
  const start = useStartTrial(tenantId);
  const keyFor = useIdempotencyKeys();
  const form = useZodForm(startTrialRequestSchema, { defaultValues: { skuId: "" } });
  const error = useApiErrorOnFields(form, start.error);

  const products = (pricing.data ?? []).filter((product) => product.trialAvailable);
  const product = products.find((candidate) => candidate.skuId === form.watch("skuId"));

  const confirm = form.handleSubmit(({ skuId }) =>
    start.mutate({ skuId, idempotencyKey: keyFor({ skuId }) }, { onSuccess: onStarted }),
  );

  return (
    <FormDialog
      open={open}
      title={c.trial.title}
      confirmLabel={c.trial.confirm}
      busyLabel={c.trial.starting}
      busy={start.isPending}
      canConfirm
      onConfirm={confirm}
      onClose={onClose}
      unavailable={
        pricing.isPending ? (
          <Spinner label={c.buy.loadingProducts} />
        ) : pricing.isError ? (
          <ErrorMessage error={pricing.error} onRetry={() => pricing.refetch()} />
        ) : products.length === 0 ? (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{c.trial.noneLeft}</MessageBarBody>
          </MessageBar>
        ) : undefined
      }
    >
      <Text className={styles.muted}>{c.trial.intro}</Text>
      {error ? <ErrorMessage error={error} title={c.trial.failed} /> : null}
      <Controller
        control={form.control}
        name="skuId"
        render={({ field, fieldState }) => (
          <ProductDropdown
            label={c.buy.product}
            products={products}
            value={field.value}
            onChange={field.onChange}
            showPrice={false}
            error={
              fieldState.error &&
              (fieldState.error.type === "server" ? fieldState.error.message : c.buy.productRequired)
            }
          />
        )}
      />
      <MessageBar intent="info" layout="multiline" aria-live="polite">
        <MessageBarBody>
          {product
            ? c.trial.summary(TRIAL_SEATS, product.trialDays || DEFAULT_TRIAL_DAYS, product.displayName)
            : c.trial.summaryNoProduct(TRIAL_SEATS)}
        </MessageBarBody>
      </MessageBar>
    </FormDialog>
  );
}
