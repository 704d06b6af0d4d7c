import type { Environment } from "@allot/contracts";
import { Spinner, Toolbar, ToolbarButton, useRestoreFocusTarget } from "@fluentui/react-components";
import { AddRegular, DeleteRegular, EditRegular, GlobeRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { type DataColumn, DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { useListPageStyles } from "@/components/list-page-styles";
import { useNotify } from "@/components/notify";
import { TableSurface } from "@/components/table-surface";
import { LiveStatus, VisuallyHidden } from "@/components/visually-hidden";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { useDeleteEnvironment, useEnvironments } from "../api/environments";
import { EnvironmentDialog } from "../components/environment-dialog";
import { PowerPlatformHeader } from "../components/pp-page";
import { RowActions } from "../components/row-actions";
import { usePowerPlatformTexts } from "../texts";

type Dialog = { kind: "create" } | { kind: "edit" | "delete"; environment: Environment } | null;

/** Power Platform › Environments: the list, New environment, Edit (name and type), Delete (empty ones only). */
export function EnvironmentsRoute() {
  const list = useListPageStyles();
  const { t } = useI18n();
  const p = usePowerPlatformTexts();
  const notify = useNotify();
  const { tenant } = useTenant();
  const environments = useEnvironments(tenant.id);
  const remove = useDeleteEnvironment(tenant.id);
  const restoreFocusTarget = useRestoreFocusTarget();
  const [dialog, setDialog] = useState<Dialog>(null);
  const items = environments.data ?? [];

  const columns: DataColumn<Environment>[] = [
    { id: "name", header: p.environments.columns.name, cell: (environment) => environment.name },
    { id: "type", header: p.environments.columns.type, cell: (environment) => p.environmentTypes[environment.type] },
    { id: "flows", header: p.environments.columns.flows, cell: (environment) => environment.flowCount },
    { id: "machines", header: p.environments.columns.machines, cell: (environment) => environment.machineCount },
    {
      id: "actions",
      header: <VisuallyHidden>{p.actions}</VisuallyHidden>,
      cell: (environment) => (
        <RowActions
          actions={[
            {
              label: p.environments.edit(environment.name),
              icon: <EditRegular />,
              onClick: () => setDialog({ kind: "edit", environment }),
            },
            {
              label: p.environments.remove(environment.name),
              icon: <DeleteRegular />,
              onClick: () => {
                remove.reset();
                setDialog({ kind: "delete", environment });
              },
            },
          ]}
        />
      ),
    },
  ];

  const deleting = dialog?.kind === "delete" ? dialog.environment : undefined;
  return (
    <>
      <PowerPlatformHeader area="environments" title={p.environments.title} description={p.environments.description} />
      <Toolbar aria-label={p.actions}>
        <ToolbarButton icon={<AddRegular />} onClick={() => setDialog({ kind: "create" })} {...restoreFocusTarget}>
          {p.environments.add}
        </ToolbarButton>
      </Toolbar>
      <div className={list.status}>
        <LiveStatus
          visible
          message={environments.isPending ? p.environments.loading : p.environments.shownCount(items.length)}
        />
      </div>
      {environments.isError ? (
        <ErrorMessage error={environments.error} onRetry={() => environments.refetch()} />
      ) : environments.isPending ? (
        <Spinner label={p.environments.loading} />
      ) : items.length === 0 ? (
        <EmptyState icon={<GlobeRegular />} title={p.environments.emptyTitle}>
          {p.environments.emptyBody}
        </EmptyState>
      ) : (
        <TableSurface label={p.environments.tableLabel}>
          <DataTable
            label={p.environments.tableLabel}
            columns={columns}
            rows={items}
            rowKey={(environment) => environment.id}
          />
        </TableSurface>
      )}
      <EnvironmentDialog
        tenantId={tenant.id}
        open={dialog?.kind === "create" || dialog?.kind === "edit"}
        environment={dialog?.kind === "edit" ? dialog.environment : undefined}
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        open={deleting !== undefined}
        title={deleting ? p.environments.deleteDialog.title(deleting.name) : ""}
        confirmLabel={t.common.delete}
        busyLabel={t.common.deleting}
        busy={remove.isPending}
        onCancel={() => setDialog(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notify(p.environments.deleteDialog.deleted(deleting.name));
              setDialog(null);
            },
          })
        }
      >
        {remove.isError ? <ErrorMessage error={remove.error} /> : null}
        <p>{p.environments.deleteDialog.body}</p>
      </ConfirmDialog>
    </>
  );
}
