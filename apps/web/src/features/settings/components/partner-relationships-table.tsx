import type { PartnerRelationship } from "@allot/contracts";
import { Badge, Button, makeStyles, Text, tokens, useRestoreFocusTarget } from "@fluentui/react-components";
import { ArrowUndoRegular, CalendarEditRegular, PersonDeleteRegular } from "@fluentui/react-icons";
import { type DataColumn, DataTable } from "@/components/data-table";
import { useI18n } from "@/lib/i18n";
import { useSettingsTexts } from "../texts";

const useStyles = makeStyles({
  table: { minWidth: "960px" },
  stack: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground2 },
  agents: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

export type PartnerAction = "remove" | "reinstate" | "endDate";

/** A relationship's status in words, with its end date (colour is never the only cue). */
function StatusCell({ relationship }: { relationship: PartnerRelationship }) {
  const styles = useStyles();
  const s = useSettingsTexts().partners;
  const { formatDate } = useI18n();
  if (relationship.status === "terminated") {
    return (
      <Badge appearance="tint" color="danger">
        {s.removed}
      </Badge>
    );
  }
  const ends = relationship.endsAt;
  if (ends && !relationship.grantsAccess) {
    return (
      <Badge appearance="tint" color="subtle">
        {s.endedOn(formatDate(ends))}
      </Badge>
    );
  }
  return (
    <span className={styles.stack}>
      <Badge appearance="tint" color="success">
        {s.active}
      </Badge>
      {ends ? (
        <Text size={200} className={styles.muted}>
          {s.endsOn(formatDate(ends))}
        </Text>
      ) : null}
    </span>
  );
}

/** The partner's agents, each with their last change in this organization. */
function AgentsCell({ relationship }: { relationship: PartnerRelationship }) {
  const styles = useStyles();
  const s = useSettingsTexts().partners;
  const { formatDateTime } = useI18n();
  if (relationship.agents.length === 0) return <span className={styles.muted}>{s.noAgents}</span>;
  return (
    <ul className={styles.agents} aria-label={s.agentsLabel(relationship.partner.name)}>
      {relationship.agents.map((agent) => (
        <li key={agent.userId} className={styles.stack}>
          <span>{agent.displayName}</span>
          <Text size={200} className={styles.muted}>
            {agent.lastActedAt ? s.lastChange(formatDateTime(agent.lastActedAt)) : s.noChanges}
          </Text>
        </li>
      ))}
    </ul>
  );
}

/** Settings › Partner relationships: each partner with its roles, status, agents and what can be done about it. */
export function PartnerRelationshipsTable({
  relationships,
  onAction,
}: {
  relationships: readonly PartnerRelationship[];
  onAction: (action: PartnerAction, relationship: PartnerRelationship) => void;
}) {
  const styles = useStyles();
  const s = useSettingsTexts().partners;
  const restoreFocusTarget = useRestoreFocusTarget();
  const columns: Array<DataColumn<PartnerRelationship>> = [
    {
      id: "partner",
      header: s.columns.partner,
      cell: (relationship) => (
        <span className={styles.stack}>
          <span>{relationship.partner.name}</span>
          <Text size={200} className={styles.muted}>
            {relationship.partner.domain}
          </Text>
        </span>
      ),
    },
    {
      id: "roles",
      header: s.columns.roles,
      cell: (relationship) =>
        relationship.roles.length > 0 ? relationship.roles.map((role) => s.roles[role]).join(", ") : s.noRoles,
    },
    { id: "status", header: s.columns.status, cell: (relationship) => <StatusCell relationship={relationship} /> },
    { id: "agents", header: s.columns.agents, cell: (relationship) => <AgentsCell relationship={relationship} /> },
    {
      id: "actions",
      header: s.columns.actions,
      cell: (relationship) => {
        const name = relationship.partner.name;
        return (
          <span className={styles.actions}>
            {relationship.status === "active" ? (
              <Button
                size="small"
                icon={<PersonDeleteRegular />}
                aria-label={s.removeLabel(name)}
                onClick={() => onAction("remove", relationship)}
                {...restoreFocusTarget}
              >
                {s.remove}
              </Button>
            ) : (
              <Button
                size="small"
                icon={<ArrowUndoRegular />}
                aria-label={s.reinstateLabel(name)}
                onClick={() => onAction("reinstate", relationship)}
              >
                {s.reinstate}
              </Button>
            )}
            {relationship.status === "active" ? (
              <Button
                size="small"
                icon={<CalendarEditRegular />}
                aria-label={s.setEndDateLabel(name)}
                onClick={() => onAction("endDate", relationship)}
                {...restoreFocusTarget}
              >
                {s.setEndDate}
              </Button>
            ) : null}
          </span>
        );
      },
    },
  ];
  return (
    <DataTable
      label={s.tableLabel}
      className={styles.table}
      columns={columns}
      rows={relationships}
      rowKey={(relationship) => relationship.id}
    />
  );
}
