import type { Flow } from "@allot/contracts";
import { Spinner, Toolbar, ToolbarButton, useRestoreFocusTarget } from "@fluentui/react-components";
import { AddRegular, FlowRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { useListPageStyles } from "@/components/list-page-styles";
import { TableSurface } from "@/components/table-surface";
import { LiveStatus } from "@/components/visually-hidden";
import { useQueryParams } from "@/lib/hooks";
import { useTenant } from "@/lib/tenant";
import { useFlows } from "../api/flows";
import { EnvironmentPicker, useEnvironmentChoice } from "../components/environment-picker";
import { FlowDetailsDrawer } from "../components/flow-details-drawer";
import { FlowsTable } from "../components/flows-table";
import { NewFlowDialog } from "../components/new-flow-dialog";
import { PowerPlatformHeader } from "../components/pp-page";
import { usePowerPlatformTexts } from "../texts";

/**
 * Power Platform › Flows, and a maker's My flows: one environment's flows (the API lists a maker's own and co-owned
 * ones only), each opening its details pane with the license that pays for it.
 */
export function FlowsRoute() {
  const list = useListPageStyles();
  const p = usePowerPlatformTexts();
  const context = useTenant();
  const admin = context.can("powerPlatform.manage");
  const choice = useEnvironmentChoice();
  const environment = choice.environment;
  const flows = useFlows(context.tenant.id, environment?.id);
  const [params, update] = useQueryParams();
  const openFlowId = params.get("flow");
  const [creating, setCreating] = useState(false);
  const restoreFocusTarget = useRestoreFocusTarget();
  const items = flows.data ?? [];

  return (
    <>
      <PowerPlatformHeader
        area="flows"
        title={admin ? p.flows.title : p.flows.myTitle}
        description={admin ? p.flows.description : p.flows.myDescription}
      />
      <EnvironmentPicker choice={choice} />
      {environment ? (
        <>
          {context.can("flows.create") ? (
            <Toolbar aria-label={p.actions}>
              <ToolbarButton icon={<AddRegular />} onClick={() => setCreating(true)} {...restoreFocusTarget}>
                {p.flows.add}
              </ToolbarButton>
            </Toolbar>
          ) : null}
          <div className={list.status}>
            <LiveStatus visible message={flows.isPending ? p.flows.loading : p.flows.shownCount(items.length)} />
          </div>
          {flows.isError ? (
            <ErrorMessage error={flows.error} onRetry={() => flows.refetch()} />
          ) : flows.isPending ? (
            <Spinner label={p.flows.loading} />
          ) : items.length === 0 ? (
            <EmptyState icon={<FlowRegular />} title={p.flows.emptyTitle}>
              {p.flows.emptyBody}
            </EmptyState>
          ) : (
            <TableSurface label={p.flows.tableLabel}>
              <FlowsTable flows={items} onOpen={(flow: Flow) => update({ flow: flow.id })} />
            </TableSurface>
          )}
          <NewFlowDialog environment={environment} open={creating} onClose={() => setCreating(false)} />
        </>
      ) : null}
      <FlowDetailsDrawer
        flowId={openFlowId}
        initial={items.find((flow) => flow.id === openFlowId)}
        onClose={() => update({ flow: undefined })}
      />
    </>
  );
}
