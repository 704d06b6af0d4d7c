import { PageHeader } from "@/components/page-header";
import { useI18n } from "@/lib/i18n";

/** Placeholder while the page is built in this change. */
export function ProductRoute() {
  const { t } = useI18n();
  return <PageHeader title={t.licenses.title} />;
}
