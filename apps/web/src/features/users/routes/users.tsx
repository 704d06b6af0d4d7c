import type { User } from "@allot/contracts";
import { TENANT_ROLES, type TenantRole } from "@allot/domain";
import {
  Button,
  Field,
  makeStyles,
  SearchBox,
  Select,
  Spinner,
  Tab,
  TabList,
  Text,
  Toolbar,
  ToolbarButton,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import {
  ArrowClockwiseRegular,
  DeleteRegular,
  DismissRegular,
  PeopleSearchRegular,
  PersonAddRegular,
} from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { useListPageStyles } from "@/components/list-page-styles";
import { LoadMore } from "@/components/load-more";
import { useNotify } from "@/components/notify";
import { PageHeader } from "@/components/page-header";
import { LiveStatus } from "@/components/visually-hidden";
import { errorMessage } from "@/lib/errors";
import { useDebouncedValue, useQueryParams } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { useUsers } from "../api/get-users";
import type { UsersFilter } from "../api/keys";
import { useRestoreUser } from "../api/restore-user";
import { AddUserDialog } from "../components/add-user-dialog";
import { DeleteUsersDialog } from "../components/delete-users-dialog";
import { UserDetailsDrawer } from "../components/user-details-drawer";
import { UsersGrid, type UsersView } from "../components/users-grid";

const useStyles = makeStyles({
  tabs: { marginBottom: tokens.spacingVerticalM },
  commands: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalS,
  },
  toolbar: { marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: "wrap" },
});

const NO_SELECTION: Set<string> = new Set();

const isTenantRole = (value: string | null): value is TenantRole =>
  value !== null && (TENANT_ROLES as readonly string[]).includes(value);

function readFilter(params: URLSearchParams): UsersFilter & { view: UsersView } {
  const view: UsersView = params.get("view") === "deleted" ? "deleted" : "active";
  const type = params.get("type");
  const role = params.get("role");
  const licensed = params.get("licensed");
  return {
    view,
    search: params.get("q") ?? undefined,
    type: view === "active" && (type === "member" || type === "guest") ? type : undefined,
    role: view === "active" && isTenantRole(role) ? role : undefined,
    licensed: view === "active" && (licensed === "true" || licensed === "false") ? licensed === "true" : undefined,
    deleted: view === "deleted" ? true : undefined,
  };
}

