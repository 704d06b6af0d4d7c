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
import {
  type ReactNode,
  startTransition,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
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
import { userProducts, useSubscribedSkus } from "@/lib/licensing/subscribed-skus";
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
  chips: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    listStyleType: "none",
    margin: 0,
    marginBottom: tokens.spacingVerticalS,
    padding: 0,
  },
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
const NO_USERS: ReadonlyMap<string, User> = new Map();

/**
 * The selected users. A selection outlives the filters (as Partner Center's does): users ticked in one search stay
 * selected in the next, counted as "not shown" while the list hides them, and bulk actions act on all of them.
 */
interface Selection {
  ids: ReadonlySet<string>;
  /** The selected users seen in a list, to name them (deleting) when the list no longer shows them. */
  known: ReadonlyMap<string, User>;
  /** Set while `ids` is exactly "every user that matches" the filters of `filterKey`, as the server answered it. */
  matching: { filterKey: string; ids: ReadonlySet<string>; truncated: boolean } | null;
}

const EMPTY_SELECTION: Selection = { ids: NO_SELECTION, known: NO_USERS, matching: null };

/** The Licenses filter as one select value: any, licensed, unlicensed or one product (`sku:<skuId>`). */
function licenseFilterValue(filter: UsersFilter): string {
  if (filter.skuId) return `sku:${filter.skuId}`;
  if (filter.licensed === undefined) return "";
  return filter.licensed ? "licensed" : "unlicensed";
}

function licenseFilterParams(value: string): { licensed: string | undefined; sku: string | undefined } {
  if (value.startsWith("sku:")) return { licensed: undefined, sku: value.slice(4) };
  if (value === "licensed" || value === "unlicensed") return { licensed: String(value === "licensed"), sku: undefined };
  return { licensed: undefined, sku: undefined };
}

const SKU_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  const sku = params.get("sku");
  const live = view !== "deleted";
  return {
    view,
    search: params.get("q") ?? undefined,
    type: view === "guests" ? "guest" : view === "active" && (type === "member" || type === "guest") ? type : undefined,
    role: live && isTenantRole(role) ? role : undefined,
    licensed: live && (licensed === "true" || licensed === "false") ? licensed === "true" : undefined,
    deleted: view === "deleted" ? true : undefined,
    skuId: live && sku !== null && SKU_ID.test(sku) ? sku.toLowerCase() : undefined,
  };
}

