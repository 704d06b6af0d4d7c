import { makeStyles, Spinner, Text, Toolbar, ToolbarButton, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, HistoryRegular } from "@fluentui/react-icons";
import { useId, useMemo } from "react";
import { CsvExportButton } from "@/components/csv-export-button";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { useListPageStyles } from "@/components/list-page-styles";
import { LoadMore } from "@/components/load-more";
import { PageHeader } from "@/components/page-header";
import { LiveStatus } from "@/components/visually-hidden";
import { useQueryParams } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { type AuditFilterValues, toAuditQuery } from "../api/audit-filter";
import { auditExportUrl, useAuditLog } from "../api/get-audit-log";
import { AuditFilters } from "../components/audit-filters";
import { AuditTable } from "../components/audit-table";
import { useAuditTexts } from "../texts";

const useStyles = makeStyles({
  commands: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalS,
  },
  toolbar: { marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})` },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function AuditRoute() {
  const styles = useStyles();
  const list = useListPageStyles();
  const { t } = useI18n();
  const a = useAuditTexts();
  const { tenant } = useTenant();
  const [params, updateFilters] = useQueryParams();
  const exportHintId = useId();

  // The filters live in the address bar, so a filtered view can be bookmarked and shared.
  const action = params.get("action") ?? undefined;
  const from = params.get("from") ?? undefined;
  const to = params.get("to") ?? undefined;
  const by = params.get("by") ?? undefined;
  const values: AuditFilterValues = useMemo(() => ({ action, from, to, by }), [action, from, to, by]);
  const { query, problem } = useMemo(() => toAuditQuery(values), [values]);
  const filtersActive = Boolean(query.action || query.from || query.to || query.byPartners);

  const audit = useAuditLog(tenant.id, query, problem === null);
  const events = useMemo(() => audit.data?.pages.flatMap((page) => page.items) ?? [], [audit.data]);
  const refreshing = audit.isFetching && !audit.isFetchingNextPage && !audit.isPending;

  return (
    <>
      <PageHeader title={a.title} description={a.description} />
      <div className={styles.commands}>
        <Toolbar aria-label={t.users.columns.actions} className={styles.toolbar}>
          <ToolbarButton
            icon={refreshing ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />}
            onClick={() => audit.refetch()}
            disabledFocusable={audit.isFetching}
          >
            {t.common.refresh}
          </ToolbarButton>
          <CsvExportButton
            label={a.export.button}
            hrefFor={(delimiter) => (problem ? undefined : auditExportUrl(tenant.id, query, delimiter))}
            aria-describedby={exportHintId}
          />
        </Toolbar>
        <Text id={exportHintId} size={200} className={styles.hint}>
          {filtersActive ? a.export.hintFiltered : a.export.hint}
        </Text>
      </div>
      <AuditFilters values={values} problem={problem} onChange={updateFilters} />
      <div className={list.status}>
        <LiveStatus
          visible
          message={
            problem
              ? ""
              : audit.isPending
                ? a.loading
                : audit.isError
                  ? ""
                  : a.shownCount(events.length, audit.hasNextPage)
          }
        />
      </div>
      {problem ? null : audit.isError ? (
        <ErrorMessage error={audit.error} onRetry={() => audit.refetch()} />
      ) : audit.isPending ? (
        <Spinner label={a.loading} />
      ) : events.length === 0 ? (
        <EmptyState icon={<HistoryRegular />} title={a.emptyTitle}>
          {filtersActive ? a.emptyFiltered : a.emptyBody}
        </EmptyState>
      ) : (
        <div className={list.surface}>
          <AuditTable events={events} />
        </div>
      )}
      <LoadMore
        hasMore={problem === null && audit.hasNextPage && !audit.isError}
        loading={audit.isFetchingNextPage}
        onLoadMore={() => audit.fetchNextPage()}
      />
    </>
  );
}
