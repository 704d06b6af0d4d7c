import type { AuditEvent, LicenseConflictReport, SubscribedSku } from "@allot/contracts";
import {
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  ProgressBar,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { UseQueryResult } from "@tanstack/react-query";
import { RouterLink } from "@/components/router-link";
import { actorName } from "@/lib/audit-actor";
import { useI18n } from "@/lib/i18n";
import { usageBarColor, userProducts } from "@/lib/licensing/subscribed-skus";
import { useHomeTexts } from "../texts";
import { useWidgetStyles, WidgetCard } from "./widget-card";

const TOP_PRODUCTS = 5;

const useStyles = makeStyles({
  wide: { gridColumn: "1 / -1" },
  seats: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))",
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalM,
  },
  changes: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column" },
  change: {
    display: "flex",
    flexDirection: "column",
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ":last-child": { borderBottom: "none" },
  },
});

/** Usable seats: enabled and expired-but-in-grace subscriptions (suspended ones no longer count). */
function usableSeats(sku: SubscribedSku): number {
  return sku.prepaidUnits.enabled + sku.prepaidUnits.warning;
}

/** The products with the most holders first: a usage bar per product, red where holders outnumber seats. */
export function SeatsWidget({ query, tenantId }: { query: UseQueryResult<SubscribedSku[]>; tenantId: string }) {
  const styles = useStyles();
  const widget = useWidgetStyles();
  const h = useHomeTexts();
  return (
    <WidgetCard
      title={h.dashboard.seatsTitle}
      query={query}
      loadingLabel={h.dashboard.seatsLoading}
      className={styles.wide}
      links={<RouterLink to={`/t/${tenantId}/licenses`}>{h.dashboard.viewLicenses}</RouterLink>}
    >
      {(skus) => {
        const products = userProducts(skus).sort(
          (a, b) => b.consumedUnits - a.consumedUnits || a.displayName.localeCompare(b.displayName),
        );
        if (products.length === 0) return <Text className={widget.muted}>{h.dashboard.seatsNone}</Text>;
        const shown = products.slice(0, TOP_PRODUCTS);
        return (
          <>
            <div className={styles.seats}>
              {shown.map((sku) => {
                const total = usableSeats(sku);
                const used = sku.consumedUnits;
                const short = Math.max(0, used - total);
                const usage = h.dashboard.seatsUsage(used, total);
                const full = short === 0 && sku.available <= 0;
                const state = short > 0 ? "error" : full ? "warning" : "none";
                const detail = `${usage} · ${
                  short > 0 ? h.dashboard.seatsShort(short) : h.dashboard.seatsAvailable(Math.max(0, sku.available))
                }`;
                return (
                  <Field
                    key={sku.skuId}
                    label={sku.displayName}
                    hint={state === "none" ? detail : undefined}
                    validationState={state}
                    // Not an alert: this is a standing state shown on page load, not a response to an action.
                    validationMessage={state === "none" ? undefined : { children: detail, role: undefined }}
                  >
                    <ProgressBar
                      value={total === 0 ? 1 : Math.min(used, total)}
                      max={total === 0 ? 1 : total}
                      thickness="large"
                      color={usageBarColor(sku)}
                      aria-valuetext={h.dashboard.seatsUsed(sku.displayName, used, total)}
                    />
                  </Field>
                );
              })}
            </div>
            {products.length > shown.length ? (
              <Text className={widget.muted}>{h.dashboard.seatsMore(products.length - shown.length)}</Text>
            ) : null}
          </>
        );
      }}
    </WidgetCard>
  );
}

const shortfallOf = (conflicts: readonly LicenseConflictReport[]) =>
  conflicts.reduce((sum, conflict) => sum + conflict.shortfall, 0);
const expiringOf = (conflicts: readonly LicenseConflictReport[]) =>
  conflicts.reduce((sum, conflict) => sum + conflict.expiring, 0);

/**
 * A warning at the top of Home while any product has more holders than usable seats. Holders on expired
 * subscriptions have their own banner (SubscriptionsBanner), with the date and Renew.
 */
