import type { DlpPolicies } from "@allot/contracts";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { usePowerPlatformTexts } from "../texts";

/** After Save: the flows the saved policies suspend, each with the policy and the connectors at fault. */
export function SuspendedFlows({
  flows,
  connectorName,
}: {
  flows: DlpPolicies["suspendedFlows"];
  connectorName: (id: string) => string;
}) {
  const p = usePowerPlatformTexts();
  if (flows.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>{p.dlp.suspendedTitle(flows.length)}</MessageBarTitle>
        <ul>
          {flows.map((flow) => (
            <li key={`${flow.id}-${flow.policy}`}>
              {p.dlp.suspendedLine(flow.name, flow.policy, flow.connectors.map(connectorName).join(", "))}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
