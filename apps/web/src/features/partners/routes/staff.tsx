import type { StaffMember } from "@allot/contracts";
import { Button, Field, SearchBox, Spinner } from "@fluentui/react-components";
import { PeopleSearchRegular, PersonAddRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { useListPageStyles } from "@/components/list-page-styles";
import { LoadMore } from "@/components/load-more";
import { PageHeader } from "@/components/page-header";
import { TableSurface } from "@/components/table-surface";
import { LiveStatus } from "@/components/visually-hidden";
import { useMe } from "@/lib/auth";
import { useTenant } from "@/lib/tenant";
import { useStaff } from "../api/get-staff";
import { AddStaffDialog } from "../components/add-staff-dialog";
import { CustomerAccessDialog } from "../components/customer-access-dialog";
import { RemoveStaffDialog } from "../components/remove-staff-dialog";
import { type StaffAction, StaffTable } from "../components/staff-table";
import { useCustomerSearch } from "../hooks/use-customer-search";
import { usePartnersTexts } from "../texts";

/** `/t/:tenantId/staff`: the partner's staff, for its global admin and user admin (partnerStaff.manage). */
export function StaffRoute() {
  const list = useListPageStyles();
  const s = usePartnersTexts().staff;
  const { tenant, roles } = useTenant();
  const { data: me } = useMe();
  // The same address-held, debounced search as the Customers page (`?q=`).
  const { search, searchText, setSearchText, submitSearch } = useCustomerSearch();
  const staff = useStaff(tenant.id, search);
  const rows = useMemo(() => staff.data?.pages.flatMap((page) => page.items) ?? [], [staff.data]);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<{ action: StaffAction; member: StaffMember } | null>(null);
  const dialogFor = (action: StaffAction) => (open?.action === action ? open.member : null);

  return (
    <>
      <PageHeader title={s.title} description={s.description} />
      <div className={list.filters}>
        <search aria-label={s.search}>
          <Field label={s.search} className={list.search}>
            <SearchBox
              value={searchText}
              placeholder={s.searchPlaceholder}
              onChange={(_, data) => setSearchText(data.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter") submitSearch();
              }}
            />
          </Field>
        </search>
        <Button appearance="primary" icon={<PersonAddRegular />} onClick={() => setAdding(true)}>
          {s.add}
        </Button>
      </div>
      <div className={list.status}>
        <LiveStatus
          visible
          message={staff.isPending ? s.loading : staff.isError ? "" : s.shownCount(rows.length, staff.hasNextPage)}
        />
      </div>
      {staff.isError ? (
        <ErrorMessage error={staff.error} onRetry={() => staff.refetch()} />
      ) : staff.isPending ? (
        <Spinner label={s.loading} />
      ) : rows.length === 0 ? (
        <EmptyState icon={<PeopleSearchRegular />} title={s.emptyTitle}>
          {s.emptySearch(search)}
        </EmptyState>
      ) : (
        <TableSurface label={s.tableLabel}>
          <StaffTable
            staff={rows}
            callerRoles={roles}
            callerId={me?.user.id ?? ""}
            onAction={(action, member) => setOpen({ action, member })}
          />
        </TableSurface>
      )}
      <LoadMore
        hasMore={staff.hasNextPage && !staff.isError}
        loading={staff.isFetchingNextPage}
        onLoadMore={() => staff.fetchNextPage()}
      />
      <AddStaffDialog
        partnerTenantId={tenant.id}
        domain={tenant.domain}
        open={adding}
        onClose={() => setAdding(false)}
      />
      <CustomerAccessDialog partnerTenantId={tenant.id} member={dialogFor("access")} onClose={() => setOpen(null)} />
      <RemoveStaffDialog partnerTenantId={tenant.id} member={dialogFor("remove")} onClose={() => setOpen(null)} />
    </>
  );
}
