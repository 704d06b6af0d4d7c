import { makeStyles, Spinner, Toolbar, ToolbarButton, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, HistoryRegular } from "@fluentui/react-icons";
import { useMemo } from "react";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { useListPageStyles } from "@/components/list-page-styles";
import { LoadMore } from "@/components/load-more";
import { PageHeader } from "@/components/page-header";
import { LiveStatus } from "@/components/visually-hidden";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { useAuditLog } from "../api/get-audit-log";
import { AuditTable } from "../components/audit-table";

const useStyles = makeStyles({
  toolbar: { marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})`, marginBottom: tokens.spacingVerticalS },
});

export function AuditRoute() {
  const styles = useStyles();
  const list = useListPageStyles();
  const { t } = useI18n();
  const { tenant } = useTenant();
  const audit = useAuditLog(tenant.id);
  const events = useMemo(() => audit.data?.pages.flatMap((page) => page.items) ?? [], [audit.data]);
  const refreshing = audit.isFetching && !audit.isFetchingNextPage && !audit.isPending;

  return (
    <>
      <PageHeader title={t.audit.title} description={t.audit.description} />
      <Toolbar aria-label={t.users.columns.actions} className={styles.toolbar}>
        <ToolbarButton
          icon={refreshing ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />}
          onClick={() => audit.refetch()}
          disabledFocusable={audit.isFetching}
        >
          {t.common.refresh}
        </ToolbarButton>
      </Toolbar>
      <div className={list.status}>
        <LiveStatus
          visible
          message={
            audit.isPending
              ? t.audit.loading
              : audit.isError
                ? ""
                : t.audit.shownCount(events.length, audit.hasNextPage)
          }
        />
      </div>
      {audit.isError ? (
        <ErrorMessage error={audit.error} onRetry={() => audit.refetch()} />
      ) : audit.isPending ? (
        <Spinner label={t.audit.loading} />
      ) : events.length === 0 ? (
        <EmptyState icon={<HistoryRegular />} title={t.audit.emptyTitle}>
          {t.audit.emptyBody}
        </EmptyState>
      ) : (
        <div className={list.surface}>
          <AuditTable events={events} />
        </div>
      )}
      <LoadMore
        hasMore={audit.hasNextPage && !audit.isError}
        loading={audit.isFetchingNextPage}
        onLoadMore={() => audit.fetchNextPage()}
      />
    </>
  );
}
