import { Button, Field, makeStyles, SearchBox, Spinner, Tab, TabList, tokens } from "@fluentui/react-components";
import { KeyMultipleRegular, PeopleSearchRegular } from "@fluentui/react-icons";
import { useEffect, useMemo } from "react";
import { useNavigate } from "react-router";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { useListPageStyles } from "@/components/list-page-styles";
import { PageHeader } from "@/components/page-header";
import { TableSurface } from "@/components/table-surface";
import { LiveStatus } from "@/components/visually-hidden";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { useUrlSearch } from "@/lib/use-url-search";
import { useNumberedUsers } from "../api/get-numbered-users";
import { SelectedUsersTable } from "../components/selected-users-table";
import { UsersPageTable } from "../components/users-page-table";
import { UsersPager } from "../components/users-pager";
import { useUsersPageParams } from "../hooks/use-users-page-params";
import { EMPTY_SELECTION, sortedSelection, withoutUsers } from "../lib/selection";
import { useCustomerSelection } from "../lib/selection-store";
import { useCustomerLicensesTexts } from "../texts";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  count: { marginInlineEnd: "auto" },
});

/**
 * `/t/:customerId/users-and-licenses`: a partner's agent selects the customer's users across numbered pages and
 * searches (Partner Center's procedure), checks the selection under Selected users, and goes on to Manage licenses.
 */
export function CustomerUsersRoute() {
  const styles = useStyles();
  const list = useListPageStyles();
  const u = useCustomerLicensesTexts().users;
  const { language } = useI18n();
  const { tenant } = useTenant();
  const navigate = useNavigate();
  const params = useUsersPageParams();
  const { search, searchText, setSearchText, submitSearch } = useUrlSearch({ resets: ["page"] });
  const { selection, update } = useCustomerSelection(tenant.id);
  const users = useNumberedUsers(tenant.id, { search, page: params.page, pageSize: params.pageSize });
  const selected = useMemo(() => sortedSelection(selection, language), [selection, language]);
  const data = users.data;

  // A page past the last (fewer users now, or an old link) moves to the last one.
  const { setPage } = params;
  useEffect(() => {
    if (data && !users.isPlaceholderData && data.page > data.pageCount) setPage(data.pageCount);
  }, [data, users.isPlaceholderData, setPage]);

  const from = data && data.items.length > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const shownMessage = data ? u.shown(from, from + data.items.length - (from > 0 ? 1 : 0), data.total) : "";

  return (
    <>
      <PageHeader title={u.title} description={u.description(tenant.name)} />
      <TabList
        className={list.tabs}
        selectedValue={params.showSelected ? "selected" : "all"}
        aria-label={u.title}
        onTabSelect={(_, tab) => params.setShowSelected(tab.value === "selected")}
      >
        <Tab value="all">{u.allUsers}</Tab>
        <Tab value="selected">{u.selectedUsers(selection.size)}</Tab>
      </TabList>
      <div className={styles.actions}>
        <div className={styles.count}>
          <LiveStatus visible message={u.selectedCount(selection.size)} />
        </div>
        <Button disabled={selection.size === 0} onClick={() => update(() => EMPTY_SELECTION)}>
          {u.clearSelection}
        </Button>
        <Button
          appearance="primary"
          icon={<KeyMultipleRegular />}
          disabledFocusable={selection.size === 0}
          title={selection.size === 0 ? u.manageHint : undefined}
          onClick={() => navigate(`/t/${tenant.id}/users-and-licenses/manage`)}
        >
          {u.manageLicenses}
        </Button>
      </div>

      {params.showSelected ? (
        selected.length === 0 ? (
          <EmptyState icon={<PeopleSearchRegular />} title={u.selectedUsers(0)}>
            {u.noneSelected}
          </EmptyState>
        ) : (
          <section className={list.surface} aria-label={u.selectedUsers(selected.length)}>
            <SelectedUsersTable users={selected} onDrop={(user) => update((now) => withoutUsers(now, [user.id]))} />
          </section>
        )
      ) : (
        <>
          <search className={list.filters} aria-label={u.search}>
            <Field label={u.search} className={list.search}>
              <SearchBox
                value={searchText}
                placeholder={u.searchPlaceholder}
                onChange={(_, change) => setSearchText(change.value)}
                onKeyDown={(event) => {
                  if (event.key === "Enter") submitSearch();
                }}
              />
            </Field>
          </search>
          <div className={list.status}>
            <LiveStatus visible message={users.isPending ? u.loading : shownMessage} />
          </div>
          {users.isError ? (
            <ErrorMessage error={users.error} onRetry={() => users.refetch()} />
          ) : !data ? (
            <Spinner label={u.loading} />
          ) : data.items.length === 0 ? (
            <EmptyState icon={<PeopleSearchRegular />} title={u.shown(0, 0, 0)}>
              {search ? u.emptySearch(search) : u.empty}
            </EmptyState>
          ) : (
            <TableSurface label={u.tableLabel}>
              <UsersPageTable
                users={data.items}
                selection={selection}
                onSelectionChange={(next) => update(() => next)}
              />
            </TableSurface>
          )}
          {data ? (
            <UsersPager
              page={data.page}
              pageCount={data.pageCount}
              pageSize={data.pageSize}
              onPage={params.setPage}
              onPageSize={params.setPageSize}
            />
          ) : null}
        </>
      )}
    </>
  );
}
