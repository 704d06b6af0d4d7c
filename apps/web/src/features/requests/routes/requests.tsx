import { LICENSE_REQUEST_STATUSES, type LicenseRequest } from "@allot/contracts";
import {
  Dropdown,
  Field,
  makeStyles,
  mergeClasses,
  Option,
  Spinner,
  Tab,
  TabList,
  tokens,
} from "@fluentui/react-components";
import { TaskListSquareLtrRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { useListPageStyles } from "@/components/list-page-styles";
import { LoadMore } from "@/components/load-more";
import { PageHeader } from "@/components/page-header";
import { LiveStatus } from "@/components/visually-hidden";
import { useQueryParams } from "@/lib/hooks";
import { useTenant } from "@/lib/tenant";
import { useLicenseRequests } from "../api/get-license-requests";
import type { RequestStatus } from "../api/keys";
import { ApproveDialog } from "../components/approve-dialog";
import { DenyDialog } from "../components/deny-dialog";
import { type Decision, RequestsTable } from "../components/requests-table";
import { useRequestsTexts } from "../texts";

const useStyles = makeStyles({
  tabs: { marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalM})` },
  status: { minWidth: "200px" },
});

function isStatus(value: string | null): value is RequestStatus {
  return value !== null && (LICENSE_REQUEST_STATUSES as readonly string[]).includes(value);
}

/** Requests: what people asked for, pending first; approve (assigns the license) or deny with a reason. */
export function RequestsRoute() {
  const styles = useStyles();
  const list = useListPageStyles();
  const tx = useRequestsTexts();
  const { tenant, can } = useTenant();
  const [params, setParams] = useQueryParams();
  const view = params.get("view") === "all" ? "all" : "pending";
  const statusParam = params.get("status");
  const allStatus = isStatus(statusParam) ? statusParam : null;
  const status: RequestStatus | null = view === "pending" ? "pending" : allStatus;
  const requests = useLicenseRequests(tenant.id, status);
  const [open, setOpen] = useState<{ decision: Decision; request: LicenseRequest } | null>(null);
  const dialogRequest = (decision: Decision) => (open?.decision === decision ? open.request : null);

  const items = requests.data?.pages.flatMap((page) => page.items) ?? [];
  const total = requests.data?.pages[0]?.total ?? 0;

  return (
    <>
      <PageHeader title={tx.title} description={tx.description} />
      <TabList
        className={mergeClasses(list.tabs, styles.tabs)}
        aria-label={tx.views}
        selectedValue={view}
        onTabSelect={(_, data) => setParams({ view: data.value === "all" ? "all" : undefined, status: undefined })}
      >
        <Tab value="pending">{tx.pendingTab}</Tab>
        <Tab value="all">{tx.allTab}</Tab>
      </TabList>

      {view === "all" ? (
        <div className={list.filters}>
          <Field label={tx.statusFilter} className={styles.status}>
            <Dropdown
              value={allStatus ? tx.status[allStatus] : tx.anyStatus}
              selectedOptions={[allStatus ?? ""]}
              onOptionSelect={(_, data) => setParams({ status: data.optionValue || undefined })}
            >
              <Option value="">{tx.anyStatus}</Option>
              {LICENSE_REQUEST_STATUSES.map((value) => (
                <Option key={value} value={value}>
                  {tx.status[value]}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </div>
      ) : null}

      <div className={list.status}>
        <LiveStatus
          message={requests.isPending ? tx.loading : tx.loaded(items.length, total)}
          visible={!requests.isPending && items.length > 0}
        />
      </div>

      {requests.isPending ? (
        <Spinner label={tx.loading} />
      ) : requests.isError ? (
        <ErrorMessage error={requests.error} onRetry={() => requests.refetch()} />
      ) : items.length === 0 ? (
        view === "pending" ? (
          <EmptyState icon={<TaskListSquareLtrRegular />} title={tx.noPending}>
            {tx.noPendingBody}
          </EmptyState>
        ) : (
          <EmptyState icon={<TaskListSquareLtrRegular />} title={tx.none} />
        )
      ) : (
        <>
          <div className={list.surface}>
            <RequestsTable
              requests={items}
              canDecide={can("requests.approve")}
              onDecide={(decision, request) => setOpen({ decision, request })}
            />
          </div>
          <LoadMore
            hasMore={requests.hasNextPage}
            loading={requests.isFetchingNextPage}
            onLoadMore={() => requests.fetchNextPage()}
          />
        </>
      )}

      <ApproveDialog tenantId={tenant.id} request={dialogRequest("approve")} onClose={() => setOpen(null)} />
      <DenyDialog tenantId={tenant.id} request={dialogRequest("deny")} onClose={() => setOpen(null)} />
    </>
  );
}
