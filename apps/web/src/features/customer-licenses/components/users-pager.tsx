import { USER_PAGE_SIZES } from "@allot/contracts";
import { Button, Field, makeStyles, Select, Text, Tooltip, tokens } from "@fluentui/react-components";
import {
  ChevronDoubleLeftRegular,
  ChevronDoubleRightRegular,
  ChevronLeftRegular,
  ChevronRightRegular,
} from "@fluentui/react-icons";
import type { ReactElement } from "react";
import { useCustomerLicensesTexts } from "../texts";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalM,
  },
  buttons: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  page: { minWidth: "9em", textAlign: "center", fontVariantNumeric: "tabular-nums" },
  size: { flexDirection: "row", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/**
 * First / Previous / Next / Last and the page size, as Partner Center pages its users: buttons that cannot move are
 * disabled but stay focusable, so a keyboard user is not thrown elsewhere when the first or last page is reached.
 */
export function UsersPager({
  page,
  pageCount,
  pageSize,
  onPage,
  onPageSize,
}: {
  page: number;
  pageCount: number;
  pageSize: number;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}) {
  const styles = useStyles();
  const p = useCustomerLicensesTexts().pager;
  const button = (label: string, icon: ReactElement, target: number, disabled: boolean) => (
    <Tooltip content={label} relationship="label">
      <Button appearance="subtle" icon={icon} disabledFocusable={disabled} onClick={() => onPage(target)} />
    </Tooltip>
  );
  return (
    <div className={styles.root}>
      <nav className={styles.buttons} aria-label={p.label}>
        {button(p.first, <ChevronDoubleLeftRegular />, 1, page <= 1)}
        {button(p.previous, <ChevronLeftRegular />, page - 1, page <= 1)}
        <Text className={styles.page} aria-live="polite">
          {p.page(page, pageCount)}
        </Text>
        {button(p.next, <ChevronRightRegular />, page + 1, page >= pageCount)}
        {button(p.last, <ChevronDoubleRightRegular />, pageCount, page >= pageCount)}
      </nav>
      <Field label={p.pageSize} className={styles.size}>
        <Select value={String(pageSize)} onChange={(_, data) => onPageSize(Number(data.value))}>
          {USER_PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
