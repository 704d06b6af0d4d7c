import { makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { ErrorMessage } from "@/components/error-message";
import { BulkJobStatusBadge, jobFinished, jobPercent } from "@/components/licensing/bulk-job-progress";
import { describeBulkChange } from "@/components/licensing/describe-change";
import { useProductName } from "@/components/licensing/product-names";
import { useLicensingTexts } from "@/components/licensing/texts";
import { RouterLink } from "@/components/router-link";
import { useI18n } from "@/lib/i18n";
import { useBulkJobs } from "@/lib/licensing/bulk";
import { useLicensesTexts } from "../texts";

const SHOWN = 5;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  main: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: "200px" },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The tenant's latest bulk license changes with their state, each linking to its job page. */
export function RecentJobs({ tenantId }: { tenantId: string }) {
  const styles = useStyles();
  const { t, formatDateTime } = useI18n();
  const l = useLicensingTexts();
  const lt = useLicensesTexts();
  const headingId = useId();
  const jobs = useBulkJobs(tenantId);
  const productName = useProductName(tenantId);
  const items = (jobs.data?.items ?? []).slice(0, SHOWN);
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.heading}>
        {lt.recentJobs}
      </Text>
      {jobs.isPending ? (
        <Spinner size="tiny" label={t.common.loading} />
      ) : jobs.isError ? (
        <ErrorMessage error={jobs.error} title={lt.recentJobsError} onRetry={() => jobs.refetch()} />
      ) : items.length === 0 ? (
        <Text className={styles.muted}>{lt.recentJobsEmpty}</Text>
      ) : (
        <ul className={styles.list}>
          {items.map((job) => {
            const change = describeBulkChange(job, l, productName);
            const when = formatDateTime(job.createdAt);
            return (
              <li key={job.id} className={styles.item}>
                <span className={styles.main}>
                  <RouterLink to={`/t/${tenantId}/licenses/jobs/${job.id}`}>{change}</RouterLink>
                  <Text size={200} className={styles.muted}>
                    {l.jobUsers(job.total)} ·{" "}
                    {job.createdBy.displayName ? lt.jobBy(job.createdBy.displayName, when) : lt.jobByUnknown(when)}
                  </Text>
                </span>
                <BulkJobStatusBadge status={job.status} />
                <Text size={200} className={styles.muted}>
                  {jobFinished(job)
                    ? l.resultCounts(job.succeeded, job.failed)
                    : l.progressText(job.processed, job.total, jobPercent(job))}
                </Text>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
