import type { Flow } from "@allot/contracts";
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { EditRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { DetailsDrawer } from "@/components/details-drawer";
import { useTenant } from "@/lib/tenant";
import { useConnectors, useFlow } from "../api/flows";
import { usePowerPlatformTexts } from "../texts";
import { EditFlowDialog } from "./edit-flow-dialog";
import { FlowLicenseSection } from "./flow-license-section";
import { RunCheck } from "./run-check";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  facts: { display: "grid", gridTemplateColumns: "max-content 1fr", gap: tokens.spacingHorizontalM, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  badge: { marginInlineStart: tokens.spacingHorizontalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

/**
 * A flow's details pane: Edit flow (name, description, connectors, co-owners) for those who may, owner, co-owners,
 * connectors, Licensing (with its own Edit) and the run check.
 */
export function FlowDetailsDrawer({
  flowId,
  initial,
  onClose,
}: {
  flowId: string | null;
  initial: Flow | undefined;
  onClose: () => void;
}) {
  const p = usePowerPlatformTexts();
  const { tenant } = useTenant();
  const query = useFlow(tenant.id, flowId, initial);
  return (
    <DetailsDrawer
      open={flowId !== null}
      title={query.data ? p.flow.title(query.data.name) : null}
      query={query}
      loadErrorTitle={p.flow.loadError}
      onClose={onClose}
    >
      {(flow) => <FlowDetails key={flow.id} flow={flow} />}
    </DetailsDrawer>
  );
}

function FlowDetails({ flow }: { flow: Flow }) {
  const styles = useStyles();
  const p = usePowerPlatformTexts();
  const context = useTenant();
  const connectors = useConnectors(context.tenant.id);
  const connectorOf = (id: string) => connectors.data?.find((connector) => connector.id === id);
  const [editing, setEditing] = useState(false);
  // Focus returns to Edit flow once the dialog closes, which also gives the pane back to assistive technology.
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <div className={styles.body}>
      {flow.canEdit ? (
        <div className={styles.actions}>
          <Button
            icon={<EditRegular />}
            aria-label={p.flow.editFlowLabel(flow.name)}
            onClick={() => setEditing(true)}
            {...restoreFocusTarget}
          >
            {p.flow.editFlow}
          </Button>
          <EditFlowDialog flow={flow} open={editing} onClose={() => setEditing(false)} />
        </div>
      ) : null}
      {flow.suspendedByDlp ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{p.flow.suspendedBody}</MessageBarBody>
        </MessageBar>
      ) : null}
      <dl className={styles.facts}>
        <dt className={styles.term}>{p.flows.columns.kind}</dt>
        <dd className={styles.value}>{p.flowKinds[flow.kind]}</dd>
        <dt className={styles.term}>{p.flow.environment}</dt>
        <dd className={styles.value}>{flow.environmentName}</dd>
        <dt className={styles.term}>{p.flow.owner}</dt>
        <dd className={styles.value}>{`${flow.owner.displayName} (${flow.owner.email})`}</dd>
        <dt className={styles.term}>{p.flow.coOwners}</dt>
        <dd className={styles.value}>
          {flow.coOwners.length === 0
            ? p.flow.noCoOwners
            : flow.coOwners.map((person) => person.displayName).join(", ")}
        </dd>
      </dl>
      <section aria-label={p.flow.connectors}>
        <Text as="h3" weight="semibold" size={400}>
          {p.flow.connectors}
        </Text>
        {flow.connectors.length === 0 ? (
          <Text>{p.flow.noConnectors}</Text>
        ) : (
          <ul className={styles.list}>
            {flow.connectors.map((id) => {
              const connector = connectorOf(id);
              return (
                <li key={id}>
                  {connector?.displayName ?? id}
                  {connector?.tier === "premium" ? (
                    <Badge appearance="tint" color="brand" className={styles.badge}>
                      {p.flows.premium}
                    </Badge>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <FlowLicenseSection flow={flow} />
      {context.can("directory.read") ? <RunCheck flow={flow} /> : null}
    </div>
  );
}
