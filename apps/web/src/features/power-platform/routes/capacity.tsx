import type { EnvironmentCapacity } from "@allot/contracts";
import { Button, makeStyles, Spinner, Text, tokens, useRestoreFocusTarget } from "@fluentui/react-components";
import { EditRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { type DataColumn, DataTable } from "@/components/data-table";
import { ErrorMessage } from "@/components/error-message";
import { TableSurface } from "@/components/table-surface";
import { VisuallyHidden } from "@/components/visually-hidden";
import { useTenant } from "@/lib/tenant";
import { useCapacity } from "../api/capacity";
import { AddOnSummaries } from "../components/add-on-summary";
import { EditCapacityDialog } from "../components/edit-capacity-dialog";
import { PowerPlatformHeader } from "../components/pp-page";
import { usePowerPlatformTexts } from "../texts";

const useStyles = makeStyles({
  heading: { margin: 0, marginBottom: tokens.spacingVerticalM },
  note: { display: "block", marginBottom: tokens.spacingVerticalL },
});

/** Power Platform › Capacity › Add-ons: what is bought and allocated, and Edit per environment. */
export function CapacityRoute() {
  const styles = useStyles();
  const p = usePowerPlatformTexts();
  const context = useTenant();
  const tenantId = context.tenant.id;
  const capacity = useCapacity(tenantId);
  const restoreFocusTarget = useRestoreFocusTarget();
  const [editing, setEditing] = useState<string | null>(null);
  // Billing and Power Platform admins buy more on Buy products, with the add-on chosen; others get no link.
  const buyHref =
    context.can("billing.manage") || context.can("powerPlatform.buy")
      ? (skuId: string) => `/t/${tenantId}/billing/buy?sku=${encodeURIComponent(skuId)}`
      : undefined;

  const addOns = capacity.data?.addOns ?? [];
  const columns: DataColumn<EnvironmentCapacity>[] = [
    { id: "environment", header: p.capacity.environmentColumn, cell: (environment) => environment.name },
    ...addOns.map(
      (addOn): DataColumn<EnvironmentCapacity> => ({
        id: addOn.skuId,
        header: addOn.displayName,
        cell: (environment) => {
          const allocation = environment.allocations.find((candidate) => candidate.skuId === addOn.skuId);
          return p.capacity.cell(allocation?.quantity ?? 0, allocation?.inUse ?? 0);
        },
      }),
    ),
    {
      id: "edit",
      header: <VisuallyHidden>{p.actions}</VisuallyHidden>,
      cell: (environment) => (
        <Button
          size="small"
          icon={<EditRegular />}
          aria-label={p.capacity.editLabel(environment.name)}
          onClick={() => setEditing(environment.environmentId)}
          {...restoreFocusTarget}
        >
          {p.capacity.edit}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PowerPlatformHeader area="capacity" title={p.capacity.title} description={p.capacity.description} />
      <Text as="h2" size={500} weight="semibold" className={styles.heading}>
        {p.capacity.addOnsHeading}
      </Text>
      {capacity.isError ? (
        <ErrorMessage error={capacity.error} onRetry={() => capacity.refetch()} />
      ) : capacity.isPending ? (
        <Spinner label={p.capacity.loading} />
      ) : (
        <>
          {addOns.length === 0 ? (
            <Text className={styles.note}>{p.capacity.noAddOns}</Text>
          ) : (
            <AddOnSummaries addOns={addOns} buyHref={buyHref} />
          )}
          {capacity.data.environments.length === 0 ? (
            <Text className={styles.note}>{p.capacity.noEnvironments}</Text>
          ) : addOns.length > 0 ? (
            <TableSurface label={p.capacity.tableLabel}>
              <DataTable
                label={p.capacity.tableLabel}
                columns={columns}
                rows={capacity.data.environments}
                rowKey={(environment) => environment.environmentId}
              />
            </TableSurface>
          ) : null}
          <EditCapacityDialog
            tenantId={tenantId}
            capacity={capacity.data}
            environment={capacity.data.environments.find((environment) => environment.environmentId === editing)}
            onClose={() => setEditing(null)}
          />
        </>
      )}
    </>
  );
}
