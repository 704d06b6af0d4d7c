import type { LicenseRequest } from "@allot/contracts";
import {
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { CheckmarkRegular, DismissRegular } from "@fluentui/react-icons";
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
  return (
    <Table aria-label={tx.tableLabel} className={styles.table}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{tx.columns.requester}</TableHeaderCell>
          <TableHeaderCell>{tx.columns.product}</TableHeaderCell>
          <TableHeaderCell>{tx.columns.message}</TableHeaderCell>
          <TableHeaderCell>{tx.columns.requestedAt}</TableHeaderCell>
          <TableHeaderCell>{tx.columns.status}</TableHeaderCell>
          <TableHeaderCell>{tx.columns.decided}</TableHeaderCell>
          <TableHeaderCell>{tx.columns.reason}</TableHeaderCell>
          {canDecide ? <TableHeaderCell>{tx.columns.actions}</TableHeaderCell> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {requests.map((request) => (
          <TableRow key={request.id}>
            <TableCell>
              <span className={styles.stack}>
                <span>{request.requester.displayName}</span>
                <Text size={200} className={styles.muted}>
                  {request.requester.email}
                </Text>
              </span>
            </TableCell>
            <TableCell>
              <span className={styles.stack}>
                <span>{request.productName}</span>
                {request.fulfilledWith ? (
                  <Text size={200} className={styles.muted}>
                    {tx.fulfilledWith(request.fulfilledWith.productName)}
                  </Text>
                ) : null}
              </span>
            </TableCell>
            <TableCell>
              {request.message ? (
                <span className={styles.message}>{request.message}</span>
              ) : (
                <span className={styles.muted}>{tx.noMessage}</span>
              )}
            </TableCell>
            <TableCell>{formatDateTime(request.createdAt)}</TableCell>
            <TableCell>
              <RequestStatusBadge status={request.status} />
            </TableCell>
            <TableCell>
              {request.decidedAt
                ? request.decidedBy
                  ? tx.decidedBy(request.decidedBy.displayName, formatDateTime(request.decidedAt))
                  : formatDateTime(request.decidedAt)
                : null}
            </TableCell>
            <TableCell>
              {request.decisionReason ? <span className={styles.message}>{request.decisionReason}</span> : null}
            </TableCell>
            {canDecide ? (
              <TableCell>
                {request.status === "pending" ? (
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
                ) : null}
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