/** Active, guest and deleted users: search, filters, a virtualized list, selection, licenses, details panel. */
export function UsersRoute() {
  const styles = useStyles();
  const list = useListPageStyles();
  const { t, formatNumber } = useI18n();
  const u = t.usersList;
  const context = useTenant();
  const tenantId = context.tenant.id;
  const notify = useNotify();
  const [params, updateParams] = useQueryParams();
  const { view, ...urlFilter } = readFilter(params);
  const openUserId = params.get("user");

  // The address is the one source of the filters. The box shows what is typed; once typing pauses the text goes to
  // the address, and a search changed from anywhere else (the menu, Back, Clear filters, a chip) comes back to
  // the box, so box, chips and list always agree.
  const urlSearch = urlFilter.search ?? "";
  const [searchText, setSearchText] = useState(urlSearch);
  const debouncedSearch = useDebouncedValue(searchText.trim(), 300);
  const pushedSearch = useRef(urlSearch);
  const [seenUrlSearch, setSeenUrlSearch] = useState(urlSearch);
  if (urlSearch !== seenUrlSearch) {
    setSeenUrlSearch(urlSearch);
    if (urlSearch !== pushedSearch.current) {
      pushedSearch.current = urlSearch;
      if (searchText.trim() !== urlSearch) setSearchText(urlSearch);
    }
  }
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [addOpen, setAddOpen] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [licensesOpen, setLicensesOpen] = useState(false);

  const canManage = context.can("users.manage");
  const canAssign = context.can("licenses.assign");
  const live = view !== "deleted";
  // Dialogs and the details panel give focus back to the control that opened them.
  const restoreFocusTarget = useRestoreFocusTarget();

  // The search box asks the server once typing pauses (the text has settled and differs from the address); the
  // list updates without holding up the next keystroke.
  const pushSearch = useCallback(
    (text: string) => {
      pushedSearch.current = text;
      startTransition(() => updateParams({ q: text || undefined }));
    },
    [updateParams],
  );
  const settled = debouncedSearch === searchText.trim();
  useEffect(() => {
    if (settled && debouncedSearch !== urlSearch) pushSearch(debouncedSearch);
  }, [settled, debouncedSearch, urlSearch, pushSearch]);

  const filter: UsersFilter = useMemo(
    () => ({
      search: urlFilter.search,
      type: urlFilter.type,
      role: urlFilter.role,
      licensed: urlFilter.licensed,
      deleted: urlFilter.deleted,
      skuId: urlFilter.skuId,
    }),
    [urlFilter.search, urlFilter.type, urlFilter.role, urlFilter.licensed, urlFilter.deleted, urlFilter.skuId],
  );

  const filterKey = JSON.stringify(filter);
  const selected = selection.ids;
  const matching =
    selection.matching && selection.matching.filterKey === filterKey && selection.matching.ids === selection.ids
      ? selection.matching
      : null;
  const clearSelection = useCallback(() => setSelection(EMPTY_SELECTION), []);

  const users = useUsers(tenantId, filter);
  const loadedItems = useMemo(() => users.data?.pages.flatMap((page) => page.items) ?? [], [users.data]);
  // A long list re-renders at low priority, so typing and clicking stay responsive while it does.
  const items = useDeferredValue(loadedItems);
  // The grid's checkboxes speak for the rows it shows; selected users it does not show stay selected (its header
  // checkbox would otherwise drop them, or take only the rows in view).
  const onGridSelectionChange = useCallback(
    (next: ReadonlySet<string>) =>
      setSelection((previous) => {
        const inView = new Map(items.map((user) => [user.id, user]));
        const ids = new Set([...previous.ids].filter((id) => !inView.has(id)));
        const known = new Map(previous.known);
        for (const id of next) {
          const user = inView.get(id);
          if (!user) continue;
          ids.add(id);
          known.set(id, user);
        }
        return { ids, known, matching: previous.matching };
      }),
    [items],
  );
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
    (ids: string[]) =>
      setSelection((previous) => ({
        ids: new Set([...previous.ids].filter((id) => !ids.includes(id))),
        known: new Map([...previous.known].filter(([id]) => !ids.includes(id))),
        matching: null,
      })),
    [],
  );
  const { fetchNextPage, isFetchingNextPage } = users;
  const loadMore = useCallback(() => {
    if (!isFetchingNextPage) void fetchNextPage();
  }, [fetchNextPage, isFetchingNextPage]);

  const selectAllMatching = () =>
    selectAll.mutate(filter, {
      onSuccess: (result) => {
        const ids = new Set(result.ids);
        setSelection((previous) => ({
          ids,
          known: new Map([...previous.known, ...loadedItems.map((user) => [user.id, user] as const)]),
          matching: { filterKey, ids, truncated: result.truncated },
        }));
      },
    });

  const loadedById = useMemo(() => new Map(loadedItems.map((user) => [user.id, user])), [loadedItems]);
  const selectedIds = useMemo(() => [...selected], [selected]);
  const selectedUsers = useMemo(
    () =>
      selectedIds.flatMap((id) => {
        const user = loadedById.get(id) ?? selection.known.get(id);
        return user ? [user] : [];
      }),
    [selectedIds, loadedById, selection.known],
  );
  // Selected users this list does not show (another search or filter); "every user that matches" the current
  // filters are in it, loaded yet or not.
  const hiddenCount = useMemo(
    () => (matching ? 0 : selectedIds.filter((id) => !loadedById.has(id)).length),
    [matching, selectedIds, loadedById],
  );
  const allLoadedSelected = loadedItems.length > 0 && loadedItems.every((user) => selected.has(user.id));
  // Deleting goes user by user and names each one: it needs every selected user seen in a list.
  const deletable = selectedUsers.length === selected.size;

  const licenseValue = licenseFilterValue(filter);
  const productName = (skuId: string) => products.find((sku) => sku.skuId === skuId)?.displayName ?? skuId;
  // The active filters as chips, each removable on its own.
  const chips: Array<{ key: string; label: string; remove: () => void }> = [];
  if (filter.search) {
    chips.push({ key: "q", label: u.searchChip(filter.search), remove: () => updateParams({ q: undefined }) });
  }
  if (view === "active" && filter.type) {
    chips.push({
      key: "type",
      label: u.chip(t.users.filterType, filter.type === "guest" ? t.users.guest : t.users.member),
      remove: () => updateParams({ type: undefined }),
    });
  }
  if (filter.role) {
    chips.push({
      key: "role",
      label: u.chip(t.users.filterRole, isTenantRole(filter.role) ? t.roles[filter.role] : filter.role),
      remove: () => updateParams({ role: undefined }),
    });
  }
  if (licenseValue) {
    chips.push({
      key: "license",
      label: u.chip(
        t.users.filterLicense,
        filter.skuId ? productName(filter.skuId) : filter.licensed ? u.licensedUsers : u.unlicensedUsers,
      ),
      remove: () => updateParams({ licensed: undefined, sku: undefined }),
    });
  }
  const filtersActive = chips.length > 0;
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
            sku: undefined,
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
              if (event.key === "Enter") pushSearch(searchText.trim());
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
            <Field label={t.users.filterLicense} className={list.filter}>
              <Select
                className={list.filterControl}
                value={licenseValue}
                onChange={(_, data) => updateParams(licenseFilterParams(data.value))}
              >
                <option value="">{t.users.anyLicense}</option>
                <option value="licensed">{u.licensedUsers}</option>
                <option value="unlicensed">{u.unlicensedUsers}</option>
                <optgroup label={u.products}>
                  {products.map((sku) => (
                    <option key={sku.skuId} value={`sku:${sku.skuId}`}>
                      {sku.displayName}
                    </option>
                  ))}
                  {filter.skuId && !products.some((sku) => sku.skuId === filter.skuId) ? (
                    <option value={`sku:${filter.skuId}`}>{productName(filter.skuId)}</option>
                  ) : null}
                </optgroup>
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
              pushedSearch.current = "";
              updateParams({ q: undefined, type: undefined, role: undefined, licensed: undefined, sku: undefined });
            }}
          >
            {t.users.clearFilters}
          </Button>
        ) : null}
      </search>

      {chips.length > 0 ? (
        <ul className={styles.chips} aria-label={u.activeFilters}>
          {chips.map((chip) => (
            <li key={chip.key}>
              <Button
                size="small"
                shape="circular"
                icon={<DismissRegular />}
                iconPosition="after"
                aria-label={u.removeFilter(chip.label)}
                onClick={chip.remove}
              >
                {chip.label}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}

      <div className={list.status}>
        <LiveStatus message={statusText} visible />
        {refreshing ? <Spinner size="extra-tiny" aria-hidden="true" /> : null}
        {selected.size > 0 ? (
          <>
            <Text weight="semibold" role="status">
              {hiddenCount > 0
                ? u.selectedWithHidden(
                    selected.size,
                    formatNumber(selected.size),
                    hiddenCount,
                    formatNumber(hiddenCount),
                  )
                : t.users.selectedCount(selected.size, formatNumber(selected.size))}
            </Text>
            <Button size="small" appearance="subtle" icon={<DismissRegular />} onClick={clearSelection}>
              {t.users.clearSelection}
            </Button>
          </>
        ) : null}
      </div>

      {selectable && hiddenCount > 0 && !matching ? (
        <SelectionBar className={styles.selectionBar} onClear={clearSelection}>
          {u.hiddenSelectedHint(hiddenCount, formatNumber(hiddenCount))}
        </SelectionBar>
      ) : null}
      {selectable && matching ? (
        <SelectionBar className={styles.selectionBar} onClear={clearSelection}>
          {t.users.allMatchingSelected(matching.ids.size, formatNumber(matching.ids.size))}
          {matching.truncated ? ` ${t.users.matchingTruncated(formatNumber(matching.ids.size))}` : null}
        </SelectionBar>
      ) : selectable && allLoadedSelected && hasMore ? (
        <SelectionBar className={styles.selectionBar} onClear={clearSelection}>
          {t.users.allLoadedSelected(loadedItems.length, formatNumber(loadedItems.length))}{" "}
          <Link as="button" inline onClick={selectAllMatching} disabled={selectAll.isPending}>
            {t.users.selectAllMatching}
          </Link>
          {selectAll.isPending ? <Spinner size="extra-tiny" label={t.users.selectingAllMatching} /> : null}
          {selectAll.isError ? ` ${errorMessage(selectAll.error, t)}` : null}
        </SelectionBar>
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
            onSelectionChange={onGridSelectionChange}
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

/** A note about the selection, with the one action every such note offers: clearing it. */
function SelectionBar({
  className,
  onClear,
  children,
}: {
  className: string;
  onClear: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <MessageBar intent="info" className={className}>
      <MessageBarBody>{children}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onClear}>
          {t.users.clearSelection}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
