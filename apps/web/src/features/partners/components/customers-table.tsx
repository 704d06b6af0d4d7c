import type { PartnerCustomer } from "@allot/contracts";
import { Badge, makeStyles, Text, tokens } from "@fluentui/react-components";
import { WarningRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { type DataColumn, DataTable } from "@/components/data-table";
import { RouterLink } from "@/components/router-link";
import { VisuallyHidden } from "@/components/visually-hidden";
import { useI18n } from "@/lib/i18n";
import { relationshipState } from "../lib/customer-status";
import { usePartnersTexts } from "../texts";

const useStyles = makeStyles({
  table: { minWidth: "1040px" },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  numberHeader: { justifyContent: "flex-end" },
  muted: { color: tokens.colorNeutralForeground3 },
});

const BADGE_COLOR = { active: "success", removed: "danger", ended: "subtle" } as const;

/**
 * The partner's customers, one row each: the name opens the customer's admin center when the signed-in person
 * reaches it (`reachable`), and the licensing columns say "No access" while the relationship grants none.
 */
export function CustomersTable({
  customers,
  reachable,
}: {
  customers: readonly PartnerCustomer[];
  /** Whether the signed-in person can open this customer (it is in their tenant switcher). */
  reachable: (tenantId: string) => boolean;
}) {
  const styles = useStyles();
  const c = usePartnersTexts();
  const { formatNumber } = useI18n();

  /** A figure of the customer's licensing, or "No access" when the partner sees none of it. */
  const licensing = (
    id: string,
    header: string,
    show: (licensing: NonNullable<PartnerCustomer["licensing"]>) => ReactNode,
  ): DataColumn<PartnerCustomer> => ({
    id,
    header,
    className: styles.number,
    headerClassName: styles.numberHeader,
    cell: (customer) =>
      customer.licensing ? show(customer.licensing) : <span className={styles.muted}>{c.noAccess}</span>,
  });

  /** A count seen as a number and heard in words ("2 pending license requests"). */
  const count = (value: number, words: string) => (
    <>
      <span aria-hidden>{formatNumber(value)}</span>
      <VisuallyHidden>{words}</VisuallyHidden>
    </>
  );

  const columns: DataColumn<PartnerCustomer>[] = [
    {
      id: "name",
      header: c.columns.name,
      cell: (customer) =>
        reachable(customer.tenantId) ? (
          <RouterLink to={`/t/${customer.tenantId}`}>{customer.name}</RouterLink>
        ) : (
          <Text weight="semibold">{customer.name}</Text>
        ),
    },
    { id: "domain", header: c.columns.domain, cell: (customer) => customer.domain },
    {
      id: "manage",
      header: c.columns.manage,
      // Every agent role assigns and revokes licenses: the partner's workflow for them, straight from the list.
      cell: (customer) =>
        reachable(customer.tenantId) && customer.yourRoles.length > 0 ? (
          <RouterLink
            to={`/t/${customer.tenantId}/users-and-licenses`}
            aria-label={c.usersAndLicensesOf(customer.name)}
          >
            {c.usersAndLicenses}
          </RouterLink>
        ) : null,
    },
    {
      id: "relationship",
      header: c.columns.relationship,
      cell: (customer) => {
        const state = relationshipState(customer.relationship);
        return (
          <Badge appearance="tint" color={BADGE_COLOR[state]}>
            {c.relationship[state]}
          </Badge>
        );
      },
    },
    {
      id: "roles",
      header: c.columns.yourRoles,
      cell: (customer) =>
        customer.yourRoles.length > 0 ? (
          customer.yourRoles.map((role) => c.roles[role]).join(", ")
        ) : (
          <>
            <span aria-hidden>—</span>
            <VisuallyHidden>{c.noRoles}</VisuallyHidden>
          </>
        ),
    },
    licensing("seats", c.columns.seats, (figures) => c.seats(figures.assigned, figures.total)),
    licensing("conflicts", c.columns.conflicts, (figures) =>
      figures.conflicts > 0 ? (
        <Badge appearance="filled" color="warning" icon={<WarningRegular />}>
          {count(figures.conflicts, c.conflicts(figures.conflicts))}
        </Badge>
      ) : (
        count(0, c.conflicts(0))
      ),
    ),
    licensing("expiring", c.columns.expiring, (figures) =>
      count(figures.expiringSubscriptions, c.expiring(figures.expiringSubscriptions)),
    ),
    licensing("pending", c.columns.pending, (figures) =>
      count(figures.pendingRequests, c.pending(figures.pendingRequests)),
    ),
  ];

  return (
    <DataTable
      label={c.tableLabel}
      columns={columns}
      rows={customers}
      rowKey={(customer) => customer.tenantId}
      className={styles.table}
    />
  );
}
