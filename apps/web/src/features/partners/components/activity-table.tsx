import type { PartnerActivityEvent } from "@allot/contracts";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { type DataColumn, DataTable } from "@/components/data-table";
import { actorName } from "@/lib/audit-actor";
import { useI18n } from "@/lib/i18n";
import { accessChangeOf } from "../lib/activity";
import { usePartnersTexts } from "../texts";

const useStyles = makeStyles({
  table: { minWidth: "880px" },
  muted: { color: tokens.colorNeutralForeground3 },
  detail: { display: "block", color: tokens.colorNeutralForeground2 },
});

/** The partner's activity, one change per row: when, who, in which customer, what and about whom. */
export function ActivityTable({ events }: { events: readonly PartnerActivityEvent[] }) {
  const styles = useStyles();
  const { t, formatDateTime } = useI18n();
  const c = usePartnersTexts();
  const a = c.activity;
  const actions: Readonly<Record<string, string>> = t.audit.actions;

  const columns: DataColumn<PartnerActivityEvent>[] = [
    { id: "when", header: a.columns.when, cell: (event) => formatDateTime(event.createdAt) },
    { id: "who", header: a.columns.who, cell: (event) => actorName(event, t) ?? "—" },
    {
      id: "customer",
      header: a.columns.customer,
      cell: (event) => event.customer?.name ?? <span className={styles.muted}>{a.yourCompany}</span>,
    },
    {
      id: "what",
      header: a.columns.what,
      cell: (event) => {
        const change = accessChangeOf(event);
        return (
          <>
            <Text>{Object.hasOwn(actions, event.action) ? actions[event.action] : event.action}</Text>
            {change ? (
              <Text size={200} className={styles.detail}>
                {a.accessChange(
                  change.customer,
                  change.after.length > 0 ? change.after.map((role) => c.roles[role]).join(", ") : a.noRoles,
                )}
              </Text>
            ) : null}
          </>
        );
      },
    },
    { id: "target", header: a.columns.target, cell: (event) => event.targetDisplayName ?? "—" },
  ];

  return (
    <DataTable
      label={a.tableLabel}
      columns={columns}
      rows={events}
      rowKey={(event) => event.id}
      className={styles.table}
    />
  );
}
