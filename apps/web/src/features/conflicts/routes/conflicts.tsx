import type { LicenseConflictReport } from "@allot/contracts";
import { makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { CheckmarkCircleRegular } from "@fluentui/react-icons";
import { useCallback, useEffect, useRef, useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { BulkChangeDialog } from "@/components/licensing/bulk-change-dialog";
import { PageHeader } from "@/components/page-header";
import { RouterLink } from "@/components/router-link";
import { LiveStatus } from "@/components/visually-hidden";
import type { BulkChange } from "@/lib/licensing/bulk";
import { useCapacityConflicts, useLicenseConflicts } from "@/lib/licensing/conflicts";
import { useTenant } from "@/lib/tenant";
import { CapacityConflictCard } from "../components/capacity-conflict-card";
import { ConflictCard } from "../components/conflict-card";
import { useConflictsTexts } from "../texts";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, outline: "none" },
  summary: { color: tokens.colorNeutralForeground2 },
});

/**
 * After the dialog closes, how often and for how long to look for where focus went. Fluent restores focus only when
 * its exit animation ends, which on a busy machine is well past the animation's nominal 200 ms.
 */
const FOCUS_CHECK_INTERVAL_MS = 100;
const FOCUS_CHECK_LIMIT_MS = 5_000;

const isInDialog = (element: Element | null) => element?.closest('[role="dialog"], [role="alertdialog"]') != null;

interface Removal {
  product: string;
  change: BulkChange;
}

/** The users selected in one product's table, limited to those who still hold it directly. */
function selectionOf(conflict: LicenseConflictReport, selections: Readonly<Record<string, ReadonlySet<string>>>) {
  const chosen = selections[conflict.skuId];
  if (!chosen || chosen.size === 0) return new Set<string>();
  return new Set(conflict.users.filter((user) => user.direct && chosen.has(user.id)).map((user) => user.id));
}

/** Every product in shortfall, the users involved, and the fixes: remove assignments, buy seats, renew. */
export function ConflictsRoute() {
  const styles = useStyles();
  const c = useConflictsTexts();
  const { tenant } = useTenant();
  const conflicts = useLicenseConflicts(tenant.id);
  const capacity = useCapacityConflicts(tenant.id).data ?? [];
  const [selections, setSelections] = useState<Record<string, ReadonlySet<string>>>({});
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const contentRef = useRef<HTMLDivElement>(null);

  const openRemoval = (conflict: LicenseConflictReport) => {
    const userIds = [...selectionOf(conflict, selections)];
    if (userIds.length === 0) return;
    setRemoval({
      product: conflict.displayName,
      change: { userIds, add: [], remove: [conflict.skuId], mode: "add" },
    });
    setDialogOpen(true);
  };

  const list = conflicts.data ?? [];
  const short = list.filter((conflict) => conflict.shortfall > 0);
  const users = short.reduce((sum, conflict) => sum + conflict.shortfall, 0);
  const onExpired = list.filter((conflict) => conflict.expiring > 0);
  const expiring = list.reduce((sum, conflict) => sum + conflict.expiring, 0);
  const summary = [
    short.length > 0 ? c.summaryCount(short.length, users) : "",
    expiring > 0 ? c.summaryExpiring(onExpired.length, expiring) : "",
  ]
    .filter(Boolean)
    .join(" ");

  // A fix removes its conflict's card, and with it the button that opened the dialog, which is where focus goes
  // back to. Once a change was applied, focus that would fall to the document stays on the page's content instead,
  // whether the list refreshes before or after the dialog closes.
  const applied = useRef(false);
  const listKey = list.map((conflict) => conflict.skuId).join(",");
  const keepFocusOnPage = useCallback(() => {
    const active = document.activeElement;
    if (applied.current && (active === null || active === document.body)) contentRef.current?.focus();
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the list of products changes
  useEffect(keepFocusOnPage, [listKey, keepFocusOnPage]);

  const closeDialog = () => {
    setDialogOpen(false);
    const deadline = Date.now() + FOCUS_CHECK_LIMIT_MS;
    const checkOnceDialogIsGone = () => {
      if (isInDialog(document.activeElement) && Date.now() < deadline) {
        window.setTimeout(checkOnceDialogIsGone, FOCUS_CHECK_INTERVAL_MS);
      } else {
        keepFocusOnPage();
      }
    };
    window.setTimeout(checkOnceDialogIsGone, FOCUS_CHECK_INTERVAL_MS);
  };

  return (
    <>
      <PageHeader title={c.title} description={c.description} />
      <LiveStatus
        message={
          conflicts.isPending
            ? c.loading
            : conflicts.isSuccess
              ? list.length === 0 && capacity.length === 0
                ? c.emptyTitle
                : summary
              : ""
        }
      />
      <div ref={contentRef} tabIndex={-1} className={styles.content} aria-busy={conflicts.isFetching}>
        {conflicts.isPending ? (
          <Spinner label={c.loading} />
        ) : conflicts.isError ? (
          <ErrorMessage error={conflicts.error} onRetry={() => conflicts.refetch()} />
        ) : list.length === 0 && capacity.length === 0 ? (
          <EmptyState
            icon={<CheckmarkCircleRegular />}
            title={c.emptyTitle}
            actions={<RouterLink to={`/t/${tenant.id}/licenses`}>{c.goToLicenses}</RouterLink>}
          >
            {c.emptyBody}
          </EmptyState>
        ) : (
          <>
            <Text className={styles.summary}>{summary}</Text>
            {list.map((conflict) => (
              <ConflictCard
                key={conflict.skuId}
                conflict={conflict}
                selected={selectionOf(conflict, selections)}
                onSelectionChange={(next) => setSelections((current) => ({ ...current, [conflict.skuId]: next }))}
                onRemove={() => openRemoval(conflict)}
              />
            ))}
            {capacity.map((conflict) => (
              <CapacityConflictCard key={conflict.skuId} tenantId={tenant.id} conflict={conflict} />
            ))}
          </>
        )}
      </div>
      <BulkChangeDialog
        open={dialogOpen}
        tenantId={tenant.id}
        change={removal?.change ?? null}
        title={removal ? c.dialogTitle(removal.product, removal.change.userIds.length) : ""}
        dataLossWarning
        onClose={closeDialog}
        onApplied={() => {
          applied.current = true;
          const skuId = removal?.change.remove?.[0];
          if (skuId) setSelections((current) => ({ ...current, [skuId]: new Set() }));
        }}
      />
    </>
  );
}
