import type { LicenseRequest } from "@allot/contracts";
import {
  Badge,
  Button,
  makeStyles,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
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
export function RequestsSection({
  tenantId,
  requests,
  labelledBy,
}: {
  tenantId: string;
  requests: readonly LicenseRequest[];
  labelledBy: string;
}) {
  const styles = useStyles();
  const { formatDate, formatDateTime } = useI18n();
  const tx = useAccountTexts();
  const notify = useNotify();
  const withdraw = useWithdrawLicenseRequest(tenantId);
  if (requests.length === 0) return <Text>{tx.noRequests}</Text>;
  return (
    <div className={styles.wrap}>
      {withdraw.isError ? <ErrorMessage error={withdraw.error} /> : null}
      <Table aria-labelledby={labelledBy} className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{tx.requestColumns.product}</TableHeaderCell>
            <TableHeaderCell>{tx.requestColumns.requestedAt}</TableHeaderCell>
            <TableHeaderCell>{tx.requestColumns.status}</TableHeaderCell>
            <TableHeaderCell>{tx.requestColumns.details}</TableHeaderCell>
            <TableHeaderCell>{tx.requestColumns.actions}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {requests.map((request) => {
            const busy = withdraw.isPending && withdraw.variables === request.id;
            return (
              <TableRow key={request.id}>
                <TableCell>{request.productName}</TableCell>
                <TableCell>{formatDateTime(request.createdAt)}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={STATUS_COLORS[request.status]}>
                    {tx.requestStatus[request.status]}
                  </Badge>
                </TableCell>
                <TableCell>
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
                </TableCell>
                <TableCell>
                  {request.status === "pending" ? (
                    <Button
                      size="small"
                      aria-label={tx.withdrawLabel(request.productName)}
                      disabledFocusable={withdraw.isPending}
                      icon={busy ? <Spinner size="tiny" /> : undefined}
                      onClick={() =>
                        withdraw.mutate(request.id, {
                          onSuccess: () => notify(tx.withdrawn(request.productName)),
                        })
                      }
                    >
                      {tx.withdraw}
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
