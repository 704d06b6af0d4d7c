import type { Group } from "@allot/contracts";
import {
  Field,
  makeStyles,
  SearchBox,
  Spinner,
  Toolbar,
  ToolbarButton,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular, PeopleTeamAddRegular, PeopleTeamRegular } from "@fluentui/react-icons";
import { useCallback, useMemo, useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { useListPageStyles } from "@/components/list-page-styles";
import { LoadMore } from "@/components/load-more";
import { PageHeader } from "@/components/page-header";
import { LiveStatus } from "@/components/visually-hidden";
import { useDebouncedValue, useQueryParams } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { useGroups } from "../api/get-groups";
import { AddGroupDialog } from "../components/add-group-dialog";
import { GroupDetailsDrawer } from "../components/group-details-drawer";
import { GroupsGrid } from "../components/groups-grid";
import { useGroupsTexts } from "../texts";

const useStyles = makeStyles({
  toolbar: { marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})`, marginBottom: tokens.spacingVerticalS },
});

export function GroupsRoute() {
  const styles = useStyles();
  const list = useListPageStyles();
  const { t } = useI18n();
  const g = useGroupsTexts();
  const context = useTenant();
  const tenantId = context.tenant.id;
  const canManage = context.can("groups.manage");
  const [params, updateParams] = useQueryParams();
  const openGroupId = params.get("group");
  const [search, setSearch] = useState("");
  const debounced = useDebouncedValue(search.trim(), 300);
  const [addOpen, setAddOpen] = useState(false);
  const restoreFocusTarget = useRestoreFocusTarget();

  const groups = useGroups(tenantId, debounced);
  const items = useMemo(() => groups.data?.pages.flatMap((page) => page.items) ?? [], [groups.data]);

  const setOpenGroup = useCallback(
    (groupId: string | null) => updateParams({ group: groupId ?? undefined }),
    [updateParams],
  );
  const openGroup = useCallback((group: Group) => setOpenGroup(group.id), [setOpenGroup]);

  const refreshing = groups.isFetching && !groups.isFetchingNextPage && !groups.isPending;

  return (
    <>
      <PageHeader title={g.title} description={g.description} />
      <Toolbar aria-label={t.users.columns.actions} className={styles.toolbar}>
        {canManage ? (
          <ToolbarButton icon={<PeopleTeamAddRegular />} onClick={() => setAddOpen(true)} {...restoreFocusTarget}>
            {g.addGroup}
          </ToolbarButton>
        ) : null}
        <ToolbarButton
          icon={refreshing ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />}
          onClick={() => groups.refetch()}
          disabledFocusable={groups.isFetching}
        >
          {t.common.refresh}
        </ToolbarButton>
      </Toolbar>
      <search className={list.filters}>
        <Field label={g.search} className={list.search}>
          <SearchBox value={search} placeholder={g.searchPlaceholder} onChange={(_, data) => setSearch(data.value)} />
        </Field>
      </search>
      <div className={list.status}>
        <LiveStatus
          visible
          message={groups.isPending ? g.loading : groups.isError ? "" : g.shownCount(items.length, groups.hasNextPage)}
        />
      </div>
      {groups.isError ? (
        <ErrorMessage error={groups.error} onRetry={() => groups.refetch()} />
      ) : groups.isPending ? (
        <Spinner label={g.loading} />
      ) : items.length === 0 ? (
        <EmptyState icon={<PeopleTeamRegular />} title={g.emptyTitle}>
          {debounced ? g.emptySearch : g.emptyAll}
        </EmptyState>
      ) : (
        <div className={list.surface}>
          <GroupsGrid groups={items} onOpen={openGroup} busy={groups.isFetching} />
        </div>
      )}
      <LoadMore
        hasMore={groups.hasNextPage && !groups.isError}
        loading={groups.isFetchingNextPage}
        onLoadMore={() => groups.fetchNextPage()}
      />
      <GroupDetailsDrawer
        groupId={openGroupId}
        initial={items.find((group) => group.id === openGroupId)}
        onClose={() => setOpenGroup(null)}
      />
      {canManage ? <AddGroupDialog tenantId={tenantId} open={addOpen} onClose={() => setAddOpen(false)} /> : null}
    </>
  );
}
