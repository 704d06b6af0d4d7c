import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { ReceiptRegular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import { useParams } from "react-router";
import { BackLink } from "@/components/back-link";
import { DetailPageState } from "@/components/detail-page-state";
import { useListPageStyles } from "@/components/list-page-styles";
import { PageHeader } from "@/components/page-header";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { type SubscriptionDetails, useSubscription } from "../api/get-subscription";
import { OrdersTable } from "../components/orders-table";
import { SubscriptionBanners } from "../components/subscription-banners";
import { SubscriptionDialogs } from "../components/subscription-dialogs";
import { SubscriptionFacts } from "../components/subscription-facts";
import { lifecycleText, SubscriptionSourceBadges, SubscriptionStatusBadge } from "../components/subscription-status";
import { type SubscriptionDialog, SubscriptionToolbar } from "../components/subscription-toolbar";
import { useSubscriptionAccess } from "../hooks/use-subscription-access";
import { useBillingTexts } from "../texts";

const useStyles = makeStyles({
  badges: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  sections: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Billing › a subscription: what it is, what happens next, and the changes an admin (or its buyer) can make. */
export function SubscriptionRoute() {
  const b = useBillingTexts();
  const tenantId = useTenant().tenant.id;
  const { subscriptionId = "" } = useParams();
  const subscription = useSubscription(tenantId, subscriptionId);

  const back = <BackLink to={`/t/${tenantId}/billing`}>{b.backToBilling}</BackLink>;

  if (subscription.isPending || subscription.isError) {
    return (
      <DetailPageState
        back={back}
        title={b.subscription.title}
        query={subscription}
        loading={b.subscription.loading}
        notFound={b.subscription.notFound}
        notFoundIcon={<ReceiptRegular />}
        loadError={b.subscription.loadError}
      />
    );
  }
  return (
    <>
      {back}
      <SubscriptionPage key={subscription.data.id} subscription={subscription.data} tenantId={tenantId} />
    </>
  );
}

function SubscriptionPage({ subscription, tenantId }: { subscription: SubscriptionDetails; tenantId: string }) {
  const styles = useStyles();
  const { formatDate } = useI18n();
  const b = useBillingTexts();
  const access = useSubscriptionAccess(subscription);
  const [dialog, setDialog] = useState<SubscriptionDialog | null>(null);
  const next = lifecycleText(subscription, b, formatDate);

  return (
    <>
      <PageHeader title={subscription.productName} description={next}>
        <div className={styles.badges}>
          <SubscriptionStatusBadge subscription={subscription} />
          <SubscriptionSourceBadges subscription={subscription} />
        </div>
      </PageHeader>
      <SubscriptionBanners subscription={subscription} tenantId={tenantId} selfServiceHeld={access.selfServiceHeld} />
      <SubscriptionToolbar subscription={subscription} access={access} onOpen={setDialog} />
      <div className={styles.sections}>
        <SubscriptionFacts subscription={subscription} tenantId={tenantId} canManage={access.canManage} next={next} />
        <SubscriptionOrders subscription={subscription} tenantId={tenantId} />
      </div>
      <SubscriptionDialogs
        subscription={subscription}
        tenantId={tenantId}
        access={access}
        dialog={dialog}
        onClose={() => setDialog(null)}
      />
    </>
  );
}

/** The orders placed on this subscription, newest first. */
function SubscriptionOrders({ subscription, tenantId }: { subscription: SubscriptionDetails; tenantId: string }) {
  const styles = useStyles();
  const list = useListPageStyles();
  const b = useBillingTexts();
  const ordersId = useId();
  return (
    <section className={styles.section} aria-labelledby={ordersId}>
      <Text as="h2" id={ordersId} size={500} weight="semibold" className={styles.heading}>
        {b.tabs.orders}
      </Text>
      {subscription.orders.length === 0 ? (
        <Text className={styles.muted}>{b.orders.noneForSubscription}</Text>
      ) : (
        <div className={list.surface}>
          <OrdersTable
            orders={subscription.orders}
            tenantId={tenantId}
            label={b.subscription.ordersLabel(subscription.productName)}
            showProduct={false}
          />
        </div>
      )}
    </section>
  );
}
