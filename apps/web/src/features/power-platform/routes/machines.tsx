import type { Machine } from "@allot/contracts";
import { Spinner, Toolbar, ToolbarButton, useRestoreFocusTarget } from "@fluentui/react-components";
import { AddRegular, DeleteRegular, DesktopRegular, EditRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { type DataColumn, DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { useListPageStyles } from "@/components/list-page-styles";
import { useNotify } from "@/components/notify";
import { TableSurface } from "@/components/table-surface";
import { LiveStatus, VisuallyHidden } from "@/components/visually-hidden";
import { useTenant } from "@/lib/tenant";
import { useMachines, useRemoveMachine } from "../api/machines";
import { EnvironmentPicker, useEnvironmentChoice } from "../components/environment-picker";
import { MachineDialog } from "../components/machine-dialog";
import { PowerPlatformHeader } from "../components/pp-page";
import { RowActions } from "../components/row-actions";
import { usePowerPlatformTexts } from "../texts";

type Dialog = { kind: "register" } | { kind: "edit" | "remove"; machine: Machine } | null;

/** Power Platform › Machines: one environment's machines, Register, change parallel runs, Remove. */
export function MachinesRoute() {
  const list = useListPageStyles();
  const p = usePowerPlatformTexts();
  const notify = useNotify();
  const { tenant } = useTenant();
  const choice = useEnvironmentChoice();
  const environment = choice.environment;
  const machines = useMachines(tenant.id, environment?.id);
  const remove = useRemoveMachine(tenant.id);
  const restoreFocusTarget = useRestoreFocusTarget();
  const [dialog, setDialog] = useState<Dialog>(null);
  const items = machines.data ?? [];

  const columns: DataColumn<Machine>[] = [
    { id: "name", header: p.machines.columns.name, cell: (machine) => machine.name },
    { id: "runs", header: p.machines.columns.parallelRuns, cell: (machine) => machine.parallelRuns },
    {
      id: "hosted",
      header: p.machines.columns.hosted,
      cell: (machine) => (machine.hosted ? p.machines.yes : p.machines.no),
    },
    { id: "units", header: p.machines.columns.units, cell: (machine) => machine.units },
    {
      id: "actions",
      header: <VisuallyHidden>{p.actions}</VisuallyHidden>,
      cell: (machine) => (
        <RowActions
          actions={[
            {
              label: p.machines.edit(machine.name),
              icon: <EditRegular />,
              onClick: () => setDialog({ kind: "edit", machine }),
            },
            {
              label: p.machines.remove(machine.name),
              icon: <DeleteRegular />,
              onClick: () => {
                remove.reset();
                setDialog({ kind: "remove", machine });
              },
            },
          ]}
        />
      ),
    },
  ];

  const removing = dialog?.kind === "remove" ? dialog.machine : undefined;
  return (
    <>
      <PowerPlatformHeader area="machines" title={p.machines.title} description={p.machines.description} />
      <EnvironmentPicker choice={choice} />
      {environment ? (
        <>
          <Toolbar aria-label={p.actions}>
            <ToolbarButton
              icon={<AddRegular />}
              onClick={() => setDialog({ kind: "register" })}
              {...restoreFocusTarget}
            >
              {p.machines.add}
            </ToolbarButton>
          </Toolbar>
          <div className={list.status}>
            <LiveStatus
              visible
              message={machines.isPending ? p.machines.loading : p.machines.shownCount(items.length)}
            />
          </div>
          {machines.isError ? (
            <ErrorMessage error={machines.error} onRetry={() => machines.refetch()} />
          ) : machines.isPending ? (
            <Spinner label={p.machines.loading} />
          ) : items.length === 0 ? (
            <EmptyState icon={<DesktopRegular />} title={p.machines.emptyTitle}>
              {p.machines.emptyBody}
            </EmptyState>
          ) : (
            <TableSurface label={p.machines.tableLabel}>
              <DataTable
                label={p.machines.tableLabel}
                columns={columns}
                rows={items}
                rowKey={(machine) => machine.id}
              />
            </TableSurface>
          )}
          <MachineDialog
            environment={environment}
            open={dialog?.kind === "register" || dialog?.kind === "edit"}
            machine={dialog?.kind === "edit" ? dialog.machine : undefined}
            onClose={() => setDialog(null)}
          />
        </>
      ) : null}
      <ConfirmDialog
        open={removing !== undefined}
        title={removing ? p.machines.removeDialog.title(removing.name) : ""}
        confirmLabel={p.machines.removeDialog.confirm}
        busyLabel={p.machines.removeDialog.busy}
        busy={remove.isPending}
        onCancel={() => setDialog(null)}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              notify(p.machines.removeDialog.removed(removing.name));
              setDialog(null);
            },
          })
        }
      >
        {remove.isError ? <ErrorMessage error={remove.error} /> : null}
        <p>{p.machines.removeDialog.body}</p>
      </ConfirmDialog>
    </>
  );
}
