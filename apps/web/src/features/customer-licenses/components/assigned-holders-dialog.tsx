import { Button, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { DialogShell } from "@/components/dialog-shell";
import { ErrorMessage } from "@/components/error-message";
import { useI18n } from "@/lib/i18n";
import { useSelectionHolders } from "@/lib/licensing/selection";
import { useCustomerLicensesTexts } from "../texts";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, maxHeight: "50vh", overflowY: "auto" },
  detail: { color: tokens.colorNeutralForeground3 },
});

/** Which of the selected users already hold a product: the list behind its Assigned count. */
export function AssignedHoldersDialog({
  tenantId,
  userIds,
  selectionKey,
  product,
  onClose,
}: {
  tenantId: string;
  userIds: readonly string[];
  selectionKey: string;
  /** The product whose holders to show; null: the dialog is closed. */
  product: { skuId: string; displayName: string } | null;
  onClose: () => void;
}) {
  const styles = useStyles();
  const m = useCustomerLicensesTexts().manage;
  const { t } = useI18n();
  const holders = useSelectionHolders(tenantId, userIds, selectionKey, product?.skuId ?? null);
  return (
    <DialogShell
      open={product !== null}
      title={product ? m.holdersTitle(product.displayName) : ""}
      onClose={onClose}
      actions={
        <Button appearance="primary" onClick={onClose}>
          {t.common.close}
        </Button>
      }
    >
      {holders.isError ? (
        <ErrorMessage error={holders.error} onRetry={() => holders.refetch()} />
      ) : !holders.data ? (
        <Spinner label={m.holdersLoading} />
      ) : holders.data.value.length === 0 ? (
        <Text>{m.holdersNone}</Text>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable list must be reachable by keyboard.
        <ul className={styles.list} tabIndex={0} aria-label={product ? m.holdersTitle(product.displayName) : ""}>
          {holders.data.value.map((holder) => (
            <li key={holder.id}>
              {holder.displayName} <span className={styles.detail}>({holder.email})</span>
              {holder.direct ? null : <span className={styles.detail}> · {m.throughGroup}</span>}
            </li>
          ))}
        </ul>
      )}
    </DialogShell>
  );
}
