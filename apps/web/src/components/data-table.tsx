import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  type TableProps,
  TableRow,
  TableSelectionCell,
} from "@fluentui/react-components";
import type { MouseEvent, ReactNode } from "react";
import { selectionState, toggleAll, toggleOne } from "./data-table-selection";

const useStyles = makeStyles({
  // Same width as Fluent's selection cell, so rows without a checkbox line up with those that have one.
  noSelection: { width: "44px", minWidth: "44px", padding: 0 },
});

/** One column of a `DataTable`: its header and what a row shows in it. */
export interface DataColumn<Row> {
  /** Stable within the table (React's key). */
  id: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** The cells' class (alignment, tabular numbers). */
  className?: string;
  /** The header button's class, e.g. to right-align a money column's header with its cells. */
  headerClassName?: string;
  /** The header cell's own class, e.g. the column's width. */
  headerCellClassName?: string;
}

/** Checkboxes in a first column: one per row that can be chosen, and one in the header for all of them. */
export interface DataTableSelection<Row> {
  selected: ReadonlySet<string>;
  onChange: (selected: Set<string>) => void;
  /** Whether a row can be chosen (its cell stays empty otherwise); every row when left out. */
  canSelect?: (row: Row) => boolean;
  /** The header checkbox's name, e.g. "Select all users". */
  allLabel: string;
  /** A row checkbox's name, e.g. "Select Megan Bowen". */
  rowLabel: (row: Row) => string;
}

interface DataTableProps<Row> extends Pick<TableProps, "size" | "className"> {
  /** What the table lists, for screen readers. */
  label: string;
  /** Columns in order; a falsy entry is left out (a column shown only sometimes). */
  columns: ReadonlyArray<DataColumn<Row> | false | null | undefined>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Checkboxes to choose rows with; none when left out. */
  selection?: DataTableSelection<Row> | undefined;
  /** A click anywhere on a row (a larger target for mice; keyboard users use the row's link). */
  onRowClick?: (row: Row, event: MouseEvent<HTMLElement>) => void;
  rowClassName?: string;
}

/**
 * A table of rows under column headers, optionally with checkboxes to choose rows, for lists that need no sorting or
 * virtualisation (orders, invoices, conflict holders, reclaim candidates). Grids that scroll thousands of rows keep
 * their own markup.
 */
export function DataTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  selection,
  onRowClick,
  rowClassName,
  size,
  className,
}: DataTableProps<Row>) {
  const styles = useStyles();
  const shown = columns.filter((column): column is DataColumn<Row> => Boolean(column));
  const selectable = selection ? rows.filter((row) => selection.canSelect?.(row) ?? true).map(rowKey) : [];
  const withSelection = selection !== undefined && selectable.length > 0;
  return (
    <Table aria-label={label} size={size} className={className}>
      <TableHeader>
        <TableRow>
          {withSelection ? (
            <TableSelectionCell
              checked={selectionState(selectable, selection.selected)}
              onClick={() => selection.onChange(toggleAll(selectable, selection.selected))}
              checkboxIndicator={{ "aria-label": selection.allLabel }}
            />
          ) : null}
          {shown.map((column) => (
            <TableHeaderCell
              key={column.id}
              className={column.headerCellClassName}
              button={column.headerClassName ? { className: column.headerClassName } : undefined}
            >
              {column.header}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => {
          const key = rowKey(row);
          const canSelect = withSelection && (selection.canSelect?.(row) ?? true);
          return (
            <TableRow
              key={key}
              className={rowClassName}
              aria-selected={canSelect ? selection.selected.has(key) : undefined}
              onClick={onRowClick ? (event) => onRowClick(row, event) : undefined}
            >
              {withSelection ? (
                canSelect ? (
                  <TableSelectionCell
                    checked={selection.selected.has(key)}
                    onClick={() => selection.onChange(toggleOne(selection.selected, key))}
                    checkboxIndicator={{ "aria-label": selection.rowLabel(row) }}
                  />
                ) : (
                  <TableCell className={styles.noSelection} />
                )
              ) : null}
              {shown.map((column) => (
                <TableCell key={column.id} className={column.className}>
                  {column.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
