import type { LicenseRequest } from "@allot/contracts";
import { Badge, Button, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { DataTable } from "@/components/data-table";
import { ErrorMessage } from "@/components/error-message";
import { useNotify } from "@/components/notify";
import { useI18n } from "@/lib/i18n";
import { useWithdrawLicenseRequest } from "../api/withdraw-request";
import { useAccountTexts } from "../texts";

const STATUS_COLORS = {
  pending: "warning",
  approved: "success",
  denied: "danger",
  cancelled: "subtle",
} as const satisfies Record<LicenseRequest["status"], string>;

const useStyles = makeStyles({
  wrap: { overflowX: "auto", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  table: { minWidth: "640px" },
  details: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** "Your requests": status of each, the reason of a denial, the other product of an approval, and Withdraw. */
export function RequestsSection({ tenantId, requests }: { tenantId: string; requests: readonly LicenseRequest[] }) {
  const styles = useStyles();
  const { formatDate, formatDateTime } = useI18n();
  const tx = useAccountTexts();
  const notify = useNotify();
  const withdraw = useWithdrawLicenseRequest(tenantId);
  if (requests.length === 0) return <Text>{tx.noRequests}</Text>;
  return (
    <div className={styles.wrap}>
      {withdraw.isError ? <ErrorMessage error={withdraw.error} /> : null}
      <DataTable
        label={tx.requestsTitle}
        className={styles.table}
        rows={requests}
        rowKey={(request) => request.id}
        columns={[
          { id: "product", header: tx.requestColumns.product, cell: (request) => request.productName },
          {
            id: "requestedAt",
            header: tx.requestColumns.requestedAt,
            cell: (request) => formatDateTime(request.createdAt),
          },
          {
            id: "status",
            header: tx.requestColumns.status,
            cell: (request) => (
              <Badge appearance="tint" color={STATUS_COLORS[request.status]}>
                {tx.requestStatus[request.status]}
              </Badge>
            ),
          },
          {
            id: "details",
            header: tx.requestColumns.details,
            cell: (request) => (
              <span className={styles.details}>
                {request.status === "approved" && request.fulfilledWith ? (
                  <span>{tx.approvedWith(request.fulfilledWith.productName)}</span>
                ) : null}
                {request.decisionReason ? <span>{tx.deniedReason(request.decisionReason)}</span> : null}
                {request.decidedAt && request.decidedBy ? (
                  <Text size={200} className={styles.muted}>
                    {tx.decidedBy(request.decidedBy.displayName, formatDate(request.decidedAt))}
                  </Text>
                ) : null}
              </span>
            ),
          },
          {
            id: "actions",
            header: tx.requestColumns.actions,
            cell: (request) =>
              request.status === "pending" ? (
                <Button
                  size="small"
                  aria-label={tx.withdrawLabel(request.productName)}
                  disabledFocusable={withdraw.isPending}
                  icon={withdraw.isPending && withdraw.variables === request.id ? <Spinner size="tiny" /> : undefined}
                  onClick={() =>
                    withdraw.mutate(request.id, { onSuccess: () => notify(tx.withdrawn(request.productName)) })
                  }
                >
                  {tx.withdraw}
                </Button>
              ) : null,
          },
        ]}
      />
    </div>
  );
}
