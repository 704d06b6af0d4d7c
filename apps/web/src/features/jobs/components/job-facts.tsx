import type { BulkJob } from "@allot/contracts";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { describeBulkChange } from "@/components/licensing/describe-change";
import { useProductName } from "@/components/licensing/product-names";
import { useI18n } from "@/lib/i18n";

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
  const { t, formatDateTime } = useI18n();
  const productName = useProductName(tenantId);
  const headingId = useId();
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h2" id={headingId} size={400} weight="semibold" className={styles.heading}>
        {t.licenses.jobFacts}
      </Text>
      <dl className={styles.list}>
        <dt className={styles.term}>{t.licenses.jobChange}</dt>
        <dd className={styles.value}>{describeBulkChange(job, t, productName)}</dd>
        <dt className={styles.term}>{t.licenses.jobUsers}</dt>
        <dd className={styles.value}>{t.licensing.jobUsers(job.total)}</dd>
        <dt className={styles.term}>{t.licenses.jobStartedBy}</dt>
        <dd className={styles.value}>{job.createdBy.displayName ?? t.licenses.unknownPerson}</dd>
        <dt className={styles.term}>{t.licenses.jobStartedAt}</dt>
        <dd className={styles.value}>{formatDateTime(job.createdAt)}</dd>
        <dt className={styles.term}>{t.licenses.jobFinishedAt}</dt>
        <dd className={styles.value}>{job.finishedAt ? formatDateTime(job.finishedAt) : t.licenses.notFinished}</dd>
      </dl>
    </section>
  );
}
