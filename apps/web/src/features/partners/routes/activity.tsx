import { Field, Select, Spinner } from "@fluentui/react-components";
import { HistoryRegular } from "@fluentui/react-icons";
import { useId, useMemo } from "react";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { useListPageStyles } from "@/components/list-page-styles";
import { LoadMore } from "@/components/load-more";
import { PageHeader } from "@/components/page-header";
import { TableSurface } from "@/components/table-surface";
import { LiveStatus } from "@/components/visually-hidden";
import { useQueryParams } from "@/lib/hooks";
import { useTenant } from "@/lib/tenant";
import { useAccessCustomers } from "../api/get-access-customers";
import { usePartnerActivity } from "../api/get-activity";
import { useStaff } from "../api/get-staff";
import { ActivityTable } from "../components/activity-table";
import { activityFilterFrom } from "../lib/activity";
import { usePartnersTexts } from "../texts";

/**
 * `/t/:tenantId/activity`: the changes the partner's staff made in its customers and in its own tenant. The global
 * admin (partnerCenter.seeAll) sees everyone's and filters by staff member; other staff see their own.
 */
export function ActivityRoute() {
  const list = useListPageStyles();
  const a = usePartnersTexts().activity;
  const { tenant, can } = useTenant();
  const seesAll = can("partnerCenter.seeAll");
  const [params, updateParams] = useQueryParams();
  const filter = useMemo(() => activityFilterFrom(params), [params]);
  const activity = usePartnerActivity(tenant.id, filter);
  const customers = useAccessCustomers(tenant.id, true);
  // The staff filter's choices: the global admin manages staff, so it may list them.
  const staff = useStaff(tenant.id, "", seesAll);
  const rows = useMemo(() => activity.data?.pages.flatMap((page) => page.items) ?? [], [activity.data]);
  const customerId = useId();
  const staffId = useId();

  return (
    <>
      <PageHeader title={a.title} description={seesAll ? a.descriptionAll : a.descriptionOwn} />
      <search className={list.filters} aria-label={a.filters}>
        <Field label={{ children: a.customer, htmlFor: customerId }}>
          <Select
            id={customerId}
            value={filter.customer ?? ""}
            onChange={(_, data) => updateParams({ customer: data.value || undefined })}
          >
            <option value="">{a.anyCustomer}</option>
            <option value={tenant.id}>{a.ownTenant(tenant.name)}</option>
            {customers.data?.map((customer) => (
              <option key={customer.relationshipId} value={customer.tenantId}>
                {customer.name}
              </option>
            ))}
          </Select>
        </Field>
        {seesAll ? (
          <Field label={{ children: a.staff, htmlFor: staffId }}>
            <Select
              id={staffId}
              value={filter.staff ?? ""}
              onChange={(_, data) => updateParams({ staff: data.value || undefined })}
            >
              <option value="">{a.anyStaff}</option>
              {staff.data?.pages
                .flatMap((page) => page.items)
                .map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.displayName}
                  </option>
                ))}
            </Select>
          </Field>
        ) : null}
      </search>
      <div className={list.status}>
        <LiveStatus
          visible
          message={
            activity.isPending ? a.loading : activity.isError ? "" : a.shownCount(rows.length, activity.hasNextPage)
          }
        />
      </div>
      {activity.isError ? (
        <ErrorMessage error={activity.error} onRetry={() => activity.refetch()} />
      ) : activity.isPending ? (
        <Spinner label={a.loading} />
      ) : rows.length === 0 ? (
        <EmptyState icon={<HistoryRegular />} title={a.emptyTitle}>
          {a.emptyBody}
        </EmptyState>
      ) : (
        <TableSurface label={a.tableLabel}>
          <ActivityTable events={rows} />
        </TableSurface>
      )}
      <LoadMore
        hasMore={activity.hasNextPage && !activity.isError}
        loading={activity.isFetchingNextPage}
        onLoadMore={() => activity.fetchNextPage()}
      />
    </>
  );
}
