import type { Group, GroupLicenses } from "@allot/contracts";
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
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
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { ArrowSyncRegular, KeyMultipleRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { ErrorMessage } from "@/components/error-message";
import { GatedButton } from "@/components/gated-button";
import { DataLossWarning } from "@/components/licensing/data-loss-warning";
import { useNotify } from "@/components/notify";
import { useI18n } from "@/lib/i18n";
import { useSubscribedSkus } from "@/lib/licensing/subscribed-skus";
import { useAssignGroupLicenses } from "../api/assign-group-licenses";
import { useGroupLicenses } from "../api/get-group-licenses";
import { useReprocessGroupLicenses } from "../api/reprocess-group-licenses";
import { useGroupsTexts } from "../texts";
import { AssignGroupLicensesDialog } from "./assign-group-licenses-dialog";
import { errorsBySku, violationText } from "./license-errors";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  subheading: { margin: 0, marginTop: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  actionColumn: { width: "120px" },
  wrap: { overflowWrap: "anywhere" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Group details › Licenses: the products the group hands its members, and the members it could not give them to. */
export function GroupLicensesSection({ tenantId, group }: { tenantId: string; group: Group }) {
  const styles = useStyles();
  const { t, formatNumber } = useI18n();
  const g = useGroupsTexts();
  const notify = useNotify();
  const licenses = useGroupLicenses(tenantId, group.id);
  const skus = useSubscribedSkus(tenantId);
  const assign = useAssignGroupLicenses(tenantId, group.id);
  const reprocess = useReprocessGroupLicenses(tenantId, group.id);
  const restoreFocusTarget = useRestoreFocusTarget();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const [result, setResult] = useState<GroupLicenses | null>(null);

  const nameOf = (skuId: string) =>
    skus.data?.find((sku) => sku.skuId === skuId)?.displayName ?? g.licenses.unknownProduct;
  const planCount = (skuId: string) => skus.data?.find((sku) => sku.skuId === skuId)?.servicePlans.length;
  const removeErrors = errorsBySku(assign.error, t, g.licenses.unknownReason);

  const data = licenses.data;
  return (
    <section className={styles.section} aria-labelledby={`group-licenses-${group.id}`}>
      <Text as="h3" id={`group-licenses-${group.id}`} weight="semibold" size={400} className={styles.heading}>
        {g.licenses.title}
      </Text>
      <Text className={styles.muted}>{g.licenses.intro}</Text>
      {licenses.isPending ? (
        <Spinner size="tiny" label={g.licenses.loading} labelPosition="after" />
      ) : licenses.isError || !data ? (
        <ErrorMessage error={licenses.error} title={g.licenses.loadError} onRetry={() => licenses.refetch()} />
      ) : (
        <>
          <div className={styles.actions}>
            <GatedButton
              action="licenses.assign"
              icon={<KeyMultipleRegular />}
              onClick={() => setDialogOpen(true)}
              {...restoreFocusTarget}
            >
              {g.licenses.assign}
            </GatedButton>
          </div>
          {assign.isError && removeErrors.size === 0 ? <ErrorMessage error={assign.error} /> : null}
          {data.assignedLicenses.length === 0 ? (
            <Text className={styles.muted}>{g.licenses.none}</Text>
          ) : (
            <Table size="small" aria-label={g.licenses.productsLabel}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{g.licenses.product}</TableHeaderCell>
                  <TableHeaderCell>{g.licenses.appsAndServices}</TableHeaderCell>
                  <TableHeaderCell className={styles.actionColumn}>
                    <span className={styles.muted}>{t.users.columns.actions}</span>
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.assignedLicenses.map((license) => {
                  const name = nameOf(license.skuId);
                  const total = planCount(license.skuId);
                  const errors = removeErrors.get(license.skuId) ?? [];
                  return (
                    <TableRow key={license.skuId}>
                      <TableCell className={styles.wrap}>
                        {name}
                        {errors.length > 0 ? (
                          <div className={styles.error} role="alert">
                            {errors.join(" ")}
                          </div>
                        ) : null}
                      </TableCell>
                      <TableCell>
                        {license.disabledPlans.length === 0 || total === undefined
                          ? g.licenses.allOn
                          : g.licenses.plansOn(formatNumber(total - license.disabledPlans.length), formatNumber(total))}
                      </TableCell>
                      <TableCell>
                        <GatedButton
                          action="licenses.assign"
                          size="small"
                          appearance="subtle"
                          aria-label={g.licenses.removeLabel(name)}
                          onClick={() => setRemoving(license.skuId)}
                          {...restoreFocusTarget}
                        >
                          {g.licenses.remove}
                        </GatedButton>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}

          <MembersInError
            licenses={data}
            nameOf={nameOf}
            reprocessing={reprocess.isPending}
            onReprocess={() => {
              setResult(null);
              reprocess.mutate(undefined, { onSuccess: setResult });
            }}
          />
          <div role="status" aria-live="polite">
            {result ? (
              <MessageBar intent={result.membersWithLicenseErrorsCount === 0 ? "success" : "warning"}>
                <MessageBarBody>
                  {result.membersWithLicenseErrorsCount === 0
                    ? g.licenses.reprocessedAll
                    : g.licenses.reprocessedSome(
                        result.membersWithLicenseErrorsCount,
                        formatNumber(result.membersWithLicenseErrorsCount),
                      )}
                </MessageBarBody>
              </MessageBar>
            ) : null}
          </div>
          {reprocess.isError ? <ErrorMessage error={reprocess.error} /> : null}

          <AssignGroupLicensesDialog
            tenantId={tenantId}
            groupName={group.displayName}
            licenses={data}
            open={dialogOpen}
            onClose={() => setDialogOpen(false)}
          />
          <ConfirmDialog
            open={removing !== null}
            title={g.licenses.confirmRemoveTitle(1)}
            confirmLabel={g.licenses.confirmRemove}
            busyLabel={g.licenses.removing}
            busy={assign.isPending}
            onCancel={() => setRemoving(null)}
            onConfirm={() => {
              if (!removing) return;
              const name = nameOf(removing);
              assign.mutate(
                { addLicenses: [], removeLicenses: [removing] },
                {
                  onSuccess: () => notify(g.licenses.removed(name, group.displayName)),
                  onSettled: () => setRemoving(null),
                },
              );
            }}
          >
            {removing ? (
              <>
                <Text block>{g.licenses.confirmRemoveBody(nameOf(removing))}</Text>
                <DataLossWarning licenses={1} users={data.memberCount} />
              </>
            ) : null}
          </ConfirmDialog>
        </>
      )}
    </section>
  );
}

function MembersInError({
  licenses,
  nameOf,
  reprocessing,
  onReprocess,
}: {
  licenses: GroupLicenses;
  nameOf: (skuId: string) => string;
  reprocessing: boolean;
  onReprocess: () => void;
}) {
  const styles = useStyles();
  const { t, formatNumber } = useI18n();
  const g = useGroupsTexts();
  const count = licenses.membersWithLicenseErrorsCount;
  const listed = licenses.membersWithLicenseErrors;

  if (licenses.assignedLicenses.length === 0 && count === 0) return null;
  if (count === 0) {
    return <Text>{g.licenses.allApplied(licenses.memberCount, formatNumber(licenses.memberCount))}</Text>;
  }
  return (
    <>
      <Text as="h4" weight="semibold" size={300} className={styles.subheading}>
        {g.licenses.errorsTitle}
      </Text>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{g.licenses.errorsSummary(count, formatNumber(count))}</MessageBarTitle>
          {g.licenses.errorsHint}
        </MessageBarBody>
      </MessageBar>
      <div className={styles.actions}>
        <GatedButton
          action="licenses.assign"
          icon={reprocessing ? <Spinner size="tiny" /> : <ArrowSyncRegular />}
          disabledFocusable={reprocessing}
          onClick={onReprocess}
        >
          {reprocessing ? g.licenses.reprocessing : g.licenses.reprocess}
        </GatedButton>
      </div>
      <Table size="small" aria-label={g.licenses.errorsTitle}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{g.licenses.member}</TableHeaderCell>
            <TableHeaderCell>{g.licenses.product}</TableHeaderCell>
            <TableHeaderCell>{g.licenses.reason}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {listed.map((row) => (
            <TableRow key={`${row.userId}:${row.skuId}`}>
              <TableCell className={styles.wrap}>{row.displayName}</TableCell>
              <TableCell className={styles.wrap}>{nameOf(row.skuId)}</TableCell>
              <TableCell className={styles.wrap}>{violationText(row.error, t, g.licenses.unknownReason)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {count > listed.length ? (
        <Text size={200} className={styles.muted}>
          {g.licenses.errorsTruncated(formatNumber(listed.length), formatNumber(count))}
        </Text>
      ) : null}
    </>
  );
}
