import { Field, SearchBox, Spinner } from "@fluentui/react-components";
import { BuildingMultipleRegular } from "@fluentui/react-icons";
import { useMemo } from "react";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { useListPageStyles } from "@/components/list-page-styles";
import { LoadMore } from "@/components/load-more";
import { PageHeader } from "@/components/page-header";
import { TableSurface } from "@/components/table-surface";
import { LiveStatus } from "@/components/visually-hidden";
import { useMe } from "@/lib/auth";
import { useTenant } from "@/lib/tenant";
import { usePartnerCustomers } from "../api/get-customers";
import { CustomersTable } from "../components/customers-table";
import { ProductsOverview } from "../components/products-overview";
import { useCustomerSearch } from "../hooks/use-customer-search";
import { usePartnersTexts } from "../texts";

/** `/t/:tenantId/customers`: a partner's customers, for its own staff, and its products across them. */
export function CustomersRoute() {
  const list = useListPageStyles();
  const c = usePartnersTexts();
  const { tenant } = useTenant();
  const { data: me } = useMe();
  const { search, searchText, setSearchText, submitSearch } = useCustomerSearch();
  const customers = usePartnerCustomers(tenant.id, search);
  const rows = useMemo(() => customers.data?.pages.flatMap((page) => page.items) ?? [], [customers.data]);
  const reachable = useMemo(() => new Set(me?.tenants.map((candidate) => candidate.id)), [me]);

  return (
    <>
      <PageHeader title={c.title} description={c.description} />
      <search className={list.filters} aria-label={c.search}>
        <Field label={c.search} className={list.search}>
          <SearchBox
            value={searchText}
            placeholder={c.searchPlaceholder}
            onChange={(_, data) => setSearchText(data.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") submitSearch();
            }}
          />
        </Field>
      </search>
      <div className={list.status}>
        <LiveStatus
          visible
          message={
            customers.isPending ? c.loading : customers.isError ? "" : c.shownCount(rows.length, customers.hasNextPage)
          }
        />
      </div>
      {customers.isError ? (
        <ErrorMessage error={customers.error} onRetry={() => customers.refetch()} />
      ) : customers.isPending ? (
        <Spinner label={c.loading} />
      ) : rows.length === 0 ? (
        <EmptyState icon={<BuildingMultipleRegular />} title={search ? c.emptySearchTitle : c.emptyTitle}>
          {search ? c.emptySearch(search) : c.emptyBody}
        </EmptyState>
      ) : (
        <TableSurface label={c.tableLabel}>
          <CustomersTable customers={rows} reachable={(tenantId) => reachable.has(tenantId)} />
        </TableSurface>
      )}
      <LoadMore
        hasMore={customers.hasNextPage && !customers.isError}
        loading={customers.isFetchingNextPage}
        onLoadMore={() => customers.fetchNextPage()}
      />
      <ProductsOverview partnerTenantId={tenant.id} />
    </>
  );
}
