import { type BillingResult, type PricingProduct, purchaseRequestSchema, type QuoteRequest } from "@allot/contracts";
import { isPowerPlatformProduct } from "@allot/domain";
import { Field, makeStyles, Spinner, Switch, tokens } from "@fluentui/react-components";
import { Controller } from "react-hook-form";
import { seatsFromText } from "@/components/billing/seats-field";
import { ErrorMessage } from "@/components/error-message";
import { usePricing } from "@/lib/api/pricing";
import { useIdempotencyKeys } from "@/lib/billing/idempotency-key";
import { useFormatMoney } from "@/lib/format-money";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { useZodForm } from "@/lib/forms/zod-form";
import { useBuySubscription } from "../api/buy-subscription";
import { useBillingChangeTexts, useBillingTexts } from "../texts";
import { type BillingTermChoice, BillingTermField } from "./billing-term-field";
import { ProductDropdown } from "./product-dropdown";
import { QuoteSummary, useQuoteView } from "./quote-summary";
import { SeatsFormField } from "./seats-form-field";

/** The buy form's fields: the seats as typed. */
interface PurchaseDraft {
  skuId: string;
  seats: string;
  billingTerm: BillingTermChoice;
  autoRenew: boolean;
}

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "flex-start" },
  seats: { width: "160px" },
});

export interface BuyFormOptions {
  tenantId: string;
  /** False until the form is shown (a closed dialog loads no products). */
  enabled: boolean;
  /** The product to preselect (a link's `?buy=` or `?sku=`), and the seats. */
  initialSkuId?: string | undefined;
  initialSeats?: number | undefined;
  /** A Power Platform admin (powerPlatform.buy without billing.manage): only Power Platform products are offered. */
  powerPlatformOnly?: boolean;
  onBought: (result: BillingResult) => void;
}

/** The products a buyer is offered: all of them, or only the Power Platform's. */
export function productsOffered(products: readonly PricingProduct[], powerPlatformOnly: boolean): PricingProduct[] {
  return products.filter((product) => !powerPlatformOnly || isPowerPlatformProduct(product.skuPartNumber));
}

/**
 * Buying a subscription: product, seats, term and auto-renew, with the price shown before "Buy". The state the buy
 * dialog and the Buy products page share; `BuyFormFields` shows it.
 */
export function useBuyForm({
  tenantId,
  enabled,
  initialSkuId,
  initialSeats,
  powerPlatformOnly = false,
  onBought,
}: BuyFormOptions) {
  const pricing = usePricing(tenantId, { enabled, staleTime: 60_000 });
  const buy = useBuySubscription(tenantId);
  const keyFor = useIdempotencyKeys();

  const products = productsOffered(pricing.data ?? [], powerPlatformOnly);
  // A product not (or no longer) offered counts as none chosen.
  const purchaseInput = ({ skuId, seats, ...rest }: PurchaseDraft) => ({
    ...rest,
    skuId: products.some((candidate) => candidate.skuId === skuId) ? skuId : "",
    seats: seatsFromText(seats),
  });
  const defaultValues: PurchaseDraft = {
    skuId: initialSkuId ?? "",
    seats: String(initialSeats && initialSeats > 0 ? initialSeats : 1),
    billingTerm: "monthly",
    autoRenew: true,
  };
  const form = useZodForm(purchaseRequestSchema, { defaultValues, toInput: purchaseInput });
  const error = useApiErrorOnFields(form, buy.error);
  const draft = form.watch();
  const product = products.find((candidate) => candidate.skuId === draft.skuId);
  // The price follows the fields as they are typed; the seats say what is wrong with them as they are typed, too.
  const parsed = purchaseRequestSchema.safeParse(purchaseInput(draft));
  const seatsInvalid = parsed.success ? false : parsed.error.issues.some((issue) => issue.path[0] === "seats");
  const request: QuoteRequest | null = parsed.success && product ? { kind: "purchase", ...parsed.data } : null;
  const quote = useQuoteView(tenantId, request);

  const confirm = form.handleSubmit((body) =>
    buy.mutate({ request: body, idempotencyKey: keyFor(body) }, { onSuccess: onBought }),
  );

  return {
    pricing,
    products,
    product,
    form,
    error,
    seatsInvalid,
    quote,
    busy: buy.isPending,
    canConfirm: quote.ready,
    confirm,
    showMissing: () => void form.trigger(),
  };
}

export type BuyFormState = ReturnType<typeof useBuyForm>;

/** The buy form's fields (or the products loading, or failing to). */
export function BuyFormFields({ state }: { state: BuyFormState }) {
  const styles = useStyles();
  const b = useBillingTexts();
  const c = useBillingChangeTexts();
  const money = useFormatMoney();
  const { pricing, products, product, form, error, seatsInvalid, quote } = state;
  const { errors } = form.formState;

  // Loading and load errors sit inside the form so "Buy" stays in view (inert) while the products load.
  if (pricing.isPending) return <Spinner label={c.buy.loadingProducts} />;
  if (pricing.isError) return <ErrorMessage error={pricing.error} onRetry={() => pricing.refetch()} />;
  return (
    <>
      {error ? <ErrorMessage error={error} title={c.buy.failed} /> : null}
      <Controller
        control={form.control}
        name="skuId"
        render={({ field }) => (
          <ProductDropdown
            label={c.buy.product}
            products={products}
            value={field.value}
            onChange={field.onChange}
            error={errors.skuId && (errors.skuId.type === "server" ? errors.skuId.message : c.buy.productRequired)}
            hint={
              product
                ? c.buy.productPrice(
                    money(product.pricePerSeatMonthCents, product.currency),
                    money(product.pricePerSeatYearCents, product.currency),
                  )
                : undefined
            }
          />
        )}
      />
      <div className={styles.row}>
        <SeatsFormField
          control={form.control}
          name="seats"
          className={styles.seats}
          label={c.buy.seats}
          invalid={seatsInvalid}
        />
        <Controller
          control={form.control}
          name="billingTerm"
          render={({ field }) => <BillingTermField value={field.value} onChange={field.onChange} />}
        />
      </div>
      <Controller
        control={form.control}
        name="autoRenew"
        render={({ field }) => (
          <Field hint={field.value ? c.buy.autoRenewOnHint : c.buy.autoRenewOffHint}>
            <Switch checked={field.value} label={b.autoRenew} onChange={(_, data) => field.onChange(data.checked)} />
          </Field>
        )}
      />
      <QuoteSummary
        quote={quote.quote}
        loading={quote.loading}
        updating={quote.updating}
        error={quote.error}
        hint={c.buy.quoteHint}
      />
    </>
  );
}
