/**
 * The connectors a flow can use, named by Power Automate's connector ids. Premium connectors need a premium license
 * of whoever runs a flow on its owner's license (or Process / Per flow capacity); standard ones are covered by
 * Microsoft 365. A catalog, not all of Power Automate's 1,000+: the ones admins meet most.
 */
export type ConnectorTier = "standard" | "premium";

export interface Connector {
  id: string;
  displayName: string;
  tier: ConnectorTier;
}

export const CONNECTORS: readonly Connector[] = [
  { id: "shared_office365", displayName: "Office 365 Outlook", tier: "standard" },
  { id: "shared_sharepointonline", displayName: "SharePoint", tier: "standard" },
  { id: "shared_teams", displayName: "Microsoft Teams", tier: "standard" },
  { id: "shared_onedriveforbusiness", displayName: "OneDrive for Business", tier: "standard" },
  { id: "shared_approvals", displayName: "Approvals", tier: "standard" },
  { id: "shared_excelonlinebusiness", displayName: "Excel Online (Business)", tier: "standard" },
  { id: "shared_planner", displayName: "Planner", tier: "standard" },
  { id: "shared_office365users", displayName: "Office 365 Users", tier: "standard" },
  { id: "shared_rss", displayName: "RSS", tier: "standard" },
  { id: "shared_twitter", displayName: "X (Twitter)", tier: "standard" },
  { id: "shared_gmail", displayName: "Gmail", tier: "standard" },
  { id: "shared_dropbox", displayName: "Dropbox", tier: "standard" },
  { id: "shared_commondataserviceforapps", displayName: "Microsoft Dataverse", tier: "premium" },
  { id: "shared_sql", displayName: "SQL Server", tier: "premium" },
  { id: "shared_webcontents", displayName: "HTTP with Microsoft Entra ID", tier: "premium" },
  { id: "shared_salesforce", displayName: "Salesforce", tier: "premium" },
  { id: "shared_azureblob", displayName: "Azure Blob Storage", tier: "premium" },
  { id: "shared_servicebus", displayName: "Azure Service Bus", tier: "premium" },
  { id: "shared_uiflow", displayName: "Desktop flows", tier: "premium" },
];

const BY_ID: ReadonlyMap<string, Connector> = new Map(CONNECTORS.map((connector) => [connector.id, connector]));

export function findConnector(id: string): Connector | undefined {
  return BY_ID.get(id);
}

/** Whether any of the connectors is premium (unknown ids are not: the API refuses them before this). */
export function usesPremiumConnectors(connectorIds: readonly string[]): boolean {
  return connectorIds.some((id) => BY_ID.get(id)?.tier === "premium");
}
