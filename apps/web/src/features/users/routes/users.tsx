import type { User } from "@allot/contracts";
import { makeStyles, Spinner, Tab, TabList, tokens } from "@fluentui/react-components";
import { PeopleSearchRegular } from "@fluentui/react-icons";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { useListPageStyles } from "@/components/list-page-styles";
import { useNotify } from "@/components/notify";
import { PageHeader } from "@/components/page-header";
import { csvExportUrl } from "@/lib/api/csv-export";
import { errorMessage } from "@/lib/errors";
import { useI18n } from "@/lib/i18n";
import { userProducts, useSubscribedSkus } from "@/lib/licensing/subscribed-skus";
import { useTenant } from "@/lib/tenant";
import { filterQuery, useUsers } from "../api/get-users";
import { useRestoreUser } from "../api/restore-user";
import { AddUserDialog } from "../components/add-user-dialog";
import { DeleteUsersDialog } from "../components/delete-users-dialog";
import { FilterChips } from "../components/filter-chips";
import { ManageLicensesPanel } from "../components/manage-licenses-panel";
import { SelectionNotes } from "../components/selection-notes";
import { UserDetailsDrawer } from "../components/user-details-drawer";
import { UsersFilters } from "../components/users-filters";
import { UsersGrid } from "../components/users-grid";
import { UsersStatus } from "../components/users-status";
import { UsersToolbar } from "../components/users-toolbar";
import { useUserSelection } from "../hooks/use-user-selection";
import { useUsersFilter } from "../hooks/use-users-filter";
import { activeFilters } from "../lib/users-url-filter";
import { useUsersTexts } from "../texts";

const useStyles = makeStyles({
  footer: {
    display: "flex",
    justifyContent: "center",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    minHeight: "32px",
    paddingTop: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
  },
});

