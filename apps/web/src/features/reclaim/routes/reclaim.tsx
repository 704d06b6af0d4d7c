import {
  Button,
  Card,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  SpinButton,
  Spinner,
  Text,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { ArrowUndoRegular, PersonClockRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { GatedButton } from "@/components/gated-button";
import { BulkChangeDialog } from "@/components/licensing/bulk-change-dialog";
import { useListPageStyles } from "@/components/list-page-styles";
import { LoadMore } from "@/components/load-more";
import { PageHeader } from "@/components/page-header";
import { LiveStatus } from "@/components/visually-hidden";
import { useFormatMoney } from "@/lib/format-money";
import { useQueryParams } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import type { BulkChange } from "@/lib/licensing/bulk";
import { useTenant } from "@/lib/tenant";
import {
  DEFAULT_INACTIVE_DAYS,
  MAX_INACTIVE_DAYS,
  MIN_INACTIVE_DAYS,
  parseInactiveDays,
  useReclaimCandidates,
} from "../api/get-reclaim-candidates";
import { ReclaimTable } from "../components/reclaim-table";
import { useReclaimTexts } from "../texts";

const useStyles = makeStyles({
  days: { maxWidth: "320px" },
  since: { color: tokens.colorNeutralForeground2, marginBottom: tokens.spacingVerticalM, display: "block" },
  totals: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(240px, 1fr))",
    gap: tokens.spacingHorizontalL,
    maxWidth: "720px",
    marginBottom: tokens.spacingVerticalL,
  },
  total: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalXS },
  number: {
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  actions: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
    maxWidth: "960px",
  },
  actionRow: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
});

/** Users who have not signed in for N days yet hold paid licenses: select them, preview, and reclaim. */
export function ReclaimRoute() {
  const styles = useStyles();
  const listStyles = useListPageStyles();
  const { formatDate, formatNumber } = useI18n();
  const r = useReclaimTexts();
  const { tenant, can } = useTenant();
  const restoreFocusTarget = useRestoreFocusTarget();
  const [params, setParams] = useQueryParams();
  const days = parseInactiveDays(params.get("days") ?? "") ?? DEFAULT_INACTIVE_DAYS;
  const [draft, setDraft] = useState(String(days));
  const [invalid, setInvalid] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialogOpen, setDialogOpen] = useState(false);
  const [change, setChange] = useState<{ change: BulkChange; cents: number } | null>(null);
  const canAssign = can("licenses.assign");

  const candidates = useReclaimCandidates(tenant.id, days);
  const pages = candidates.data?.pages ?? [];
  const first = pages[0];
  const items = useMemo(() => pages.flatMap((page) => page.items), [pages]);
  const currency = first?.currency ?? "EUR";
  const money = useFormatMoney();
  const formatMoney = (cents: number) => money(cents, currency);

  // Users reclaimed (or no longer inactive) drop out of the list; so do they from the selection.
  const chosen = items.filter((candidate) => selected.has(candidate.id));
  const chosenCents = chosen.reduce((sum, candidate) => sum + candidate.monthlyCostCents, 0);

  const commitDays = (text: string) => {
    setDraft(text);
    const next = parseInactiveDays(text);
    setInvalid(next === null);
    if (next === null || next === days) return;
    setSelected(new Set());
    setParams({ days: next === DEFAULT_INACTIVE_DAYS ? undefined : String(next) });
  };

  const openReclaim = () => {
    if (chosen.length === 0) return;
    setChange({
      change: { userIds: chosen.map((candidate) => candidate.id), add: [], mode: "replace" },
      cents: chosenCents,
    });
    setDialogOpen(true);
  };

  const status = candidates.isPending ? r.loading : first ? r.shownCount(items.length, first.totalUsers) : "";

  return (
    <>
      <PageHeader title={r.title} description={r.description} />

      <div className={listStyles.filters}>
        <Field
          className={styles.days}
          label={r.daysLabel}
          hint={r.daysHint}
          validationState={invalid ? "error" : "none"}
          validationMessage={invalid ? r.daysInvalid : undefined}
        >
          <SpinButton
            value={parseInactiveDays(draft)}
            displayValue={draft}
            min={MIN_INACTIVE_DAYS}
            max={MAX_INACTIVE_DAYS}
            onChange={(_, data) => {
              if (data.value !== undefined && data.value !== null) commitDays(String(data.value));
              else if (data.displayValue !== undefined) commitDays(data.displayValue);
            }}
          />
        </Field>
      </div>
      {first ? <Text className={styles.since}>{r.inactiveSince(formatDate(first.inactiveSince))}</Text> : null}

      <LiveStatus message={status} />

      {candidates.isPending ? (
        <Spinner label={r.loading} />
      ) : candidates.isError ? (
        <ErrorMessage error={candidates.error} onRetry={() => candidates.refetch()} />
      ) : first && first.totalUsers === 0 ? (
        <EmptyState icon={<PersonClockRegular />} title={r.emptyTitle}>
          {r.emptyBody(days)}
        </EmptyState>
      ) : first ? (
        <>
          <section className={styles.totals} aria-label={r.totalsLabel}>
            <Card className={styles.total}>
              <Text as="h2" weight="semibold" size={300}>
                {r.totalUsers}
              </Text>
              <Text className={styles.number}>{formatNumber(first.totalUsers)}</Text>
            </Card>
            <Card className={styles.total}>
              <Text as="h2" weight="semibold" size={300}>
                {r.totalCost}
              </Text>
              <Text className={styles.number}>{formatMoney(first.totalMonthlyCostCents)}</Text>
            </Card>
          </section>

          {canAssign ? (
            <div className={styles.actions}>
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{r.replaceWarning}</MessageBarBody>
              </MessageBar>
              <div className={styles.actionRow}>
                <GatedButton
                  action="licenses.assign"
                  appearance="primary"
                  icon={<ArrowUndoRegular />}
                  disabledFocusable={chosen.length === 0}
                  onClick={openReclaim}
                  {...restoreFocusTarget}
                >
                  {r.reclaimButton}
                </GatedButton>
                {chosen.length > 0 ? (
                  <Button appearance="subtle" onClick={() => setSelected(new Set())}>
                    {r.clearSelection}
                  </Button>
                ) : null}
                <Text role="status" aria-live="polite">
                  {r.selection(chosen.length, formatMoney(chosenCents))}
                </Text>
              </div>
            </div>
          ) : (
            <div className={styles.actions}>
              <div className={styles.actionRow}>
                <GatedButton action="licenses.assign" appearance="primary" icon={<ArrowUndoRegular />}>
                  {r.reclaimButton}
                </GatedButton>
              </div>
            </div>
          )}

          <div className={listStyles.status}>{r.shownCount(items.length, first.totalUsers)}</div>
          <div className={listStyles.surface} aria-busy={candidates.isFetching}>
            <ReclaimTable
              candidates={items}
              label={r.tableLabel(days)}
              selectable={canAssign}
              selected={selected}
              onSelectionChange={setSelected}
              formatMoney={formatMoney}
            />
          </div>
          <LoadMore
            hasMore={candidates.hasNextPage}
            loading={candidates.isFetchingNextPage}
            onLoadMore={() => void candidates.fetchNextPage()}
          />
        </>
      ) : null}

      <BulkChangeDialog
        open={dialogOpen}
        tenantId={tenant.id}
        change={change?.change ?? null}
        title={change ? r.dialogTitle(change.change.userIds.length, formatMoney(change.cents)) : ""}
        dataLossWarning
        onClose={() => setDialogOpen(false)}
        onApplied={() => {
          setSelected(new Set());
        }}
      />
    </>
  );
}
