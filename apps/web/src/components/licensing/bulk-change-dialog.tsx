import type { BulkJob } from "@allot/contracts";
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { BusyButton } from "@/components/busy-button";
import { DialogShell } from "@/components/dialog-shell";
import { ErrorMessage } from "@/components/error-message";
import { RouterLink } from "@/components/router-link";
import { LiveStatus } from "@/components/visually-hidden";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { type BulkChange, bulkJobQueryOptions, previewBulkChange, useStartBulkJob } from "@/lib/licensing/bulk";
import { queryKeys } from "@/lib/query-keys";
import { useAppsOffLines } from "./apps-off";
import { BulkJobProgress, jobFinished } from "./bulk-job-progress";
import { BulkUserResults } from "./bulk-user-results";
import { DataLossWarning } from "./data-loss-warning";
import { useProductName } from "./product-names";
import { SeatChanges, seatConflicts } from "./seat-changes";
import { useLicensingTexts } from "./texts";

const useStyles = makeStyles({
  surface: { width: "min(760px, calc(100vw - 32px))", maxWidth: "760px" },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, outline: "none" },
  hint: { color: tokens.colorNeutralForeground2 },
  background: { marginInlineEnd: "auto" },
});

export interface BulkChangeDialogProps {
  open: boolean;
  tenantId: string;
  /** The change to preview and apply; the preview (a dry run) starts as soon as the dialog opens with one. */
  change: BulkChange | null;
  /** What the change does, e.g. "Assign Power BI Pro". */
  title: string;
  /** The change removes licenses: warn that the users' data for those services will be deleted. */
  dataLossWarning?: boolean;
  /** Closing never stops a started job; it keeps running on the server. */
  onClose: () => void;
  /** The job was accepted by the server (it runs from now on, whether the dialog stays open or not). */
  onApplied?: (job: BulkJob) => void;
  /**
   * Apply the change to every user, those the preview refuses included, so the job's results name each failure
   * and its reason (a confirmation page); by default only the users the preview accepts are sent.
   */
  includeRefused?: boolean;
}

/**
 * "Preview before commit" for every bulk license change: a dry run shows per user what is added, removed or
 * refused (and why) and per product the seats before → after, then Apply starts a background job for the valid
 * part and shows its progress and results. Escape or closing leaves a running job alone.
 */
export function BulkChangeDialog(props: BulkChangeDialogProps) {
  return <BulkChangeDialogContent key={useOpenKey(props.open)} {...props} />;
}

function BulkChangeDialogContent({
  open,
  tenantId,
  change,
  title,
  dataLossWarning = false,
  onClose,
  onApplied,
  includeRefused = false,
}: BulkChangeDialogProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const l = useLicensingTexts();
  const productName = useProductName(tenantId);
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartBulkJob(tenantId);
  // BulkJobProgress polls the job (useBulkJob refreshes licensing views when it ends); this only reads whether it ended.
  const job = useQuery({
    ...bulkJobQueryOptions(tenantId, jobId ?? ""),
    enabled: jobId !== null,
    refetchInterval: false,
  });
  const stepRef = useRef<HTMLElement>(null);

  const preview = useQuery({
    queryKey: [...queryKeys.tenant(tenantId), "bulkPreview", change],
    queryFn: ({ signal }) => previewBulkChange(tenantId, change as BulkChange, signal),
    enabled: open && change !== null && jobId === null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });

  const jobDone = jobFinished(job.data);
  const appsOff = useAppsOffLines(
    tenantId,
    useMemo(
      () =>
        (change?.add ?? []).map((license) => ({ skuId: license.skuId, disabledPlans: license.disabledPlans ?? [] })),
      [change],
    ),
  );

  // The Apply button disappears when the job starts: move focus to the progress, so keyboard users stay in place.
  useEffect(() => {
    if (jobId !== null) stepRef.current?.focus();
  }, [jobId]);

  const report = preview.data;
  const validUserIds = report ? report.results.filter((result) => result.ok).map((result) => result.userId) : [];
  const userCount = change?.userIds.length ?? 0;

  const apply = () => {
    if (!change || validUserIds.length === 0) return;
    start.mutate(includeRefused ? change : { ...change, userIds: validUserIds }, {
      onSuccess: (started) => {
        setJobId(started.id);
        onApplied?.(started);
      },
    });
  };

  const finished = jobDone;
  const jobPath = jobId ? `/t/${tenantId}/licenses/jobs/${jobId}` : "";

  return (
    <DialogShell
      open={open}
      title={title}
      onClose={onClose}
      className={styles.surface}
      contentClassName={styles.content}
      actions={
        jobId === null ? (
          <>
            <Button onClick={onClose}>{t.common.cancel}</Button>
            <BusyButton
              busy={start.isPending}
              disabled={!report || validUserIds.length === 0}
              label={l.apply(validUserIds.length)}
              busyLabel={l.starting}
              onClick={apply}
            />
          </>
        ) : (
          <>
            {finished ? null : (
              <span className={styles.background}>
                <RouterLink to={jobPath}>{l.continueInBackground}</RouterLink>
              </span>
            )}
            <Button appearance={finished ? "primary" : "secondary"} onClick={onClose}>
              {finished ? t.common.done : t.common.close}
            </Button>
          </>
        )
      }
    >
      {jobId === null ? (
        <div className={styles.step}>
          {dataLossWarning && change ? (
            <DataLossWarning
              licenses={change.mode === "add" ? (change.remove ?? []).length : null}
              users={change.userIds.length}
            />
          ) : null}
          <LiveStatus
            message={
              preview.isFetching
                ? l.checkingUsers(userCount)
                : report
                  ? l.previewSummary(report.summary.succeeded, report.summary.failed)
                  : ""
            }
          />
          {change === null ? null : preview.isError ? (
            <ErrorMessage error={preview.error} title={l.previewFailedTitle} onRetry={() => preview.refetch()} />
          ) : !report ? (
            <Spinner label={l.checkingUsers(userCount)} />
          ) : (
            <>
              <MessageBar
                intent={
                  report.summary.succeeded === 0
                    ? "error"
                    : report.summary.failed > 0 || seatConflicts(report.seats).length > 0
                      ? "warning"
                      : "info"
                }
                layout="multiline"
              >
                <MessageBarBody>
                  <MessageBarTitle>{l.previewSummaryTitle}</MessageBarTitle>
                  {l.previewSummary(report.summary.succeeded, report.summary.failed)}
                  {report.summary.succeeded === 0 ? <div>{l.nothingToApply}</div> : null}
                  {appsOff.map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                </MessageBarBody>
              </MessageBar>
              <SeatChanges seats={report.seats} productName={productName} />
              <BulkUserResults
                results={report.results}
                kind="preview"
                productName={productName}
                heading={l.usersHeading}
                usageLocationFix={{ tenantId, onSet: () => void preview.refetch() }}
              />
            </>
          )}
          {start.isError ? <ErrorMessage error={start.error} title={l.startFailedTitle} /> : null}
        </div>
      ) : (
        <section ref={stepRef} className={styles.step} tabIndex={-1} aria-label={l.progressLabel}>
          {finished ? null : <Text className={styles.hint}>{l.backgroundHint}</Text>}
          <BulkJobProgress tenantId={tenantId} jobId={jobId} />
        </section>
      )}
    </DialogShell>
  );
}
