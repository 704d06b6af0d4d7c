import {
  MessageBar,
  MessageBarBody,
  makeStyles,
  Skeleton,
  SkeletonItem,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import { ErrorMessage } from "@/components/error-message";
import { RouterLink } from "@/components/router-link";
import { LiveStatus } from "@/components/visually-hidden";
import { useTenant } from "@/lib/tenant";
import { useMyLicenses } from "../api/get-my-licenses";
import { AccountHeader } from "../components/account-header";
import { LicensesSection } from "../components/licenses-section";
import { RequestsSection } from "../components/requests-section";
import { SubscriptionCard } from "../components/subscription-card";
import { useAccountTexts } from "../texts";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalXXL,
    maxWidth: "1200px",
  },
  heading: { margin: 0 },
  note: { maxWidth: "960px" },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

/** My account › Licenses: what the person has (and its apps), their requests, and subscriptions they bought. */
export function MyLicensesRoute() {
  const styles = useStyles();
  const tx = useAccountTexts();
  const { tenant } = useTenant();
  const mine = useMyLicenses(tenant.id, tenant.access === "member");
  const licensesId = useId();
  const requestsId = useId();
  const subscriptionsId = useId();

  return (
    <>
      <AccountHeader page="licenses" title={tx.title} description={tx.description}>
        <RouterLink to={`/t/${tenant.id}/pricing`}>{tx.pricingLink}</RouterLink>
      </AccountHeader>
      <LiveStatus message={mine.isLoading ? tx.loading : ""} />

      {tenant.access === "delegated" ? (
        <MessageBar intent="info" layout="multiline" className={styles.note}>
          <MessageBarBody>{tx.delegatedNote}</MessageBarBody>
        </MessageBar>
      ) : mine.isPending ? (
        <Skeleton aria-label={tx.loading}>
          <SkeletonItem size={128} />
        </Skeleton>
      ) : mine.isError ? (
        <ErrorMessage error={mine.error} onRetry={() => mine.refetch()} />
      ) : (
        <>
          <section className={styles.section} aria-labelledby={licensesId}>
            <Text as="h2" id={licensesId} size={600} weight="semibold" className={styles.heading}>
              {tx.licensesTitle}
            </Text>
            <LicensesSection licenses={mine.data.licenses} />
          </section>

          <section className={styles.section} aria-labelledby={requestsId}>
            <Text as="h2" id={requestsId} size={600} weight="semibold" className={styles.heading}>
              {tx.requestsTitle}
            </Text>
            <RequestsSection tenantId={tenant.id} requests={mine.data.requests} />
          </section>

          {mine.data.subscriptions.length > 0 ? (
            <section className={styles.section} aria-labelledby={subscriptionsId}>
              <Text as="h2" id={subscriptionsId} size={600} weight="semibold" className={styles.heading}>
                {tx.subscriptionsTitle}
              </Text>
              <div className={styles.list}>
                {mine.data.subscriptions.map((subscription) => (
                  <SubscriptionCard key={subscription.id} tenantId={tenant.id} subscription={subscription} />
                ))}
              </div>
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
