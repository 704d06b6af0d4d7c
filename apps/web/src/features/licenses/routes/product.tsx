import type { SubscribedSku } from "@allot/contracts";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  makeStyles,
  SearchBox,
  Spinner,
  Text,
  Toolbar,
  ToolbarButton,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import {
  ArrowClockwiseRegular,
  KeyMultipleRegular,
  PeopleSearchRegular,
  PersonAddRegular,
  PersonDeleteRegular,
} from "@fluentui/react-icons";
import { useCallback, useId, useMemo, useState } from "react";
import { useParams } from "react-router";
import { BackLink } from "@/components/back-link";
import { DetailPageState } from "@/components/detail-page-state";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { GatedButton } from "@/components/gated-button";
import { BulkChangeDialog } from "@/components/licensing/bulk-change-dialog";
import { ExpiredSubscriptionNotice } from "@/components/licensing/expired-subscription-notice";
import { useLicensingTexts } from "@/components/licensing/texts";
import { useListPageStyles } from "@/components/list-page-styles";
import { LoadMore } from "@/components/load-more";
import { PageHeader } from "@/components/page-header";
import { LiveStatus } from "@/components/visually-hidden";
import { useDebouncedValue } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import type { BulkChange } from "@/lib/licensing/bulk";
import { useLicenseConflicts } from "@/lib/licensing/conflicts";
import { useSubscribedSkus } from "@/lib/licensing/subscribed-skus";
import { useTenant } from "@/lib/tenant";
import { useHolderCounts } from "../api/get-holder-counts";
import { useProductHolders } from "../api/get-product-holders";
import { AssignLicensesDrawer } from "../components/assign-licenses-drawer";
import { HoldersGrid } from "../components/holders-grid";
import { ProductBadges } from "../components/product-badges";
import { inConflict, seatTotal, UsageBar } from "../components/usage-bar";
import { useLicensesTexts } from "../texts";

const useStyles = makeStyles({
  summary: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "560px" },
  summaryRow: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  plans: { marginBottom: tokens.spacingVerticalL, maxWidth: "720px" },
  notice: { marginBottom: tokens.spacingVerticalL },
  planList: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, columns: "2 240px" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  toolbar: { marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: "wrap" },
});

const NO_SELECTION: ReadonlySet<string> = new Set();

/** A product: seats, apps included, the users who hold it; assign it to more users or take it away. */
export function ProductRoute() {
  const l = useLicensingTexts();
  const lt = useLicensesTexts();
  const tenantId = useTenant().tenant.id;
  const { skuId = "" } = useParams();
  const skus = useSubscribedSkus(tenantId);
  const sku = skus.data?.find((candidate) => candidate.skuId === skuId);

  const back = <BackLink to={`/t/${tenantId}/licenses`}>{l.backToLicenses}</BackLink>;

  if (skus.isPending || skus.isError || !sku) {
    return (
      <DetailPageState
        back={back}
        title={lt.title}
        query={skus}
        missing={!sku}
        loading={lt.loading}
        notFound={lt.productNotFound}
        notFoundIcon={<KeyMultipleRegular />}
        loadError={lt.loadError}
      />
    );
  }
  return (
    <>
      {back}
      <ProductPage key={sku.skuId} sku={sku} tenantId={tenantId} />
    </>
  );
}

