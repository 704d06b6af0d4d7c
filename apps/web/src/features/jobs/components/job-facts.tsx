import type { BulkJob } from "@allot/contracts";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { describeBulkChange } from "@/components/licensing/describe-change";
import { useProductName } from "@/components/licensing/product-names";
import { useLicensingTexts } from "@/components/licensing/texts";
import { useI18n } from "@/lib/i18n";
import { useJobsTexts } from "../texts";

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
    maxWidth: "760px",
  },
  heading: { margin: 0, marginBottom: tokens.spacingVerticalS },
  list: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
});

/** Who started a bulk change, when, what it does and to how many users. */
export function JobFacts({ job, tenantId }: { job: BulkJob; tenantId: string }) {
  const styles = useStyles();
  const { formatDateTime } = useI18n();
  const l = useLicensingTexts();
  const j = useJobsTexts();
  const productName = useProductName(tenantId);
  const headingId = useId();
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h2" id={headingId} size={400} weight="semibold" className={styles.heading}>
        {j.jobFacts}
      </Text>
      <dl className={styles.list}>
        <dt className={styles.term}>{j.jobChange}</dt>
        <dd className={styles.value}>{describeBulkChange(job, l, productName)}</dd>
        <dt className={styles.term}>{j.jobUsers}</dt>
        <dd className={styles.value}>{l.jobUsers(job.total)}</dd>
        <dt className={styles.term}>{j.jobStartedBy}</dt>
        <dd className={styles.value}>{job.createdBy.displayName ?? j.unknownPerson}</dd>
        <dt className={styles.term}>{j.jobStartedAt}</dt>
        <dd className={styles.value}>{formatDateTime(job.createdAt)}</dd>
        <dt className={styles.term}>{j.jobFinishedAt}</dt>
        <dd className={styles.value}>{job.finishedAt ? formatDateTime(job.finishedAt) : j.notFinished}</dd>
      </dl>
    </section>
  );
}
