import type { StaffMember } from "@allot/contracts";
import type { Role } from "@allot/domain";
import { Button, makeStyles, Text, tokens, useRestoreFocusTarget } from "@fluentui/react-components";
import { KeyMultipleRegular, PersonDeleteRegular } from "@fluentui/react-icons";
import { type DataColumn, DataTable } from "@/components/data-table";
import { useI18n } from "@/lib/i18n";
import { staffRowActions } from "../lib/staff-access";
import { usePartnersTexts } from "../texts";

const useStyles = makeStyles({
  table: { minWidth: "900px" },
  access: { margin: 0, paddingInlineStart: 0, listStyleType: "none" },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export type StaffAction = "access" | "remove";

/** The partner's staff, one row each, with the actions the signed-in person's roles allow on that row. */
export function StaffTable({
  staff,
  callerRoles,
  callerId,
  onAction,
}: {
  staff: readonly StaffMember[];
  callerRoles: readonly Role[];
  callerId: string;
  onAction: (action: StaffAction, member: StaffMember) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const c = usePartnersTexts();
  const s = c.staff;
  const restoreFocusTarget = useRestoreFocusTarget();

  const columns: DataColumn<StaffMember>[] = [
    { id: "name", header: s.columns.name, cell: (member) => <Text weight="semibold">{member.displayName}</Text> },
    { id: "email", header: s.columns.email, cell: (member) => member.email },
    {
      id: "roles",
      header: s.columns.roles,
      cell: (member) =>
        member.roles.length > 0 ? member.roles.map((role) => t.roles[role]).join(", ") : s.noTenantRoles,
    },
    {
      id: "access",
      header: s.columns.access,
      cell: (member) =>
        member.customerAccess.length === 0 ? (
          <span className={styles.muted}>{s.noAccess}</span>
        ) : (
          <ul className={styles.access}>
            {member.customerAccess.map((access) => (
              <li key={access.relationshipId}>
                {s.accessEntry(access.customer.name, access.roles.map((role) => c.roles[role]).join(", "))}
                {access.grantsAccess ? null : <span className={styles.muted}> ({s.privilegesRemoved})</span>}
              </li>
            ))}
          </ul>
        ),
    },
    {
      id: "actions",
      header: s.columns.actions,
      cell: (member) => {
        const allowed = staffRowActions(callerRoles, callerId, member);
        return (
          <span className={styles.actions}>
            {allowed.access ? (
              <Button
                size="small"
                icon={<KeyMultipleRegular />}
                aria-label={s.accessLabel(member.displayName)}
                onClick={() => onAction("access", member)}
                {...restoreFocusTarget}
              >
                {s.access}
              </Button>
            ) : null}
            {allowed.remove ? (
              <Button
                size="small"
                icon={<PersonDeleteRegular />}
                aria-label={s.removeLabel(member.displayName)}
                onClick={() => onAction("remove", member)}
                {...restoreFocusTarget}
              >
                {s.remove}
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
      columns={columns}
      rows={staff}
      rowKey={(member) => member.id}
      className={styles.table}
    />
  );
}
