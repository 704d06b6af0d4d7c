import { KeyMultipleRegular } from "@fluentui/react-icons";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { useI18n } from "@/lib/i18n";

/** Products, seats and assignments arrive with the licensing issue; until then the page says what it will hold. */
export function LicensesRoute() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t.licenses.title} description={t.licenses.description} />
      <EmptyState icon={<KeyMultipleRegular />} title={t.licenses.emptyTitle}>
        {t.licenses.emptyBody}
      </EmptyState>
    </>
  );
}