function ProductPage({ sku, tenantId }: { sku: SubscribedSku; tenantId: string }) {
  const styles = useStyles();
  const list = useListPageStyles();
  const { t, formatNumber } = useI18n();
  const lt = useLicensesTexts();
  const context = useTenant();
  const counts = useHolderCounts(tenantId, sku.skuId);
  const canAssign = context.can("licenses.assign");
  const restoreFocusTarget = useRestoreFocusTarget();
  const holdersHeadingId = useId();
  // Holders on an expired subscription are a conflict from the day it expires: shown here with Renew and the date.
  const conflict = useLicenseConflicts(tenantId).data?.find((candidate) => candidate.skuId === sku.skuId);

  const [searchText, setSearchText] = useState("");
  const search = useDebouncedValue(searchText.trim(), 300);
  const holders = useProductHolders(tenantId, sku.skuId, search);
  const items = useMemo(() => holders.data?.pages.flatMap((page) => page.items) ?? [], [holders.data]);

  // Picked users stay picked while searching, so people can gather users from several searches before unassigning.
  const [selected, setSelectedState] = useState<ReadonlySet<string>>(NO_SELECTION);
  const setSelected = useCallback((ids: Set<string>) => setSelectedState(ids), []);

  const [assignOpen, setAssignOpen] = useState(false);
  const [unassign, setUnassign] = useState<{ change: BulkChange; count: number } | null>(null);
  const [unassignOpen, setUnassignOpen] = useState(false);

  const total = seatTotal(sku);
  const isUserProduct = sku.appliesTo === "User";
  const loading = holders.isPending;
  const status = loading
    ? lt.holdersLoading
    : holders.isError
      ? ""
      : lt.holdersShown(items.length, holders.hasNextPage);

  const openUnassign = () => {
    const userIds = [...selected];
    if (userIds.length === 0) return;
    setUnassign({ change: { userIds, add: [], remove: [sku.skuId], mode: "add" }, count: userIds.length });
    setUnassignOpen(true);
  };

  return (
    <>
      <PageHeader
        title={sku.displayName}
        description={
          inConflict(sku)
            ? lt.seatsSummaryConflict(sku.consumedUnits, total, Math.max(sku.conflicts, -sku.available))
            : lt.seatsSummary(sku.consumedUnits, total, sku.available)
        }
      >
        <div className={styles.summary}>
          <UsageBar sku={sku} />
          <div className={styles.summaryRow}>
            <Text size={200}>{sku.skuPartNumber}</Text>
            <ProductBadges sku={sku} tenantId={tenantId} />
          </div>
        </div>
      </PageHeader>

      {conflict && conflict.expiring > 0 ? (
        <div className={styles.notice}>
          <ExpiredSubscriptionNotice conflict={conflict} />
        </div>
      ) : null}

      {sku.servicePlans.length > 0 ? (
        <Accordion collapsible className={styles.plans}>
          <AccordionItem value="plans">
            <AccordionHeader as="h2">{lt.plansHeading(sku.servicePlans.length)}</AccordionHeader>
            <AccordionPanel>
              <ul className={styles.planList}>
                {sku.servicePlans.map((plan) => (
                  <li key={plan.servicePlanId}>{plan.displayName}</li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      ) : null}

      <section className={styles.section} aria-labelledby={holdersHeadingId}>
        <Text as="h2" id={holdersHeadingId} size={500} weight="semibold" className={styles.heading}>
          {lt.holdersHeading}
        </Text>
        {counts.data ? (
          <Text>
            {lt.holders.counts(
              counts.data.total,
              formatNumber(counts.data.direct),
              formatNumber(counts.data.inherited),
              formatNumber(counts.data.total),
            )}
          </Text>
        ) : null}
        <Toolbar aria-label={lt.commands} className={styles.toolbar}>
          {isUserProduct ? (
            <>
              <GatedButton
                action="licenses.assign"
                appearance="subtle"
                icon={<PersonAddRegular />}
                onClick={() => setAssignOpen(true)}
                {...restoreFocusTarget}
              >
                {lt.assign}
              </GatedButton>
              <GatedButton
                action="licenses.assign"
                appearance="subtle"
                icon={<PersonDeleteRegular />}
                onClick={openUnassign}
                disabledFocusable={canAssign && selected.size === 0}
                {...restoreFocusTarget}
              >
                {selected.size > 0 ? lt.unassignCount(selected.size) : lt.unassign}
              </GatedButton>
            </>
          ) : null}
          <ToolbarButton
            icon={holders.isFetching && !loading ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />}
            onClick={() => holders.refetch()}
            disabledFocusable={holders.isFetching}
          >
            {t.common.refresh}
          </ToolbarButton>
        </Toolbar>

        <search className={list.filters}>
          <Field label={lt.searchHolders} className={list.search}>
            <SearchBox
              value={searchText}
              placeholder={lt.searchPlaceholder}
              onChange={(_, data) => setSearchText(data.value)}
            />
          </Field>
        </search>

        <div className={list.status}>
          <LiveStatus message={status} visible />
          {selected.size > 0 ? (
            <>
              <Text weight="semibold" role="status">
                {lt.selectedCount(selected.size)}
              </Text>
              <Button size="small" appearance="subtle" onClick={() => setSelected(new Set())}>
                {lt.clearSelection}
              </Button>
            </>
          ) : null}
        </div>

        {holders.isError ? (
          <ErrorMessage error={holders.error} title={lt.holdersError} onRetry={() => holders.refetch()} />
        ) : loading ? (
          <Spinner label={lt.holdersLoading} />
        ) : items.length === 0 ? (
          <EmptyState icon={<PeopleSearchRegular />} title={lt.holdersEmpty} headingLevel="h3">
            {search ? lt.holdersEmptySearch : isUserProduct && canAssign ? lt.holdersEmptyHint : null}
          </EmptyState>
        ) : (
          <div className={list.surface}>
            <HoldersGrid
              skuId={sku.skuId}
              users={items}
              selectable={canAssign && isUserProduct}
              selected={selected}
              onSelectionChange={setSelected}
              label={lt.holdersHeading}
              busy={holders.isFetching}
            />
          </div>
        )}
        <LoadMore
          hasMore={holders.hasNextPage && !holders.isError}
          loading={holders.isFetchingNextPage}
          onLoadMore={() => holders.fetchNextPage()}
        />
      </section>

      {canAssign && isUserProduct ? (
        <>
          <AssignLicensesDrawer open={assignOpen} tenantId={tenantId} sku={sku} onClose={() => setAssignOpen(false)} />
          <BulkChangeDialog
            open={unassignOpen}
            tenantId={tenantId}
            change={unassign?.change ?? null}
            title={lt.unassignTitle(sku.displayName, unassign?.count ?? 0)}
            dataLossWarning
            onClose={() => setUnassignOpen(false)}
            onApplied={() => setSelected(new Set())}
          />
        </>
      ) : null}
    </>
  );
}
