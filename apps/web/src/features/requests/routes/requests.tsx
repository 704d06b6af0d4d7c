import { TaskListSquareLtrRegular } from "@fluentui/react-icons";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { useI18n } from "@/lib/i18n";

/** License requests arrive in a later issue; until then the page says what it will hold. */
export function RequestsRoute() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t.requests.title} description={t.requests.description} />
      <EmptyState icon={<TaskListSquareLtrRegular />} title={t.requests.emptyTitle}>
        {t.requests.emptyBody}
      </EmptyState>
    </>
  );
}
