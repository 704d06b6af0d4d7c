import type { SubscribedSku } from "@allot/contracts";
import {
  Button,
  Checkbox,
  Link,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Tooltip,
  tokens,
} from "@fluentui/react-components";
import { CartRegular, ChevronDownRegular, ChevronUpRegular } from "@fluentui/react-icons";
import { Fragment, useState } from "react";
import { ServicePlanChecklist } from "@/components/licensing/service-plan-checklist";
import { RouterLink } from "@/components/router-link";
import { useI18n } from "@/lib/i18n";
import { nextToggleState, type ToggleState } from "@/lib/licensing/license-toggles";
import { useCustomerLicensesTexts } from "../texts";

const useStyles = makeStyles({
  table: { minWidth: "760px" },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  checkboxCell: { width: "44px" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  noneLeft: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  plans: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}` },
  hint: { display: "block", color: tokens.colorNeutralForeground3, marginBottom: tokens.spacingVerticalXS },
});

export interface ProductRow {
  sku: SubscribedSku;
  /** What its checkbox shows now, and what the selected users hold (where clicks cycle from). */
  state: ToggleState;
  initial: ToggleState;
  /** Selected users holding it in effect. */
  holders: number;
  disabledPlans: ReadonlySet<string>;
}

/**
 * The Manage licenses page's products: a tri-state checkbox per product, its total and available seats, how many of
 * the selected users hold it (a link to who), Buy more when no seat is free, and its service plans on demand.
 */
export function ProductLicensesTable({
  tenantId,
  rows,
  selectedCount,
  canBuy,
  onToggle,
  onPlansChange,
  onShowHolders,
}: {
  tenantId: string;
  rows: readonly ProductRow[];
  selectedCount: number;
  canBuy: boolean;
  onToggle: (skuId: string, state: ToggleState) => void;
  onPlansChange: (skuId: string, disabled: Set<string>) => void;
  onShowHolders: (sku: SubscribedSku) => void;
}) {
  const styles = useStyles();
  const m = useCustomerLicensesTexts().manage;
  const { formatNumber } = useI18n();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggleExpanded = (skuId: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (next.has(skuId)) next.delete(skuId);
      else next.add(skuId);
      return next;
    });

  return (
    <Table aria-label={m.productsLabel} className={styles.table}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.checkboxCell} />
          <TableHeaderCell>{m.columns.product}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{m.columns.total}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{m.columns.available}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{m.columns.assigned}</TableHeaderCell>
          <TableHeaderCell>{m.columns.actions}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(({ sku, state, initial, holders, disabledPlans }) => {
          const open = expanded.has(sku.skuId);
          const plansId = `plans-${sku.skuId}`;
          return (
            <Fragment key={sku.skuId}>
              <TableRow>
                <TableCell className={styles.checkboxCell}>
                  <Checkbox
                    aria-label={m.checkbox(sku.displayName)}
                    checked={state === "mixed" ? "mixed" : state === "checked"}
                    onChange={() => onToggle(sku.skuId, nextToggleState(state, initial))}
                  />
                </TableCell>
                <TableCell>{sku.displayName}</TableCell>
                <TableCell className={styles.number}>
                  {formatNumber(sku.prepaidUnits.enabled + sku.prepaidUnits.warning)}
                </TableCell>
                <TableCell className={styles.number}>
                  <span className={sku.available <= 0 ? styles.noneLeft : undefined}>
                    {formatNumber(Math.max(sku.available, 0))}
                  </span>
                </TableCell>
                <TableCell className={styles.number}>
                  <Link
                    aria-label={m.assignedLabel(sku.displayName, holders, selectedCount)}
                    onClick={() => onShowHolders(sku)}
                  >
                    {m.assignedLink(holders, selectedCount)}
                  </Link>
                </TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    {sku.available > 0 ? null : canBuy ? (
                      <RouterLink to={`/t/${tenantId}/billing?buy=${encodeURIComponent(sku.skuId)}&seats=1`}>
                        {m.buyMore}
                      </RouterLink>
                    ) : (
                      <Tooltip content={m.cannotBuy} relationship="description">
                        <Button size="small" icon={<CartRegular />} disabledFocusable>
                          {m.buyMore}
                        </Button>
                      </Tooltip>
                    )}
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={open ? <ChevronUpRegular /> : <ChevronDownRegular />}
                      iconPosition="after"
                      aria-expanded={open}
                      aria-controls={open ? plansId : undefined}
                      aria-label={`${open ? m.hidePlans : m.showPlans}: ${sku.displayName}`}
                      onClick={() => toggleExpanded(sku.skuId)}
                    >
                      {open ? m.hidePlans : m.showPlans}
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
              {open ? (
                <TableRow id={plansId}>
                  <TableCell colSpan={6} className={styles.plans}>
                    <Text size={200} className={styles.hint}>
                      {m.plansHint}
                    </Text>
                    <ServicePlanChecklist
                      productName={sku.displayName}
                      plans={sku.servicePlans}
                      disabledPlans={disabledPlans}
                      onChange={(disabled) => onPlansChange(sku.skuId, disabled)}
                      readOnly={state !== "checked"}
                    />
                  </TableCell>
                </TableRow>
              ) : null}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
