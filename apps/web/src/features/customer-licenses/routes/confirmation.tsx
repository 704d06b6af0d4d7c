import type { CsvDelimiter } from "@allot/contracts";
import {
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  ProgressBar,
  Spinner,
  Switch,
  Text,
  tokens,
} from "@fluentui/react-components";
import { PrintRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { useParams } from "react-router";
import { BackLink } from "@/components/back-link";
import { CsvExportButton } from "@/components/csv-export-button";
import { ErrorMessage } from "@/components/error-message";
import { jobFinished, jobPercent } from "@/components/licensing/bulk-job-progress";
import { useProductName } from "@/components/licensing/product-names";
import { useListPageStyles } from "@/components/list-page-styles";
import { PageHeader } from "@/components/page-header";
import { usePrintAreaStyles } from "@/components/print-area";
import { LiveStatus } from "@/components/visually-hidden";
import { buildUrl, isApiError, tenantPath } from "@/lib/api-client";
import { useBulkJob } from "@/lib/licensing/bulk";
import { useTenant } from "@/lib/tenant";
import { JobResultsTable } from "../components/job-results-table";
import { useCustomerLicensesTexts } from "../texts";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

const exportUrl = (tenantId: string, jobId: string, delimiter: CsvDelimiter) =>
  buildUrl(tenantPath(tenantId, "licenses", "bulkJobs", jobId, "export"), { delimiter });

/**
 * `/t/:customerId/users-and-licenses/jobs/:jobId`: Partner Center's confirmation page. While the change runs, its
 * progress; once done, per user the licenses assigned and revoked and every failure with its reason. It stays at
 * its address (the job's results), prints without the portal around it, and exports as CSV.
 */
export function ConfirmationRoute() {
  const styles = useStyles();
  const list = useListPageStyles();
  const c = useCustomerLicensesTexts().confirmation;
  const { tenant } = useTenant();
  const { jobId = "" } = useParams();
  const job = useBulkJob(tenant.id, jobId);
  const productName = useProductName(tenant.id);
  const [onlyFailures, setOnlyFailures] = useState(false);
  usePrintAreaStyles();
  const data = job.data;
  const done = jobFinished(data);
  const results = useMemo(
    () => (onlyFailures ? (data?.results ?? []).filter((result) => !result.ok) : (data?.results ?? [])),
    [data, onlyFailures],
  );

  return (
    <>
      <BackLink to={`/t/${tenant.id}/users-and-licenses`}>{c.backToUsers}</BackLink>
      <div data-print-area="" className={styles.body}>
        <PageHeader title={c.title} />
        {job.isError ? (
          <ErrorMessage
            error={job.error}
            title={isApiError(job.error, "NotFound") || isApiError(job.error, "InvalidId") ? c.notFound : c.loadError}
            onRetry={() => job.refetch()}
          />
        ) : !data ? (
          <Spinner label={c.loading} />
        ) : !done ? (
          <>
            <Text>{c.running}</Text>
            <ProgressBar value={jobPercent(data) / 100} aria-label={c.title} />
            <LiveStatus visible message={`${data.processed} / ${data.total}`} />
          </>
        ) : (
          <>
            <MessageBar intent={data.failed > 0 ? "warning" : "success"}>
              <MessageBarBody>
                <LiveStatus visible message={c.summary(data.succeeded, data.failed)} />
              </MessageBarBody>
            </MessageBar>
            <div className={styles.actions} data-no-print="">
              <Button icon={<PrintRegular />} onClick={() => window.print()}>
                {c.print}
              </Button>
              <CsvExportButton label={c.export} hrefFor={(delimiter) => exportUrl(tenant.id, jobId, delimiter)} />
              <Switch
                label={c.onlyFailures}
                checked={onlyFailures}
                onChange={(_, change) => setOnlyFailures(change.checked)}
              />
            </div>
            <section className={list.surface} aria-label={c.tableLabel}>
              <JobResultsTable results={results} productName={productName} />
            </section>
          </>
        )}
      </div>
    </>
  );
}
