import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  type TableProps,
  TableRow,
} from "@fluentui/react-components";
import type { ReactNode } from "react";

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
}

interface DataTableProps<Row> extends Pick<TableProps, "size" | "className"> {
  /** What the table lists, for screen readers. */
  label: string;
  /** Columns in order; a falsy entry is left out (a column shown only sometimes). */
  columns: ReadonlyArray<DataColumn<Row> | false | null | undefined>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
}

/**
 * A read-only table of rows under column headers, for lists that need no selection, sorting or virtualisation
 * (orders, invoices, a subscription's seat changes). Grids that select or scroll thousands of rows keep their own
 * markup.
 */
export function DataTable<Row>({ label, columns, rows, rowKey, size, className }: DataTableProps<Row>) {
  const shown = columns.filter((column): column is DataColumn<Row> => Boolean(column));
  return (
    <Table aria-label={label} size={size} className={className}>
      <TableHeader>
        <TableRow>
          {shown.map((column) => (
            <TableHeaderCell
              key={column.id}
              button={column.headerClassName ? { className: column.headerClassName } : undefined}
            >
              {column.header}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={rowKey(row)}>
            {shown.map((column) => (
              <TableCell key={column.id} className={column.className}>
                {column.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