/** Active, guest and deleted users: search, filters, a virtualized list, selection, licenses, details panel. */
export function UsersRoute() {
  const styles = useStyles();
  const list = useListPageStyles();
  const { t, formatNumber } = useI18n();
  const u = useUsersTexts();
  const context = useTenant();
  const tenantId = context.tenant.id;
  const navigate = useNavigate();
  const notify = useNotify();
  const urlState = useUsersFilter();
  const { view, filter, filterKey, updateParams } = urlState;
  const [addOpen, setAddOpen] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [licensesOpen, setLicensesOpen] = useState(false);

  const canManage = context.can("users.manage");
  const canAssign = context.can("licenses.assign");
  const live = view !== "deleted";

  const users = useUsers(tenantId, filter);
  const loadedItems = useMemo(() => users.data?.pages.flatMap((page) => page.items) ?? [], [users.data]);
  // A long list re-renders at low priority, so typing and clicking stay responsive while it does.
  const items = useDeferredValue(loadedItems);
  const selection = useUserSelection({ filterKey, shown: items, loaded: loadedItems });
  const skus = useSubscribedSkus(tenantId, live);
  const products = useMemo(
    () =>
      userProducts(skus.data ?? []).toSorted((a, b) =>
        a.displayName.localeCompare(b.displayName, undefined, { sensitivity: "base" }),
      ),
    [skus.data],
  );
  const hasMore = users.hasNextPage;
  const restore = useRestoreUser(tenantId);

  const onRestore = useCallback(
    (user: User) =>
      restore.mutate(user.id, {
        onSuccess: (restored) =>
          notify(
            restored.licensesNotRestored.length > 0
              ? u.restoredWithoutLicenses(restored.displayName, restored.licensesNotRestored.length)
              : u.restored(restored.displayName),
            restored.licensesNotRestored.length > 0 ? "warning" : "success",
          ),
        onError: (error) => notify(errorMessage(error, t), "error"),
      }),
    [restore, notify, t, u],
  );
  const { fetchNextPage, isFetchingNextPage } = users;
  const loadMore = useCallback(() => {
    if (!isFetchingNextPage) void fetchNextPage();
  }, [fetchNextPage, isFetchingNextPage]);

  const productName = (skuId: string) => products.find((sku) => sku.skuId === skuId)?.displayName ?? skuId;
  const active = activeFilters(filter, view);
  const filtersActive = active.length > 0;
  const loading = users.isPending;
  const refreshing = users.isFetching && !users.isFetchingNextPage && !loading;
  const selectable = live && (canManage || canAssign);
  const selected = selection.selected;

  const title = view === "deleted" ? u.deletedTitle : view === "guests" ? u.guestsTitle : u.title;
  const statusText = loading
    ? u.loadingUsers
    : users.isError
      ? ""
      : u.shownCount(loadedItems.length, hasMore, formatNumber(loadedItems.length));

  return (
    <>
      <PageHeader
        title={title}
        description={
          view === "deleted" ? u.deletedDescription : view === "guests" ? u.guestsDescription : u.description
        }
      />
      <TabList
        className={list.tabs}
        selectedValue={view}
        aria-label={u.views}
        onTabSelect={(_, data) =>
          urlState.selectView(data.value === "guests" || data.value === "deleted" ? data.value : "active")
        }
      >
        <Tab value="active">{u.title}</Tab>
        <Tab value="guests">{u.guestsTitle}</Tab>
        <Tab value="deleted">{u.deletedTitle}</Tab>
      </TabList>

      <UsersToolbar
        live={live}
        canManage={canManage}
        selectedCount={selected.size}
        deletable={selection.deletable}
        refreshing={refreshing}
        fetching={users.isFetching}
        onAdd={() => setAddOpen(true)}
        onAddMultiple={() => navigate(`/t/${tenantId}/users/import`)}
        onManageLicenses={() => setLicensesOpen(true)}
        onDelete={() => setDeleteOpen(true)}
        onRefresh={() => users.refetch()}
        exportHref={(delimiter) => csvExportUrl(tenantId, "users", delimiter, filterQuery(filter))}
      />

      <UsersFilters
        view={view}
        filter={filter}
        searchText={urlState.searchText}
        onSearchTextChange={urlState.setSearchText}
        onSubmitSearch={urlState.submitSearch}
        products={products}
        productName={productName}
        onChange={updateParams}
        onLicenseChange={urlState.setLicenseFilter}
        filtersActive={filtersActive}
        onClear={urlState.clearFilters}
      />
      <FilterChips active={active} filter={filter} productName={productName} onRemove={updateParams} />

      <UsersStatus
        statusText={statusText}
        refreshing={refreshing}
        selectedCount={selected.size}
        hiddenCount={selection.hiddenCount}
        onClearSelection={selection.clear}
      />
      {selectable ? (
        <SelectionNotes
          tenantId={tenantId}
          filter={filter}
          selection={selection}
          loadedCount={loadedItems.length}
          hasMore={hasMore}
        />
      ) : null}

      {users.isError && loadedItems.length === 0 ? (
        <ErrorMessage error={users.error} onRetry={() => users.refetch()} />
      ) : loading ? (
        <Spinner label={u.loadingUsers} />
      ) : items.length === 0 ? (
        <EmptyState icon={<PeopleSearchRegular />} title={u.emptyTitle}>
          {filtersActive
            ? u.emptySearch
            : view === "deleted"
              ? u.emptyDeleted
              : view === "guests"
                ? u.emptyGuests
                : u.emptyAll}
        </EmptyState>
      ) : (
        <>
          <UsersGrid
            users={items}
            view={view}
            label={title}
            selectable={selectable}
            selected={selected}
            onSelectionChange={selection.onGridSelectionChange}
            onOpen={urlState.openUser}
            canRestore={canManage}
            restoringId={restore.isPending ? (restore.variables ?? null) : null}
            onRestore={onRestore}
            busy={users.isFetching || items !== loadedItems}
            hasMore={hasMore && !users.isFetchNextPageError}
            // Until the deferred rows catch up with a page just loaded, the grid must not ask for another one.
            loadingMore={users.isFetchingNextPage || items !== loadedItems}
            onLoadMore={loadMore}
            resetKey={`${view}:${filterKey}`}
          />
          <div className={styles.footer}>
            {users.isFetchingNextPage ? <Spinner size="tiny" label={t.common.loadingMore} /> : null}
            {users.isFetchNextPageError ? (
              <ErrorMessage error={users.error} onRetry={() => users.fetchNextPage()} />
            ) : null}
          </div>
        </>
      )}

      <UserDetailsDrawer
        userId={urlState.openUserId}
        initial={loadedItems.find((user) => user.id === urlState.openUserId)}
        onClose={urlState.closeUser}
        onDeleted={selection.forget}
      />
      {canAssign && live ? (
        <ManageLicensesPanel
          tenantId={tenantId}
          open={licensesOpen}
          userIds={selection.selectedIds}
          users={selection.selectedUsers}
          onClose={() => setLicensesOpen(false)}
        />
      ) : null}
      {canManage ? (
        <>
          <AddUserDialog tenantId={tenantId} open={addOpen} onOpenChange={setAddOpen} />
          <DeleteUsersDialog
            tenantId={tenantId}
            users={selection.selectedUsers}
            open={deleteOpen}
            onClose={() => setDeleteOpen(false)}
            onDeleted={selection.forget}
          />
        </>
      ) : null}
    </>
  );
}
