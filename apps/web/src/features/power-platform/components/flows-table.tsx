import type { Flow } from "@allot/contracts";
import { Badge, Button, makeStyles, tokens } from "@fluentui/react-components";
import { type DataColumn, DataTable } from "@/components/data-table";
import { usePowerPlatformTexts } from "../texts";

const useStyles = makeStyles({
  name: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  open: { minWidth: 0, padding: 0, justifyContent: "start", textAlign: "start" },
  row: { cursor: "pointer" },
});

/** The flows of one environment; a flow's name opens its details pane (a click on the row does too). */
export function FlowsTable({ flows, onOpen }: { flows: Flow[]; onOpen: (flow: Flow) => void }) {
  const styles = useStyles();
  const p = usePowerPlatformTexts();
  const columns: DataColumn<Flow>[] = [
    {
      id: "name",
      header: p.flows.columns.name,
      cell: (flow) => (
        <span className={styles.name}>
          <Button
            appearance="transparent"
            className={styles.open}
            aria-label={p.flows.open(flow.name)}
            onClick={(event) => {
              event.stopPropagation();
              onOpen(flow);
            }}
          >
            {flow.name}
          </Button>
          {flow.usesPremiumConnectors ? (
            <Badge appearance="tint" color="brand">
              {p.flows.premium}
            </Badge>
          ) : null}
          {flow.suspendedByDlp ? (
            <Badge appearance="filled" color="danger">
              {p.flows.suspended}
            </Badge>
          ) : null}
        </span>
      ),
    },
    { id: "kind", header: p.flows.columns.kind, cell: (flow) => p.flowKinds[flow.kind] },
    { id: "owner", header: p.flows.columns.owner, cell: (flow) => flow.owner.displayName },
    { id: "license", header: p.flows.columns.license, cell: (flow) => p.licenseModes[flow.licenseMode] },
  ];
  return (
    <DataTable
      label={p.flows.tableLabel}
      columns={columns}
      rows={flows}
      rowKey={(flow) => flow.id}
      onRowClick={onOpen}
      rowClassName={styles.row}
    />
  );
}
