import type { UserImport } from "@allot/contracts";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { CsvExportButton } from "@/components/csv-export-button";
import { DataTable } from "@/components/data-table";
import { useListPageStyles } from "@/components/list-page-styles";
import { problemsExportUrl } from "../api/downloads";
import { useUserImportTexts } from "../texts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
  },
  heading: { margin: 0 },
  line: { width: "80px" },
  column: { width: "200px" },
  muted: { color: tokens.colorNeutralForeground2 },
});

type Problem = UserImport["problems"][number];

/** Every problem Verify found, by the file's line and the column's header, with the log to download. */
export function ProblemsTable({ tenantId, userImport }: { tenantId: string; userImport: UserImport }) {
  const styles = useStyles();
  const list = useListPageStyles();
  const x = useUserImportTexts();
  const p = x.problems;
  const headingId = useId();
  const problems = userImport.problems;
  // The list holds the first problems only; the log has them all.
  const cut = problems.length < userImport.problemRowCount || problems.length >= 1000;
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.header}>
        <Text as="h3" id={headingId} size={400} weight="semibold" className={styles.heading}>
          {p.heading}
        </Text>
        <CsvExportButton
          label={p.downloadLog}
          hrefFor={(delimiter) => problemsExportUrl(tenantId, userImport.id, delimiter)}
        />
      </div>
      {cut ? <Text className={styles.muted}>{p.moreInLog(problems.length, userImport.problemRowCount)}</Text> : null}
      <div className={list.surface}>
        <DataTable<Problem & { key: number }>
          label={p.tableLabel}
          size="small"
          rows={problems.map((problem, key) => ({ ...problem, key }))}
          rowKey={(problem) => String(problem.key)}
          columns={[
            { id: "line", header: p.line, cell: (problem) => problem.line, headerCellClassName: styles.line },
            {
              id: "column",
              header: p.column,
              cell: (problem) => problem.column ?? p.wholeRow,
              headerCellClassName: styles.column,
            },
            { id: "problem", header: p.problem, cell: (problem) => problem.message },
          ]}
        />
      </div>
    </section>
  );
}
