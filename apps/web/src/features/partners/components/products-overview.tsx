import type { PartnerOverview } from "@allot/contracts";
import { makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { CsvExportButton } from "@/components/csv-export-button";
import { type DataColumn, DataTable } from "@/components/data-table";
import { ErrorMessage } from "@/components/error-message";
import { TableSurface } from "@/components/table-surface";
import { useI18n } from "@/lib/i18n";
import { partnerOverviewExportUrl, usePartnerOverview } from "../api/get-overview";
import { usePartnersTexts } from "../texts";

type Product = PartnerOverview["value"][number];

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL },
  heading: { margin: 0 },
  commands: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    marginBlock: tokens.spacingVerticalS,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  muted: { color: tokens.colorNeutralForeground2 },
  table: { minWidth: "720px" },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  numberHeader: { justifyContent: "flex-end" },
});

/** "Products across customers": every product's seats added up over the customers, with its CSV export. */
export function ProductsOverview({ partnerTenantId }: { partnerTenantId: string }) {
  const styles = useStyles();
  const { formatNumber } = useI18n();
  const p = usePartnersTexts().products;
  const overview = usePartnerOverview(partnerTenantId);
  const headingId = useId();
  const hintId = useId();

  const figure = (id: keyof Product & keyof typeof p.columns): DataColumn<Product> => ({
    id,
    header: p.columns[id],
    className: styles.number,
    headerClassName: styles.numberHeader,
    cell: (product) => formatNumber(product[id] as number),
  });
  const columns: DataColumn<Product>[] = [
    {
      id: "product",
      header: p.columns.product,
      cell: (product) => (
        <>
          {product.displayName}
          <Text size={200} className={styles.muted} block>
            {product.skuPartNumber}
          </Text>
        </>
      ),
    },
    figure("customers"),
    figure("bought"),
    figure("assigned"),
    figure("free"),
    figure("conflicts"),
  ];

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.heading}>
        {p.title}
      </Text>
      <div className={styles.commands}>
        <CsvExportButton
          label={p.exportButton}
          hrefFor={(delimiter) => partnerOverviewExportUrl(partnerTenantId, delimiter)}
          aria-describedby={hintId}
        />
        <Text id={hintId} size={200} className={styles.hint}>
          {p.hint}
        </Text>
      </div>
      {overview.isError ? (
        <ErrorMessage error={overview.error} onRetry={() => overview.refetch()} />
      ) : overview.isPending ? (
        <Spinner label={p.loading} />
      ) : overview.data.value.length === 0 ? (
        <Text className={styles.muted}>{p.empty}</Text>
      ) : (
        <TableSurface label={p.tableLabel}>
          <DataTable
            label={p.tableLabel}
            columns={columns}
            rows={overview.data.value}
            rowKey={(product) => product.skuId}
            className={styles.table}
          />
        </TableSurface>
      )}
    </section>
  );
}
