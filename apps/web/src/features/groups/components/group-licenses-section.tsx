import type { Group, GroupLicenses } from "@allot/contracts";
import {
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Text,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { KeyMultipleRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { type DataColumn, DataTable } from "@/components/data-table";
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
import { errorsBySku } from "./license-errors";
import { MembersInError } from "./members-in-error";
import { useSectionStyles } from "./section-styles";

const useStyles = makeStyles({
  actionColumn: { width: "120px" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Group details › Licenses: the products the group hands its members, and the members it could not give them to. */
export function GroupLicensesSection({ tenantId, group }: { tenantId: string; group: Group }) {
  const styles = useStyles();
  const frame = useSectionStyles();
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

  type License = GroupLicenses["assignedLicenses"][number];
  const columns: Array<DataColumn<License>> = [
    {
      id: "product",
      header: g.licenses.product,
      className: frame.wrap,
      cell: (license) => {
        const errors = removeErrors.get(license.skuId) ?? [];
        return (
          <>
            {nameOf(license.skuId)}
            {errors.length > 0 ? (
              <div className={styles.error} role="alert">
                {errors.join(" ")}
              </div>
            ) : null}
          </>
        );
      },
    },
    {
      id: "plans",
      header: g.licenses.appsAndServices,
      cell: (license) => {
        const total = planCount(license.skuId);
        return license.disabledPlans.length === 0 || total === undefined
          ? g.licenses.allOn
          : g.licenses.plansOn(formatNumber(total - license.disabledPlans.length), formatNumber(total));
      },
    },
    {
      id: "actions",
      header: <span className={frame.muted}>{t.users.columns.actions}</span>,
      className: styles.actionColumn,
      cell: (license) => (
        <GatedButton
          action="licenses.assign"
          size="small"
          appearance="subtle"
          aria-label={g.licenses.removeLabel(nameOf(license.skuId))}
          onClick={() => setRemoving(license.skuId)}
          {...restoreFocusTarget}
        >
          {g.licenses.remove}
        </GatedButton>
      ),
    },
  ];

  const data = licenses.data;
  return (
    <section className={frame.section} aria-labelledby={`group-licenses-${group.id}`}>
      <Text as="h3" id={`group-licenses-${group.id}`} weight="semibold" size={400} className={frame.heading}>
        {g.licenses.title}
      </Text>
      <Text className={frame.muted}>{g.licenses.intro}</Text>
      {licenses.isPending ? (
        <Spinner size="tiny" label={g.licenses.loading} labelPosition="after" />
      ) : licenses.isError || !data ? (
        <ErrorMessage error={licenses.error} title={g.licenses.loadError} onRetry={() => licenses.refetch()} />
      ) : (
        <>
          <div className={frame.actions}>
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
            <Text className={frame.muted}>{g.licenses.none}</Text>
          ) : (
            <DataTable
              label={g.licenses.productsLabel}
              size="small"
              columns={columns}
              rows={data.assignedLicenses}
              rowKey={(license) => license.skuId}
            />
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
