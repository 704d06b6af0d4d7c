import { ReceiptMoneyRegular } from "@fluentui/react-icons";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { useI18n } from "@/lib/i18n";

/** Subscriptions, orders and invoices arrive with the billing issue; until then the page says what it will hold. */
export function BillingRoute() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t.billing.title} description={t.billing.description} />
      <EmptyState icon={<ReceiptMoneyRegular />} title={t.billing.emptyTitle}>
        {t.billing.emptyBody}
      </EmptyState>
    </>
  );
}
