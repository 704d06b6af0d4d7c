import type { BillingResult } from "@allot/contracts";
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { useSearchParams } from "react-router";
import { BusyButton } from "@/components/busy-button";
import { PageHeader } from "@/components/page-header";
import { RouterLink } from "@/components/router-link";
import { useTenant } from "@/lib/tenant";
import { BuyFormFields, useBuyForm } from "../components/buy-form";
import { useBillingChangeTexts } from "../texts";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "640px" },
  note: { display: "block", marginBottom: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalM },
});

/**
 * Billing › Buy products (`?sku=<skuId>` preselects one): the buy dialog's form on a page of its own, for billing
 * admins (any product) and Power Platform admins (Power Platform products only), who have no Billing page.
 */
export function BuyRoute() {
  const styles = useStyles();
  const c = useBillingChangeTexts();
  const { tenant, can } = useTenant();
  const [params] = useSearchParams();
  const powerPlatformOnly = !can("billing.manage");
  const [bought, setBought] = useState<BillingResult | null>(null);
  // A new form (fresh idempotency key and fields) for each purchase.
  const [round, setRound] = useState(0);

  return (
    <>
      <PageHeader title={c.buyPage.title} description={c.buyPage.description} />
      {powerPlatformOnly ? <Text className={styles.note}>{c.buyPage.powerPlatformOnly}</Text> : null}
      {bought ? (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {c.buy.done(bought.subscription.seats, bought.subscription.productName)}
              </MessageBarTitle>{" "}
              {can("billing.read") ? (
                <RouterLink to={`/t/${tenant.id}/billing/subscriptions/${bought.subscription.id}`} inline>
                  {c.buyPage.viewSubscription}
                </RouterLink>
              ) : (
                <RouterLink to={`/t/${tenant.id}/power-platform/capacity`} inline>
                  {c.buyPage.backToAddOns}
                </RouterLink>
              )}
            </MessageBarBody>
          </MessageBar>
          <div className={styles.actions}>
            <Button
              onClick={() => {
                setBought(null);
                setRound(round + 1);
              }}
            >
              {c.buyPage.buyAnother}
            </Button>
          </div>
        </>
      ) : (
        <BuyPageForm
          key={round}
          tenantId={tenant.id}
          initialSkuId={params.get("sku") ?? undefined}
          powerPlatformOnly={powerPlatformOnly}
          onBought={setBought}
        />
      )}
    </>
  );
}

function BuyPageForm({
  tenantId,
  initialSkuId,
  powerPlatformOnly,
  onBought,
}: {
  tenantId: string;
  initialSkuId: string | undefined;
  powerPlatformOnly: boolean;
  onBought: (result: BillingResult) => void;
}) {
  const styles = useStyles();
  const c = useBillingChangeTexts();
  const state = useBuyForm({ tenantId, enabled: true, initialSkuId, powerPlatformOnly, onBought });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (state.busy) return;
    if (state.canConfirm) state.confirm();
    else state.showMissing();
  };
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={c.buyPage.form}>
      <BuyFormFields state={state} />
      <div className={styles.actions}>
        <BusyButton
          type="submit"
          busy={state.busy}
          disabled={!state.canConfirm}
          label={c.buy.confirm}
          busyLabel={c.buy.buying}
        />
      </div>
    </form>
  );
}
