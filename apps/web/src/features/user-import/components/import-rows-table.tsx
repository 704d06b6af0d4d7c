import { USER_IMPORT_OUTCOMES, type UserImportKind, type UserImportRow } from "@allot/contracts";
import { Badge, Field, makeStyles, Select, Spinner, Text, tokens } from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import { DataTable } from "@/components/data-table";
import { ErrorMessage } from "@/components/error-message";
import { useListPageStyles } from "@/components/list-page-styles";
import { LoadMore } from "@/components/load-more";
import { LiveStatus } from "@/components/visually-hidden";
import { useImportRows } from "../api/get-import-rows";
import type { ImportRowsFilter } from "../api/keys";
import { type ImportAction, shownActions } from "../lib/import-summary";
import { useUserImportTexts } from "../texts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  filter: { maxWidth: "280px" },
  line: { width: "64px" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  problem: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground2 },
});

type Outcome = (typeof USER_IMPORT_OUTCOMES)[number];

/**
 * An import's rows, a page at a time: in the preview with the action each row takes (filter by action), once applied
 * with each row's outcome (filter by outcome). Each row names its changes, its problems and, if applying it failed,
 * the rule that refused it.
 */
export function ImportRowsTable({
  tenantId,
  importId,
  kind,
  mode,
}: {
  tenantId: string;
  importId: string;
  kind: UserImportKind;
  mode: "preview" | "results";
}) {
  const styles = useStyles();
  const list = useListPageStyles();
  const x = useUserImportTexts();
  const r = x.rows;
  const filterId = useId();
  const [choice, setChoice] = useState("");
  const filter: ImportRowsFilter = useMemo(
    () =>
      choice === "" ? {} : mode === "preview" ? { action: choice as ImportAction } : { outcome: choice as Outcome },
    [choice, mode],
  );
  const rows = useImportRows(tenantId, importId, filter);
  // Keyed by position: a license file's removals are rows the file does not have, so lines may repeat.
  const items = useMemo(
    () => (rows.data?.pages.flatMap((page) => page.items) ?? []).map((row, key) => ({ ...row, key })),
    [rows.data],
  );
  const choices =
    mode === "preview"
      ? shownActions(kind).map((action) => ({ value: action, label: x.actions[action] }))
      : USER_IMPORT_OUTCOMES.map((outcome) => ({ value: outcome, label: x.outcomes[outcome] }));

  return (
    <div className={styles.root}>
      <Field label={{ children: r.filterLabel, htmlFor: filterId }} className={styles.filter}>
        <Select id={filterId} value={choice} onChange={(_, data) => setChoice(data.value)}>
          <option value="">{mode === "preview" ? r.allActions : r.allOutcomes}</option>
          {choices.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>
      <LiveStatus message={rows.data ? r.shown(items.length, rows.hasNextPage) : ""} />
      {rows.isError ? (
        <ErrorMessage error={rows.error} onRetry={() => rows.refetch()} />
      ) : !rows.data ? (
        <Spinner size="small" />
      ) : items.length === 0 ? (
        <Text className={styles.muted}>{r.none}</Text>
      ) : (
        <div className={list.surface}>
          <DataTable<UserImportRow & { key: number }>
            label={r.tableLabel}
            size="small"
            rows={items}
            rowKey={(row) => String(row.key)}
            columns={[
              { id: "line", header: r.line, cell: (row) => row.line, headerCellClassName: styles.line },
              {
                id: "user",
                header: r.user,
                cell: (row) => (
                  <div>
                    <div>{row.displayName ?? row.userPrincipalName}</div>
                    {row.displayName ? (
                      <Text size={200} className={styles.muted}>
                        {row.userPrincipalName}
                      </Text>
                    ) : null}
                  </div>
                ),
              },
              kind === "licenses" && { id: "product", header: r.product, cell: (row) => row.product ?? "" },
              mode === "results" && {
                id: "outcome",
                header: r.outcome,
                cell: (row) => (row.outcome ? <OutcomeBadge outcome={row.outcome} /> : ""),
              },
              { id: "action", header: r.action, cell: (row) => (row.action ? x.actions[row.action] : "") },
              { id: "details", header: r.changes, cell: (row) => <RowDetails row={row} /> },
            ]}
          />
        </div>
      )}
      <LoadMore hasMore={rows.hasNextPage} loading={rows.isFetchingNextPage} onLoadMore={() => rows.fetchNextPage()} />
    </div>
  );
}

const OUTCOME_COLOR = { succeeded: "success", failed: "danger", skipped: "informative" } as const;

function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const x = useUserImportTexts();
  return (
    <Badge appearance="tint" color={OUTCOME_COLOR[outcome]}>
      {x.outcomes[outcome]}
    </Badge>
  );
}

/** A row's changes, then its problems (by column) and the error applying it met. */
function RowDetails({ row }: { row: UserImportRow }) {
  const styles = useStyles();
  const lines = [
    ...row.changes.map((change) => ({ text: change, problem: false })),
    ...row.problems.map((problem) => ({
      text: problem.column ? `${problem.column}: ${problem.message}` : problem.message,
      problem: true,
    })),
    ...(row.error ? [{ text: row.error.message, problem: true }] : []),
  ];
  if (lines.length === 0) return null;
  return (
    <ul className={styles.list}>
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same text may come twice; the list never reorders
        <li key={index} className={line.problem ? styles.problem : undefined}>
          {line.text}
        </li>
      ))}
    </ul>
  );
}
