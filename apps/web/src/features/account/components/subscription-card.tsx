import type { Subscription } from "@allot/contracts";
import {
  Badge,
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Switch,
  Text,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { DismissCircleRegular, NumberSymbolRegular, PersonAddRegular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { DataTable } from "@/components/data-table";
import { ErrorMessage } from "@/components/error-message";
import { DataLossWarning } from "@/components/licensing/data-loss-warning";
import { useNotify } from "@/components/notify";
import { useMe } from "@/lib/auth";
import { useSetAutoRenew } from "@/lib/billing/subscription-mutations";
import { useI18n } from "@/lib/i18n";
import { useChangeAssignments } from "../api/change-assignments";
import { useAssignments } from "../api/get-assignments";
import { invalidateAfterSubscriptionChange } from "../api/invalidate";
import { useAccountTexts } from "../texts";
import { AssignSeatsDialog } from "./assign-seats-dialog";
import { CancelSubscriptionDialog } from "./cancel-subscription-dialog";
import { ChangeSeatsDialog } from "./change-seats-dialog";

const STATE_COLORS = {
  active: "success",
  expired: "warning",
  disabled: "danger",
  deleted: "subtle",
} as const satisfies Record<Subscription["state"], string>;

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalS, maxWidth: "960px" },
  heading: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  facts: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  tableWrap: { overflowX: "auto" },
});

type Open = "assign" | "seats" | "cancel" | null;

/**
 * A subscription the person bought for themself: seats, use, state, renewal, card; while it is theirs to manage,
 * who holds its seats (with Remove), Assign seats, Change seats, auto-renew and Cancel. Once an admin took it over,
 * only a note saying so.
 */
