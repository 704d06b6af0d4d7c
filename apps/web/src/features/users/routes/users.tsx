import type { User } from "@allot/contracts";
import { TENANT_ROLES, type TenantRole } from "@allot/domain";
import {
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  SearchBox,
  Select,
  Spinner,
  Tab,
  TabList,
  Text,
  Toolbar,
  ToolbarButton,
  Tooltip,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import {
  ArrowClockwiseRegular,
  DeleteRegular,
  DismissRegular,
  KeyMultipleRegular,
  PeopleSearchRegular,
  PersonAddRegular,
} from "@fluentui/react-icons";
import { startTransition, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { GatedButton } from "@/components/gated-button";
import { useListPageStyles } from "@/components/list-page-styles";
import { useNotify } from "@/components/notify";
import { PageHeader } from "@/components/page-header";
import { LiveStatus } from "@/components/visually-hidden";
import { errorMessage } from "@/lib/errors";
import { useDebouncedValue, useQueryParams } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { useSelectAllMatching } from "../api/get-user-ids";
import { useUsers } from "../api/get-users";
import type { UsersFilter } from "../api/keys";
import { useRestoreUser } from "../api/restore-user";
import { AddUserDialog } from "../components/add-user-dialog";
import { DeleteUsersDialog } from "../components/delete-users-dialog";
import { ManageLicensesPanel } from "../components/manage-licenses-panel";
import { UserDetailsDrawer } from "../components/user-details-drawer";
import { UsersGrid, type UsersView } from "../components/users-grid";

const useStyles = makeStyles({
  commands: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalS,
  },
  toolbar: { marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: "wrap" },
  selectionBar: { marginBottom: tokens.spacingVerticalS },
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

const NO_SELECTION: ReadonlySet<string> = new Set();

interface Selection {
  /** The list (filters) the selection was made in: another list starts with nothing selected. */
  filterKey: string;
  ids: ReadonlySet<string>;
  /** Set while `ids` is exactly "every user that matches", as the server answered it. */
  matching: { ids: ReadonlySet<string>; truncated: boolean } | null;
}

const isTenantRole = (value: string | null): value is TenantRole =>
  value !== null && (TENANT_ROLES as readonly string[]).includes(value);

function readView(value: string | null): UsersView {
  return value === "deleted" || value === "guests" ? value : "active";
}

function readFilter(params: URLSearchParams): UsersFilter & { view: UsersView } {
  const view = readView(params.get("view"));
  const type = params.get("type");
  const role = params.get("role");
  const licensed = params.get("licensed");
  const live = view !== "deleted";
  return {
    view,
    search: params.get("q") ?? undefined,
    type: view === "guests" ? "guest" : view === "active" && (type === "member" || type === "guest") ? type : undefined,
    role: live && isTenantRole(role) ? role : undefined,
    licensed: live && (licensed === "true" || licensed === "false") ? licensed === "true" : undefined,
    deleted: view === "deleted" ? true : undefined,
  };
}

/** Active, guest and deleted users: search, filters, a virtualized list, selection, licenses, details panel. */
export function UsersRoute() {
  const styles = useStyles();
  const list = useListPageStyles();
  const { t, formatNumber } = useI18n();
  const context = useTenant();
  const tenantId = context.tenant.id;
  const notify = useNotify();
  const [params, updateParams] = useQueryParams();
  const { view, ...urlFilter } = readFilter(params);
  const openUserId = params.get("user");

  const [searchText, setSearchText] = useState(urlFilter.search ?? "");
  const debouncedSearch = useDebouncedValue(searchText.trim(), 300);
  const [selection, setSelection] = useState<Selection>({ filterKey: "", ids: NO_SELECTION, matching: null });
  const [addOpen, setAddOpen] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [licensesOpen, setLicensesOpen] = useState(false);

  const canManage = context.can("users.manage");
  const canAssign = context.can("licenses.assign");
  const live = view !== "deleted";
  // Dialogs and the details panel give focus back to the control that opened them.
  const restoreFocusTarget = useRestoreFocusTarget();

  // The search box asks the server once typing pauses; the list updates without holding up the next keystroke.
  const appliedSearch = useRef(debouncedSearch);
  useEffect(() => {
    if (debouncedSearch === appliedSearch.current) return;
    appliedSearch.current = debouncedSearch;
    startTransition(() => updateParams({ q: debouncedSearch || undefined }));
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

  const filterKey = JSON.stringify(filter);
  const current = selection.filterKey === filterKey ? selection : null;
  const selected = current?.ids ?? NO_SELECTION;
  const matching = current?.matching && current.matching.ids === current.ids ? current.matching : null;
  const setSelected = useCallback(
    (update: ReadonlySet<string> | ((current: ReadonlySet<string>) => ReadonlySet<string>)) =>
      setSelection((previous) => {
        const ids = previous.filterKey === filterKey ? previous.ids : NO_SELECTION;
        return {
          filterKey,
          ids: typeof update === "function" ? update(ids) : update,
          matching: previous.filterKey === filterKey ? previous.matching : null,
        };
      }),
    [filterKey],
  );
  const clearSelection = useCallback(() => setSelection({ filterKey, ids: NO_SELECTION, matching: null }), [filterKey]);

  const users = useUsers(tenantId, filter);
  const loadedItems = useMemo(() => users.data?.pages.flatMap((page) => page.items) ?? [], [users.data]);
  // A long list re-renders at low priority, so typing and clicking stay responsive while it does.
  const items = useDeferredValue(loadedItems);
  const hasMore = users.hasNextPage;
  const restore = useRestoreUser(tenantId);
  const selectAll = useSelectAllMatching(tenantId);

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
  const { fetchNextPage, isFetchingNextPage } = users;
  const loadMore = useCallback(() => {
    if (!isFetchingNextPage) void fetchNextPage();
  }, [fetchNextPage, isFetchingNextPage]);

  const selectAllMatching = () =>
    selectAll.mutate(filter, {
      onSuccess: (result) => {
        const ids = new Set(result.ids);
        setSelection({ filterKey, ids, matching: { ids, truncated: result.truncated } });
      },
    });

  const selectedUsers = useMemo(() => loadedItems.filter((user) => selected.has(user.id)), [loadedItems, selected]);
  const selectedIds = useMemo(() => [...selected], [selected]);
  const allLoadedSelected = loadedItems.length > 0 && selectedUsers.length === loadedItems.length;
  // Deleting goes user by user and names each one: it needs the selected users in the list.
  const deletable = selectedUsers.length === selected.size;

  const filtersActive = Boolean(
    filter.search || (view === "active" && filter.type) || filter.role || filter.licensed !== undefined,
  );
  const loading = users.isPending;
  const refreshing = users.isFetching && !users.isFetchingNextPage && !loading;
  const selectable = live && (canManage || canAssign);

  const title = view === "deleted" ? t.users.deletedTitle : view === "guests" ? t.users.guestsTitle : t.users.title;
  const statusText = loading
    ? t.users.loadingUsers
    : users.isError
      ? ""
      : t.users.shownCount(loadedItems.length, hasMore, formatNumber(loadedItems.length));

  return (
    <>
      <PageHeader
        title={title}
        description={
          view === "deleted"
            ? t.users.deletedDescription
            : view === "guests"
              ? t.users.guestsDescription
              : t.users.description
        }
      />
      <TabList
        className={list.tabs}
        selectedValue={view}
        aria-label={t.users.views}
        onTabSelect={(_, data) =>
          updateParams({
            view: data.value === "active" ? undefined : String(data.value),
            type: undefined,
            role: undefined,
            licensed: undefined,
            user: undefined,
          })
        }
      >
        <Tab value="active">{t.users.title}</Tab>
        <Tab value="guests">{t.users.guestsTitle}</Tab>
        <Tab value="deleted">{t.users.deletedTitle}</Tab>
      </TabList>

      <div className={styles.commands}>
        <Toolbar aria-label={t.users.columns.actions} className={styles.toolbar}>
          {canManage && live ? (
            <ToolbarButton icon={<PersonAddRegular />} onClick={() => setAddOpen(true)} {...restoreFocusTarget}>
              {t.users.addUser}
            </ToolbarButton>
          ) : null}
          {live ? (
            <GatedButton
              action="licenses.assign"
              appearance="subtle"
              icon={<KeyMultipleRegular />}
              disabledFocusable={selected.size === 0}
              onClick={() => setLicensesOpen(true)}
              {...restoreFocusTarget}
            >
              {t.manageLicenses.title}
            </GatedButton>
          ) : null}
          {canManage && live && selected.size > 0 ? (
            deletable ? (
              <ToolbarButton icon={<DeleteRegular />} onClick={() => setDeleteOpen(true)} {...restoreFocusTarget}>
                {t.users.deleteUsers(selected.size)}
              </ToolbarButton>
            ) : (
              <Tooltip content={t.users.deleteNeedsLoaded} relationship="description" withArrow>
                <ToolbarButton icon={<DeleteRegular />} disabledFocusable>
                  {t.users.deleteUsers(selected.size)}
                </ToolbarButton>
              </Tooltip>
            )
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
        <Field
          label={view === "deleted" ? t.users.searchDeleted : view === "guests" ? t.users.searchGuests : t.users.search}
          className={list.search}
        >
          <SearchBox
            value={searchText}
            placeholder={t.users.searchPlaceholder}
            onChange={(_, data) => setSearchText(data.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                appliedSearch.current = searchText.trim();
                updateParams({ q: searchText.trim() || undefined });
              }
            }}
          />
        </Field>
        {live ? (
          <>
            {view === "active" ? (
              <Field label={t.users.filterType}>
                <Select
                  value={filter.type ?? ""}
                  onChange={(_, data) => updateParams({ type: data.value || undefined })}
                >
                  <option value="">{t.users.anyType}</option>
                  <option value="member">{t.users.member}</option>
                  <option value="guest">{t.users.guest}</option>
                </Select>
              </Field>
            ) : null}
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
              appliedSearch.current = "";
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
          <>
            <Text weight="semibold" role="status">
              {t.users.selectedCount(selected.size, formatNumber(selected.size))}
            </Text>
            <Button size="small" appearance="subtle" icon={<DismissRegular />} onClick={clearSelection}>
              {t.users.clearSelection}
            </Button>
          </>
        ) : null}
      </div>

      {selectable && matching ? (
        <MessageBar intent="info" className={styles.selectionBar}>
          <MessageBarBody>
            {t.users.allMatchingSelected(matching.ids.size, formatNumber(matching.ids.size))}
            {matching.truncated ? ` ${t.users.matchingTruncated(formatNumber(matching.ids.size))}` : null}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={clearSelection}>
              {t.users.clearSelection}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : selectable && allLoadedSelected && hasMore ? (
        <MessageBar intent="info" className={styles.selectionBar}>
          <MessageBarBody>
            {t.users.allLoadedSelected(loadedItems.length, formatNumber(loadedItems.length))}{" "}
            <Link as="button" inline onClick={selectAllMatching} disabled={selectAll.isPending}>
              {t.users.selectAllMatching}
            </Link>
            {selectAll.isPending ? <Spinner size="extra-tiny" label={t.users.selectingAllMatching} /> : null}
            {selectAll.isError ? ` ${errorMessage(selectAll.error, t)}` : null}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={clearSelection}>
              {t.users.clearSelection}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      {users.isError && loadedItems.length === 0 ? (
        <ErrorMessage error={users.error} onRetry={() => users.refetch()} />
      ) : loading ? (
        <Spinner label={t.users.loadingUsers} />
      ) : items.length === 0 ? (
        <EmptyState icon={<PeopleSearchRegular />} title={t.users.emptyTitle}>
          {filtersActive
            ? t.users.emptySearch
            : view === "deleted"
              ? t.users.emptyDeleted
              : view === "guests"
                ? t.users.emptyGuests
                : t.users.emptyAll}
        </EmptyState>
      ) : (
        <>
          <UsersGrid
            users={items}
            view={view}
            label={title}
            selectable={selectable}
            selected={selected}
            onSelectionChange={setSelected}
            onOpen={openUser}
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
        userId={openUserId}
        initial={loadedItems.find((user) => user.id === openUserId)}
        onClose={closeUser}
        onDeleted={onDeleted}
      />
      {canAssign && live ? (
        <ManageLicensesPanel
          tenantId={tenantId}
          open={licensesOpen}
          userIds={selectedIds}
          users={selectedUsers}
          onClose={() => setLicensesOpen(false)}
        />
      ) : null}
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
