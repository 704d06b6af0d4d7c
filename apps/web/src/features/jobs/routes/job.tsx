import { makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { BackLink } from "@/components/back-link";
import { ErrorMessage } from "@/components/error-message";
import { BulkJobProgress } from "@/components/licensing/bulk-job-progress";
import { useLicensingTexts } from "@/components/licensing/texts";
import { PageHeader } from "@/components/page-header";
import { isApiError } from "@/lib/api-client";
import { bulkJobQueryOptions } from "@/lib/licensing/bulk";
import { useTenant } from "@/lib/tenant";
import { JobFacts } from "../components/job-facts";
import { useJobsTexts } from "../texts";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL, maxWidth: "960px" },
});

/**
 * One bulk license change, opened from its URL at any time: what it does, who started it, its progress while it
 * runs (so an admin can leave and come back) and the result per user once it ended.
 */
export function JobRoute() {
  const styles = useStyles();
  const l = useLicensingTexts();
  const j = useJobsTexts();
  const tenantId = useTenant().tenant.id;
  const { jobId = "" } = useParams();
  // BulkJobProgress polls the job; this observer only reads it for the facts.
  const job = useQuery({ ...bulkJobQueryOptions(tenantId, jobId), refetchInterval: false });

  return (
    <>
      <BackLink to={`/t/${tenantId}/licenses`}>{l.backToLicenses}</BackLink>
      <PageHeader title={j.jobTitle} />
      {job.data ? (
        <div className={styles.body}>
          <JobFacts job={job.data} tenantId={tenantId} />
          <BulkJobProgress tenantId={tenantId} jobId={jobId} />
        </div>
      ) : job.isError ? (
        <ErrorMessage
          error={job.error}
          title={
            isApiError(job.error, "NotFound") || isApiError(job.error, "InvalidId") ? j.jobNotFound : l.jobLoadFailed
          }
          onRetry={() => job.refetch()}
        />
      ) : (
        <Spinner label={l.loadingJob} />
      )}
    </>
  );
}