/** Active users (and the deleted ones): search, filters, keyset paging, selection, details panel. */
export function UsersRoute() {
  const styles = useStyles();
  const list = useListPageStyles();
  const { t } = useI18n();
  const context = useTenant();
  const tenantId = context.tenant.id;
  const notify = useNotify();
  const [params, updateParams] = useQueryParams();
  const { view, ...urlFilter } = readFilter(params);
  const openUserId = params.get("user");

  const [searchText, setSearchText] = useState(urlFilter.search ?? "");
  const debouncedSearch = useDebouncedValue(searchText.trim(), 300);
  const [selection, setSelection] = useState<{ filterKey: string; ids: Set<string> }>({
    filterKey: "",
    ids: NO_SELECTION,
  });
  const [addOpen, setAddOpen] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);

  const canManage = context.can("users.manage");
  // Dialogs and the details panel give focus back to the control that opened them.
  const restoreFocusTarget = useRestoreFocusTarget();

  // The search box asks the server once typing pauses.
  const appliedSearch = useRef(debouncedSearch);
  useEffect(() => {
    if (debouncedSearch === appliedSearch.current) return;
    appliedSearch.current = debouncedSearch;
    updateParams({ q: debouncedSearch || undefined });
  }, [debouncedSearch, updateParams]);

  const filter: UsersFilter = useMemo(
    () => ({
      search: urlFilter.search,
      type: urlFilter.type,
      role: urlFilter.role,
      licensed: urlFilter.licensed,
      deleted: urlFilter.deleted,
    }),
    [urlFilter.search, urlFilter.type, urlFilter.role, urlFilter.licensed, urlFilter.deleted],
  );

  // A new list starts with nothing selected: the selection belongs to the filter it was made in.
  const filterKey = JSON.stringify(filter);
  const selected = selection.filterKey === filterKey ? selection.ids : NO_SELECTION;
  const setSelected = useCallback(
    (update: Set<string> | ((current: Set<string>) => Set<string>)) =>
      setSelection((current) => {
        const ids = current.filterKey === filterKey ? current.ids : NO_SELECTION;
        return { filterKey, ids: typeof update === "function" ? update(ids) : update };
      }),
    [filterKey],
  );

  const users = useUsers(tenantId, filter);
  const items = useMemo(() => users.data?.pages.flatMap((page) => page.items) ?? [], [users.data]);
  const hasMore = users.hasNextPage;
  const restore = useRestoreUser(tenantId);

  const openUser = useCallback((user: User) => updateParams({ user: user.id }), [updateParams]);
  const closeUser = useCallback(() => updateParams({ user: undefined }), [updateParams]);
  const onRestore = useCallback(
    (user: User) =>
      restore.mutate(user.id, {
        onSuccess: (restored) =>
          notify(
            restored.licensesNotRestored.length > 0
              ? t.users.restoredWithoutLicenses(restored.displayName, restored.licensesNotRestored.length)
              : t.users.restored(restored.displayName),
            restored.licensesNotRestored.length > 0 ? "warning" : "success",
          ),
        onError: (error) => notify(errorMessage(error, t), "error"),
      }),
    [restore, notify, t],
  );
  const onDeleted = useCallback(
    (ids: string[]) => setSelected((current) => new Set([...current].filter((id) => !ids.includes(id)))),
    [setSelected],
  );

  const selectedUsers = items.filter((user) => selected.has(user.id));
  const filtersActive = Boolean(filter.search || filter.type || filter.role || filter.licensed !== undefined);
  const loading = users.isPending;
  const refreshing = users.isFetching && !users.isFetchingNextPage && !loading;

  const statusText = loading ? t.users.loadingUsers : users.isError ? "" : t.users.shownCount(items.length, hasMore);

  return (
    <>
      <PageHeader
        title={view === "deleted" ? t.users.deletedTitle : t.users.title}
        description={view === "deleted" ? t.users.deletedDescription : t.users.description}
      />
      <TabList
        className={styles.tabs}
        selectedValue={view}
        aria-label={t.users.views}
        onTabSelect={(_, data) =>
          updateParams({
            view: data.value === "deleted" ? "deleted" : undefined,
            type: undefined,
            role: undefined,
            licensed: undefined,
            user: undefined,
          })
        }
      >
        <Tab value="active">{t.users.title}</Tab>
        <Tab value="deleted">{t.users.deletedTitle}</Tab>
      </TabList>

      <div className={styles.commands}>
        <Toolbar aria-label={t.users.columns.actions} className={styles.toolbar}>
          {canManage && view === "active" ? (
            <ToolbarButton icon={<PersonAddRegular />} onClick={() => setAddOpen(true)} {...restoreFocusTarget}>
              {t.users.addUser}
            </ToolbarButton>
          ) : null}
          {canManage && view === "active" && selected.size > 0 ? (
            <ToolbarButton icon={<DeleteRegular />} onClick={() => setDeleteOpen(true)} {...restoreFocusTarget}>
              {t.users.deleteUsers(selected.size)}
            </ToolbarButton>
          ) : null}
          <ToolbarButton
            icon={refreshing ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />}
            onClick={() => users.refetch()}
            disabledFocusable={users.isFetching}
          >
            {t.common.refresh}
          </ToolbarButton>
        </Toolbar>
      </div>

      <search className={list.filters} aria-label={t.users.filters}>
        <Field label={view === "deleted" ? t.users.searchDeleted : t.users.search} className={list.search}>
          <SearchBox
            value={searchText}
            placeholder={t.users.searchPlaceholder}
            onChange={(_, data) => setSearchText(data.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") updateParams({ q: searchText.trim() || undefined });
            }}
          />
        </Field>
        {view === "active" ? (
          <>
            <Field label={t.users.filterType}>
              <Select value={filter.type ?? ""} onChange={(_, data) => updateParams({ type: data.value || undefined })}>
                <option value="">{t.users.anyType}</option>
                <option value="member">{t.users.member}</option>
                <option value="guest">{t.users.guest}</option>
              </Select>
            </Field>
            <Field label={t.users.filterRole}>
              <Select value={filter.role ?? ""} onChange={(_, data) => updateParams({ role: data.value || undefined })}>
                <option value="">{t.users.anyRole}</option>
                {TENANT_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t.roles[role]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t.users.filterLicense}>
              <Select
                value={filter.licensed === undefined ? "" : String(filter.licensed)}
                onChange={(_, data) => updateParams({ licensed: data.value || undefined })}
              >
                <option value="">{t.users.anyLicense}</option>
                <option value="true">{t.users.licensed}</option>
                <option value="false">{t.users.unlicensed}</option>
              </Select>
            </Field>
          </>
        ) : null}
        {filtersActive ? (
          <Button
            appearance="subtle"
            icon={<DismissRegular />}
            onClick={() => {
              setSearchText("");
              updateParams({ q: undefined, type: undefined, role: undefined, licensed: undefined });
            }}
          >
            {t.users.clearFilters}
          </Button>
        ) : null}
      </search>

      <div className={list.status}>
        <LiveStatus message={statusText} visible />
        {refreshing ? <Spinner size="extra-tiny" aria-hidden="true" /> : null}
        {selected.size > 0 ? (
          <Text weight="semibold" role="status">
            {t.users.selectedCount(selected.size)}
          </Text>
        ) : null}
      </div>

      {users.isError ? (
        <ErrorMessage error={users.error} onRetry={() => users.refetch()} />
      ) : loading ? (
        <Spinner label={t.users.loadingUsers} />
      ) : items.length === 0 ? (
        <EmptyState icon={<PeopleSearchRegular />} title={t.users.emptyTitle}>
          {filtersActive ? t.users.emptySearch : view === "deleted" ? t.users.emptyDeleted : t.users.emptyAll}
        </EmptyState>
      ) : (
        <div className={list.surface}>
          <UsersGrid
            users={items}
            view={view}
            selectable={canManage && view === "active"}
            selected={selected}
            onSelectionChange={setSelected}
            onOpen={openUser}
            canRestore={canManage}
            restoringId={restore.isPending ? (restore.variables ?? null) : null}
            onRestore={onRestore}
            busy={users.isFetching}
          />
        </div>
      )}
      <LoadMore
        hasMore={hasMore && !users.isError}
        loading={users.isFetchingNextPage}
        onLoadMore={() => users.fetchNextPage()}
      />

      <UserDetailsDrawer
        userId={openUserId}
        initial={items.find((user) => user.id === openUserId)}
        onClose={closeUser}
        onDeleted={onDeleted}
      />
      {canManage ? (
        <>
          <AddUserDialog tenantId={tenantId} open={addOpen} onOpenChange={setAddOpen} />
          <DeleteUsersDialog
            tenantId={tenantId}
            users={selectedUsers}
            open={deleteOpen}
            onClose={() => setDeleteOpen(false)}
            onDeleted={onDeleted}
          />
        </>
      ) : null}
    </>
  );
}
