import type { BulkJob } from "@allot/contracts";
import {
  Badge,
  type BadgeProps,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  ProgressBar,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { LiveStatus } from "@/components/visually-hidden";
import { useBulkJob } from "@/lib/licensing/bulk";
import { BulkUserResults } from "./bulk-user-results";
import { useProductName } from "./product-names";
import { SeatChanges } from "./seat-changes";
import { useLicensingTexts } from "./texts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  statusRow: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  counts: { color: tokens.colorNeutralForeground2 },
});

/** Announce progress at most every quarter, so a screen reader is not flooded while a long job runs. */
const ANNOUNCE_STEP = 25;

export function jobFinished(job: Pick<BulkJob, "status"> | undefined): boolean {
  return job?.status === "succeeded" || job?.status === "failed";
}

export function jobPercent(job: Pick<BulkJob, "processed" | "total">): number {
  return job.total === 0 ? 100 : Math.floor((job.processed / job.total) * 100);
}

const STATUS_COLOR: Record<BulkJob["status"], BadgeProps["color"]> = {
  queued: "informative",
  running: "brand",
  succeeded: "success",
  failed: "danger",
};

/** The job's state as a badge: waiting, running, finished, stopped. */
export function BulkJobStatusBadge({ status }: { status: BulkJob["status"] }) {
  const l = useLicensingTexts();
  return (
    <Badge appearance="tint" color={STATUS_COLOR[status]}>
      {l.status[status]}
    </Badge>
  );
}

/**
 * A bulk license job as it runs and once it ended: progress bar (processed of total), announcements for screen
 * readers every quarter and at the end, then seats before → after and the per-user results. Polls the job; when a
 * job watched here ends, every licensing view refreshes.
 */
export function BulkJobProgress({ tenantId, jobId }: { tenantId: string; jobId: string }) {
  const styles = useStyles();
  const l = useLicensingTexts();
  const job = useBulkJob(tenantId, jobId);
  const productName = useProductName(tenantId);
  const announcement = useProgressAnnouncement(job.data);

  if (job.data === undefined) {
    return job.isError ? (
      <ErrorMessage error={job.error} title={l.jobLoadFailed} onRetry={() => job.refetch()} />
    ) : (
      <Spinner label={l.loadingJob} />
    );
  }
  const data = job.data;
  const done = jobFinished(data);
  const percent = jobPercent(data);
  return (
    <div className={styles.root}>
      <div className={styles.progress}>
        <div className={styles.statusRow}>
          <BulkJobStatusBadge status={data.status} />
          {data.status === "running" || data.status === "queued" ? (
            <Spinner size="extra-tiny" aria-hidden="true" />
          ) : null}
          <Text className={styles.counts}>{l.resultCounts(data.succeeded, data.failed)}</Text>
        </div>
        <Field
          label={l.progressLabel}
          hint={l.progressText(data.processed, data.total, percent)}
          validationState="none"
        >
          <ProgressBar
            value={data.processed}
            max={Math.max(data.total, 1)}
            thickness="large"
            color={data.status === "failed" ? "error" : done ? (data.failed > 0 ? "warning" : "success") : "brand"}
          />
        </Field>
        <LiveStatus message={announcement} />
      </div>
      {data.status === "failed" ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {l.jobStopped}
            {data.errorCode === "Forbidden" ? (
              <div>{l.jobCreatorForbidden}</div>
            ) : data.error ? (
              <div>{data.error}</div>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {done ? <SeatChanges seats={data.seats} productName={productName} /> : null}
      {data.results.length > 0 ? (
        <BulkUserResults results={data.results} kind="outcome" productName={productName} heading={l.resultsHeading} />
      ) : done ? null : (
        <Text className={styles.counts}>{l.noResultsYet}</Text>
      )}
    </div>
  );
}

/** The sentence a screen reader hears: each quarter of progress, then the outcome once. */
function useProgressAnnouncement(job: BulkJob | undefined): string {
  const l = useLicensingTexts();
  const [message, setMessage] = useState("");
  const lastStep = useRef<number | null>(null);
  const announcedEnd = useRef(false);
  useEffect(() => {
    if (!job) return;
    if (jobFinished(job)) {
      if (announcedEnd.current) return;
      announcedEnd.current = true;
      setMessage(job.status === "failed" ? l.stoppedAnnouncement : l.finishedAnnouncement(job.succeeded, job.failed));
      return;
    }
    const step = Math.floor(jobPercent(job) / ANNOUNCE_STEP) * ANNOUNCE_STEP;
    if (step !== lastStep.current) {
      lastStep.current = step;
      setMessage(step === 0 ? l.jobStarted : l.progressAnnouncement(step));
    }
  }, [job, l]);
  return message;
}