export function SubscriptionCard({ tenantId, subscription }: { tenantId: string; subscription: Subscription }) {
  const styles = useStyles();
  const { formatDate } = useI18n();
  const tx = useAccountTexts();
  const notify = useNotify();
  const me = useMe().data?.user;
  const headingId = useId();
  const holdersId = useId();
  const restoreFocusTarget = useRestoreFocusTarget();
  const [open, setOpen] = useState<Open>(null);
  const [removing, setRemoving] = useState<{ id: string; displayName: string } | null>(null);
  const takenOver = subscription.takenOverAt !== null;
  const manageable = !takenOver && (subscription.state === "active" || subscription.state === "expired");
  const assignments = useAssignments(tenantId, subscription.id, !takenOver && subscription.state !== "deleted");
  const unassign = useChangeAssignments(tenantId, subscription.id, "unassign");
  // Refreshed after a refusal too, so the switch shows the subscription as it is.
  const autoRenew = useSetAutoRenew(tenantId, subscription.id, {
    invalidate: invalidateAfterSubscriptionChange,
    refreshOnError: true,
  });
  const used = subscription.assignedBySubscriptionOwner;
  const free = Math.max(0, subscription.seats - used);
  const holders = assignments.data?.users ?? [];
  const cancelled = subscription.cancelledAt !== null;

  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId}>
      <div className={styles.heading}>
        <Text as="h3" id={headingId} size={500} weight="semibold" className={styles.title}>
          {subscription.productName}
        </Text>
        <Badge appearance="tint" color={STATE_COLORS[subscription.state]}>
          {tx.states[subscription.state]}
        </Badge>
      </div>
      <div className={styles.facts}>
        <Text>{tx.seatsLine(subscription.seats, used)}</Text>
        {cancelled && subscription.cancelledAt ? (
          <Text>{tx.cancelledOn(formatDate(subscription.cancelledAt))}</Text>
        ) : subscription.state === "active" && subscription.autoRenew ? (
          <Text>{tx.renewsOn(formatDate(subscription.termEndsAt))}</Text>
        ) : subscription.state !== "deleted" ? (
          <Text>{tx.endsOn(formatDate(subscription.nextLifecycleAt ?? subscription.termEndsAt))}</Text>
        ) : null}
        {subscription.cardLast4 ? <Text className={styles.muted}>{tx.card(subscription.cardLast4)}</Text> : null}
      </div>

      {takenOver && subscription.takenOverAt ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{tx.takenOver(formatDate(subscription.takenOverAt))}</MessageBarBody>
        </MessageBar>
      ) : null}

      {manageable ? (
        <>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              icon={<PersonAddRegular />}
              disabledFocusable={free === 0}
              onClick={() => setOpen("assign")}
              {...restoreFocusTarget}
            >
              {tx.assign}
            </Button>
            <Button icon={<NumberSymbolRegular />} onClick={() => setOpen("seats")} {...restoreFocusTarget}>
              {tx.changeSeats}
            </Button>
            {!cancelled ? (
              <Button icon={<DismissCircleRegular />} onClick={() => setOpen("cancel")} {...restoreFocusTarget}>
                {tx.cancel}
              </Button>
            ) : null}
            {!cancelled ? (
              <Switch
                label={tx.autoRenew}
                checked={autoRenew.isPending ? Boolean(autoRenew.variables) : subscription.autoRenew}
                disabled={autoRenew.isPending}
                onChange={(_, data) => autoRenew.mutate(data.checked)}
              />
            ) : null}
          </div>
          {autoRenew.isError ? <ErrorMessage error={autoRenew.error} /> : null}
        </>
      ) : null}

      {!takenOver && subscription.state !== "deleted" ? (
        <section aria-labelledby={holdersId}>
          <Text as="h4" id={holdersId} weight="semibold" className={styles.title}>
            {tx.holders}
          </Text>
          {unassign.isError ? <ErrorMessage error={unassign.error} /> : null}
          {assignments.isPending ? (
            <Spinner size="tiny" labelPosition="after" label={tx.holdersLoading} />
          ) : assignments.isError ? (
            <ErrorMessage error={assignments.error} onRetry={() => assignments.refetch()} />
          ) : holders.length === 0 ? (
            <Text className={styles.muted}>{tx.noHolders}</Text>
          ) : (
            <div className={styles.tableWrap}>
              <DataTable
                label={tx.holders}
                size="small"
                rows={holders}
                rowKey={(holder) => holder.id}
                columns={[
                  {
                    id: "name",
                    header: tx.columns.name,
                    cell: (holder) => (holder.id === me?.id ? tx.you(holder.displayName) : holder.displayName),
                  },
                  { id: "email", header: tx.columns.email, cell: (holder) => holder.email },
                  manageable && {
                    id: "actions",
                    header: tx.columns.actions,
                    cell: (holder) => (
                      <Button
                        size="small"
                        aria-label={tx.removeLabel(holder.displayName)}
                        onClick={() => setRemoving(holder)}
                        {...restoreFocusTarget}
                      >
                        {tx.remove}
                      </Button>
                    ),
                  },
                ]}
              />
            </div>
          )}
        </section>
      ) : null}

      <AssignSeatsDialog
        tenantId={tenantId}
        subscription={subscription}
        open={open === "assign"}
        holders={new Set(holders.map((holder) => holder.id))}
        free={free}
        onClose={() => setOpen(null)}
      />
      <ChangeSeatsDialog
        tenantId={tenantId}
        subscription={subscription}
        open={open === "seats"}
        onClose={() => setOpen(null)}
      />
      <CancelSubscriptionDialog
        tenantId={tenantId}
        subscription={subscription}
        open={open === "cancel"}
        onClose={() => setOpen(null)}
      />
      <ConfirmDialog
        open={removing !== null}
        title={tx.removeTitle}
        confirmLabel={tx.remove}
        busy={unassign.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          const name = removing.displayName;
          unassign.mutate([removing.id], {
            onSuccess: () => notify(tx.removed(name)),
            onSettled: () => setRemoving(null),
          });
        }}
      >
        {removing ? (
          <>
            <Text block>{tx.removeBody(removing.displayName, subscription.productName)}</Text>
            <DataLossWarning licenses={1} users={1} />
          </>
        ) : null}
      </ConfirmDialog>
    </Card>
  );
}