export function ConflictsBanner({
  conflicts,
  tenantId,
}: {
  conflicts: readonly LicenseConflictReport[] | undefined;
  tenantId: string;
}) {
  const h = useHomeTexts();
  const short = (conflicts ?? []).filter((conflict) => conflict.shortfall > 0);
  if (short.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{h.dashboard.bannerTitle}</MessageBarTitle>
        {h.dashboard.bannerBody(short.length, shortfallOf(short))}
      </MessageBarBody>
      <MessageBarActions>
        <RouterLink to={`/t/${tenantId}/licenses/conflicts`}>{h.dashboard.bannerLink}</RouterLink>
      </MessageBarActions>
    </MessageBar>
  );
}

export function ConflictsWidget({
  query,
  tenantId,
}: {
  query: UseQueryResult<LicenseConflictReport[]>;
  tenantId: string;
}) {
  const widget = useWidgetStyles();
  const { formatNumber } = useI18n();
  const h = useHomeTexts();
  return (
    <WidgetCard
      title={h.dashboard.conflictsTitle}
      query={query}
      loadingLabel={h.dashboard.conflictsLoading}
      links={
        <>
          <RouterLink to={`/t/${tenantId}/licenses/conflicts`}>{h.dashboard.viewConflicts}</RouterLink>
          <RouterLink to={`/t/${tenantId}/licenses/reclaim`}>{h.dashboard.reclaimLink}</RouterLink>
        </>
      }
    >
      {(conflicts) =>
        conflicts.length === 0 ? (
          <>
            <Text className={widget.number}>{formatNumber(0)}</Text>
            <Text className={widget.muted}>{h.dashboard.conflictsNone}</Text>
          </>
        ) : (
          <>
            <Text className={widget.number}>{formatNumber(conflicts.length)}</Text>
            {shortfallOf(conflicts) > 0 ? (
              <Text className={widget.muted}>
                {h.dashboard.conflictsCount(
                  conflicts.filter((conflict) => conflict.shortfall > 0).length,
                  shortfallOf(conflicts),
                )}
              </Text>
            ) : null}
            {expiringOf(conflicts) > 0 ? (
              <Text className={widget.muted}>{h.dashboard.conflictsExpiring(expiringOf(conflicts))}</Text>
            ) : null}
          </>
        )
      }
    </WidgetCard>
  );
}

export function PendingRequestsWidget({ query, tenantId }: { query: UseQueryResult<number>; tenantId: string }) {
  const widget = useWidgetStyles();
  const { formatNumber } = useI18n();
  const h = useHomeTexts();
  return (
    <WidgetCard
      title={h.dashboard.requestsTitle}
      query={query}
      loadingLabel={h.dashboard.requestsLoading}
      links={<RouterLink to={`/t/${tenantId}/requests`}>{h.dashboard.viewRequests}</RouterLink>}
    >
      {(total) => (
        <>
          <Text className={widget.number}>{formatNumber(total)}</Text>
          <Text className={widget.muted}>
            {total === 0 ? h.dashboard.requestsNone : h.dashboard.requestsWaiting(total)}
          </Text>
        </>
      )}
    </WidgetCard>
  );
}

/** A known code's label in the current language, or the code itself for actions added after the dictionary. */
function actionLabel(labels: Readonly<Record<string, string>>, code: string): string {
  return Object.hasOwn(labels, code) ? (labels[code] ?? code) : code;
}

export function RecentChangesWidget({ query, tenantId }: { query: UseQueryResult<AuditEvent[]>; tenantId: string }) {
  const styles = useStyles();
  const widget = useWidgetStyles();
  const { t, formatDateTime } = useI18n();
  const h = useHomeTexts();
  return (
    <WidgetCard
      title={h.dashboard.recentTitle}
      query={query}
      loadingLabel={h.dashboard.recentLoading}
      className={styles.wide}
      links={<RouterLink to={`/t/${tenantId}/audit`}>{h.dashboard.viewAudit}</RouterLink>}
    >
      {(events) =>
        events.length === 0 ? (
          <Text className={widget.muted}>{h.dashboard.recentNone}</Text>
        ) : (
          <ul className={styles.changes}>
            {events.map((event) => (
              <li key={event.id} className={styles.change}>
                <Text weight="semibold">{actionLabel(t.audit.actions, event.action)}</Text>
                <Text size={200} className={widget.muted}>
                  {actorName(event, t) ?? h.dashboard.recentSystem} ·{" "}
                  <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
                </Text>
              </li>
            ))}
          </ul>
        )
      }
    </WidgetCard>
  );
}
