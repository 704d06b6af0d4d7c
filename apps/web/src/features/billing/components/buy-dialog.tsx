import { type BillingResult, MAX_SEATS, purchaseRequestSchema, type QuoteRequest } from "@allot/contracts";
import { Field, makeStyles, Spinner, Switch, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { SeatsField, seatsFromText } from "@/components/billing/seats-field";
import { ErrorMessage } from "@/components/error-message";
import { FormDialog } from "@/components/form-dialog";
import { usePricing } from "@/lib/api/pricing";
import { useIdempotencyKeys } from "@/lib/billing/idempotency-key";
import { useFormatMoney } from "@/lib/format-money";
import { useOpenKey } from "@/lib/hooks";
import { useBuySubscription } from "../api/buy-subscription";
import { useBillingChangeTexts, useBillingTexts } from "../texts";
import { type BillingTermChoice, BillingTermField } from "./billing-term-field";
import { ProductDropdown } from "./product-dropdown";
import { QuoteSummary, useQuoteView } from "./quote-summary";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "flex-start" },
  seats: { width: "160px" },
});

export interface BuyDialogProps {
  open: boolean;
  tenantId: string;
  /** Prefilled from the Conflicts page's "Buy seats" (`?buy=<skuId>&seats=<n>`). */
  initialSkuId?: string | undefined;
  initialSeats?: number | undefined;
  onClose: () => void;
  onBought: (result: BillingResult) => void;
}

/** Buy a subscription: product, seats, term and auto-renew, with the price shown before "Buy". */
export function BuyDialog(props: BuyDialogProps) {
  return <BuyDialogContent key={useOpenKey(props.open)} {...props} />;
}

function BuyDialogContent({ open, tenantId, initialSkuId, initialSeats, onClose, onBought }: BuyDialogProps) {
  const styles = useStyles();
  const b = useBillingTexts();
  const c = useBillingChangeTexts();
  const money = useFormatMoney();
  const pricing = usePricing(tenantId, { enabled: open, staleTime: 60_000 });
  const buy = useBuySubscription(tenantId);
  const keyFor = useIdempotencyKeys();

  const [skuId, setSkuId] = useState(initialSkuId ?? "");
  const [seatsText, setSeatsText] = useState(String(initialSeats && initialSeats > 0 ? initialSeats : 1));
  const [billingTerm, setBillingTerm] = useState<BillingTermChoice>("monthly");
  const [autoRenew, setAutoRenew] = useState(true);
  const [showErrors, setShowErrors] = useState(false);

  const products = pricing.data ?? [];
  const product = products.find((candidate) => candidate.skuId === skuId);
  const parsed = purchaseRequestSchema.safeParse({ skuId, seats: seatsFromText(seatsText), billingTerm, autoRenew });
  const seatsInvalid = parsed.success ? false : parsed.error.issues.some((issue) => issue.path[0] === "seats");
  const productMissing = !product;
  const request: QuoteRequest | null =
    parsed.success && product ? { kind: "purchase", ...parsed.data, skuId: product.skuId } : null;
  const quote = useQuoteView(tenantId, request);

  const confirm = () => {
    setShowErrors(true);
    if (!parsed.success || !product) return;
    const body = { ...parsed.data, skuId: product.skuId };
    buy.mutate({ request: body, idempotencyKey: keyFor(body) }, { onSuccess: onBought });
  };

  return (
    <FormDialog
      open={open}
      title={c.buy.title}
      confirmLabel={c.buy.confirm}
      busyLabel={c.buy.buying}
      busy={buy.isPending}
      canConfirm={quote.ready}
      onConfirm={confirm}
      onBlockedSubmit={() => setShowErrors(true)}
      onClose={onClose}
    >
      {/* Loading and load errors sit inside the form so "Buy" stays in view (inert) while the products load. */}
      {pricing.isPending ? (
        <Spinner label={c.buy.loadingProducts} />
      ) : pricing.isError ? (
        <ErrorMessage error={pricing.error} onRetry={() => pricing.refetch()} />
      ) : (
        <>
          {buy.isError ? <ErrorMessage error={buy.error} title={c.buy.failed} /> : null}
          <ProductDropdown
            label={c.buy.product}
            products={products}
            value={skuId}
            onChange={setSkuId}
            error={showErrors && productMissing ? c.buy.productRequired : undefined}
            hint={
              product
                ? c.buy.productPrice(
                    money(product.pricePerSeatMonthCents, product.currency),
                    money(product.pricePerSeatYearCents, product.currency),
                  )
                : undefined
            }
          />
          <div className={styles.row}>
            <SeatsField
              className={styles.seats}
              label={c.buy.seats}
              text={seatsText}
              onTextChange={setSeatsText}
              error={seatsInvalid ? b.seatsInvalid(MAX_SEATS) : undefined}
            />
            <BillingTermField value={billingTerm} onChange={setBillingTerm} />
          </div>
          <Field hint={autoRenew ? c.buy.autoRenewOnHint : c.buy.autoRenewOffHint}>
            <Switch checked={autoRenew} label={b.autoRenew} onChange={(_, data) => setAutoRenew(data.checked)} />
          </Field>
          <QuoteSummary
            quote={quote.quote}
            loading={quote.loading}
            updating={quote.updating}
            error={quote.error}
            hint={c.buy.quoteHint}
          />
        </>
      )}
    </FormDialog>
  );
}
