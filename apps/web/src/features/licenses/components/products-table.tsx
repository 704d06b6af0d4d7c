import type { SubscribedSku } from "@allot/contracts";
import { createTableColumn, makeStyles, type TableColumnDefinition, Text, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { ColumnGrid } from "@/components/column-grid";
import { RouterLink } from "@/components/router-link";
import { useI18n } from "@/lib/i18n";
import { useLicensesTexts } from "../texts";
import { ProductBadges } from "./product-badges";
import { inConflict, seatTotal, UsageBar } from "./usage-bar";

const useStyles = makeStyles({
  grid: { minWidth: "720px" },
  name: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  negative: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  bar: { minWidth: "120px", width: "100%" },
  numeric: { fontVariantNumeric: "tabular-nums" },
  wide: { flexGrow: 3, minWidth: "220px" },
  medium: { flexGrow: 1.5 },
  narrow: { flexGrow: 1 },
});

const WIDTH: Record<string, "wide" | "medium" | "narrow"> = { product: "wide", usage: "medium", status: "medium" };

/** Products with seats: name (links to the product page), total, assigned, available, usage bar, status; sortable. */
export function ProductsTable({
  skus,
  tenantId,
  label,
}: {
  skus: readonly SubscribedSku[];
  tenantId: string;
  label: string;
}) {
  const styles = useStyles();
  const { formatNumber } = useI18n();
  const lt = useLicensesTexts();

  const columns = useMemo<TableColumnDefinition<SubscribedSku>[]>(
    () => [
      createTableColumn<SubscribedSku>({
        columnId: "product",
        compare: (a, b) => a.displayName.localeCompare(b.displayName),
        renderHeaderCell: () => lt.columns.product,
        renderCell: (sku) => (
          <span className={styles.name}>
            <RouterLink to={`/t/${tenantId}/licenses/${sku.skuId}`}>{sku.displayName}</RouterLink>
            <Text size={200} className={styles.muted}>
              {sku.skuPartNumber}
            </Text>
          </span>
        ),
      }),
      createTableColumn<SubscribedSku>({
        columnId: "total",
        compare: (a, b) => seatTotal(a) - seatTotal(b),
        renderHeaderCell: () => lt.columns.total,
        renderCell: (sku) => (
          <span className={styles.name}>
            <span className={styles.numeric}>{formatNumber(seatTotal(sku))}</span>
            {sku.prepaidUnits.warning > 0 ? (
              <Text size={200} className={styles.muted}>
                {lt.warningSeats(sku.prepaidUnits.warning)}
              </Text>
            ) : null}
          </span>
        ),
      }),
      createTableColumn<SubscribedSku>({
        columnId: "assigned",
        compare: (a, b) => a.consumedUnits - b.consumedUnits,
        renderHeaderCell: () => lt.columns.assigned,
        renderCell: (sku) => <span className={styles.numeric}>{formatNumber(sku.consumedUnits)}</span>,
      }),
      createTableColumn<SubscribedSku>({
        columnId: "available",
        compare: (a, b) => a.available - b.available,
        renderHeaderCell: () => lt.columns.available,
        renderCell: (sku) => (
          <span className={inConflict(sku) ? styles.negative : styles.numeric}>{formatNumber(sku.available)}</span>
        ),
      }),
      createTableColumn<SubscribedSku>({
        columnId: "usage",
        compare: (a, b) => a.consumedUnits / Math.max(seatTotal(a), 1) - b.consumedUnits / Math.max(seatTotal(b), 1),
        renderHeaderCell: () => lt.columns.usage,
        renderCell: (sku) => <UsageBar sku={sku} className={styles.bar} />,
      }),
      createTableColumn<SubscribedSku>({
        columnId: "status",
        compare: (a, b) =>
          Number(inConflict(b)) - Number(inConflict(a)) || a.capabilityStatus.localeCompare(b.capabilityStatus),
        renderHeaderCell: () => lt.columns.status,
        renderCell: (sku) =>
          inConflict(sku) || sku.capabilityStatus !== "Enabled" ? (
            <ProductBadges sku={sku} tenantId={tenantId} />
          ) : (
            <Text className={styles.muted}>{lt.capability.Enabled}</Text>
          ),
      }),
    ],
    [lt, tenantId, formatNumber, styles],
  );

  return (
    <ColumnGrid
      items={skus}
      columns={columns}
      getRowId={(sku) => sku.skuId}
      sortable
      defaultSortState={{ sortColumn: "product", sortDirection: "ascending" }}
      focusMode="composite"
      label={label}
      className={styles.grid}
      columnClassName={(columnId) => styles[WIDTH[String(columnId)] ?? "narrow"]}
    />
  );
}
