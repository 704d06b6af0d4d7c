import type { UserImport } from "@allot/contracts";
import {
  Badge,
  type BadgeProps,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import { useParams } from "react-router";
import { BackLink } from "@/components/back-link";
import { CsvExportButton } from "@/components/csv-export-button";
import { ErrorMessage } from "@/components/error-message";
import { PageHeader } from "@/components/page-header";
import { useTenant } from "@/lib/tenant";
import { resultsExportUrl } from "../api/downloads";
import { useImport } from "../api/get-import";
import { ApplyProgress } from "../components/apply-progress";
import { importPaths } from "../components/import-paths";
import { ImportRowsTable } from "../components/import-rows-table";
import { PasswordsPanel } from "../components/passwords-panel";
import { StepIndicator } from "../components/step-indicator";
import { importSteps } from "../lib/import-steps";
import { useUserImportTexts } from "../texts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  facts: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
  },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
});

const STATUS_COLOR: Record<UserImport["status"], BadgeProps["color"]> = {
  verified: "informative",
  previewed: "informative",
  applying: "brand",
  completed: "success",
  failed: "danger",
};

/** An import's results page (users/import/:importId, licenses/import/:importId): progress, outcome per row, passwords. */
export function ImportResultsRoute() {
  const x = useUserImportTexts();
  const tenantId = useTenant().tenant.id;
  const { importId = "" } = useParams();
  const userImport = useImport(tenantId, importId);
  if (!userImport.data) {
    return (
      <>
        <PageHeader title={x.results.title} />
        {userImport.isError ? (
          <ErrorMessage error={userImport.error} title={x.results.loadFailed} onRetry={() => userImport.refetch()} />
        ) : (
          <Spinner label={x.results.loading} />
        )}
      </>
    );
  }
  return <ImportResults tenantId={tenantId} userImport={userImport.data} />;
}

function ImportResults({ tenantId, userImport }: { tenantId: string; userImport: UserImport }) {
  const styles = useStyles();
  const x = useUserImportTexts();
  const rowsHeadingId = useId();
  const kind = userImport.kind;
  const paths = importPaths(tenantId, kind);
  const applied =
    userImport.status === "applying" || userImport.status === "completed" || userImport.status === "failed";
  const finished = userImport.status === "completed" || userImport.status === "failed";
  const outcomes = userImport.outcomes;
  return (
    <>
      <BackLink to={paths.back}>{kind === "users" ? x.backToUsers : x.backToLicenses}</BackLink>
      <PageHeader title={`${kind === "users" ? x.usersTitle : x.licensesTitle}: ${x.results.title}`} />
      <StepIndicator steps={importSteps(kind)} current="apply" />
      <div className={styles.root}>
        <div className={styles.facts}>
          <Badge appearance="tint" color={STATUS_COLOR[userImport.status]}>
            {x.results.status[userImport.status]}
          </Badge>
          {userImport.fileName ? <Text className={styles.muted}>{x.results.file(userImport.fileName)}</Text> : null}
          {outcomes ? (
            <Text>{x.results.outcomeCounts(outcomes.succeeded ?? 0, outcomes.failed ?? 0, outcomes.skipped ?? 0)}</Text>
          ) : null}
        </div>
        {applied ? <ApplyProgress userImport={userImport} /> : <Text>{x.results.notApplied}</Text>}
        {userImport.status === "failed" ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{x.results.stopped}</MessageBarBody>
          </MessageBar>
        ) : null}
        <PasswordsPanel tenantId={tenantId} userImport={userImport} />
        {finished ? (
          <section className={styles.section} aria-labelledby={rowsHeadingId}>
            <div className={styles.header}>
              <Text as="h2" id={rowsHeadingId} size={500} weight="semibold" className={styles.heading}>
                {x.results.rowsHeading}
              </Text>
              <CsvExportButton
                label={x.results.download}
                hrefFor={(delimiter) => resultsExportUrl(tenantId, userImport.id, delimiter)}
              />
            </div>
            <ImportRowsTable tenantId={tenantId} importId={userImport.id} kind={kind} mode="results" />
          </section>
        ) : null}
      </div>
    </>
  );
}
