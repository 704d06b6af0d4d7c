import type { LicenseRequest } from "@allot/contracts";
import { Button, makeStyles, Text, tokens, useRestoreFocusTarget } from "@fluentui/react-components";
import { CheckmarkRegular, DismissRegular } from "@fluentui/react-icons";
import { type DataColumn, DataTable } from "@/components/data-table";
import { useI18n } from "@/lib/i18n";
import { useRequestsTexts } from "../texts";
import { RequestStatusBadge } from "./status-badge";

const useStyles = makeStyles({
  table: { minWidth: "1000px" },
  stack: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  message: { maxWidth: "36ch", whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

export type Decision = "approve" | "deny";

/** License requests with who asked for what, when, and the decision; pending rows offer Approve and Deny. */
export function RequestsTable({
  requests,
  canDecide,
  onDecide,
}: {
  requests: readonly LicenseRequest[];
  canDecide: boolean;
  onDecide: (decision: Decision, request: LicenseRequest) => void;
}) {
  const styles = useStyles();
  const { formatDateTime } = useI18n();
  const tx = useRequestsTexts();
  const restoreFocusTarget = useRestoreFocusTarget();
  const columns: Array<DataColumn<LicenseRequest> | false> = [
    {
      id: "requester",
      header: tx.columns.requester,
      cell: (request) => (
        <span className={styles.stack}>
          <span>{request.requester.displayName}</span>
          <Text size={200} className={styles.muted}>
            {request.requester.email}
          </Text>
        </span>
      ),
    },
    {
      id: "product",
      header: tx.columns.product,
      cell: (request) => (
        <span className={styles.stack}>
          <span>{request.productName}</span>
          {request.fulfilledWith ? (
            <Text size={200} className={styles.muted}>
              {tx.fulfilledWith(request.fulfilledWith.productName)}
            </Text>
          ) : null}
        </span>
      ),
    },
    {
      id: "message",
      header: tx.columns.message,
      cell: (request) =>
        request.message ? (
          <span className={styles.message}>{request.message}</span>
        ) : (
          <span className={styles.muted}>{tx.noMessage}</span>
        ),
    },
    { id: "requestedAt", header: tx.columns.requestedAt, cell: (request) => formatDateTime(request.createdAt) },
    { id: "status", header: tx.columns.status, cell: (request) => <RequestStatusBadge status={request.status} /> },
    {
      id: "decided",
      header: tx.columns.decided,
      cell: (request) =>
        request.decidedAt
          ? request.decidedBy
            ? tx.decidedBy(request.decidedBy.displayName, formatDateTime(request.decidedAt))
            : formatDateTime(request.decidedAt)
          : null,
    },
    {
      id: "reason",
      header: tx.columns.reason,
      cell: (request) =>
        request.decisionReason ? <span className={styles.message}>{request.decisionReason}</span> : null,
    },
    canDecide && {
      id: "actions",
      header: tx.columns.actions,
      cell: (request) =>
        request.status === "pending" ? (
          <span className={styles.actions}>
            <Button
              size="small"
              appearance="primary"
              icon={<CheckmarkRegular />}
              aria-label={tx.approveLabel(request.requester.displayName, request.productName)}
              onClick={() => onDecide("approve", request)}
              {...restoreFocusTarget}
            >
              {tx.approve}
            </Button>
            <Button
              size="small"
              icon={<DismissRegular />}
              aria-label={tx.denyLabel(request.requester.displayName, request.productName)}
              onClick={() => onDecide("deny", request)}
              {...restoreFocusTarget}
            >
              {tx.deny}
            </Button>
          </span>
        ) : null,
    },
  ];
  return (
    <DataTable
      label={tx.tableLabel}
      className={styles.table}
      columns={columns}
      rows={requests}
      rowKey={(request) => request.id}
    />
  );
}
