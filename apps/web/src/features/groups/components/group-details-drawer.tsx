import type { Group, User } from "@allot/contracts";
import {
  Button,
  makeStyles,
  Spinner,
  Text,
  Toolbar,
  ToolbarButton,
  Tooltip,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { DeleteRegular, PeopleAddRegular, PersonDeleteRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { type DataColumn, DataTable } from "@/components/data-table";
import { DetailsDrawer } from "@/components/details-drawer";
import { ErrorMessage } from "@/components/error-message";
import { LoadMore } from "@/components/load-more";
import { useNotify } from "@/components/notify";
import { VisuallyHidden } from "@/components/visually-hidden";
import { errorMessage } from "@/lib/errors";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { useDeleteGroup } from "../api/delete-group";
import { useGroup } from "../api/get-group";
import { useGroupMembers } from "../api/get-group-members";
import { useRemoveGroupMember } from "../api/remove-group-member";
import { useGroupsTexts } from "../texts";
import { AddMembersDialog } from "./add-members-dialog";
import { GroupLicensesSection } from "./group-licenses-section";
import { useSectionStyles } from "./section-styles";

const useStyles = makeStyles({
  toolbar: { marginInline: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: "wrap" },
  actionColumn: { width: "48px" },
});

export function GroupDetailsDrawer({
  groupId,
  initial,
  onClose,
}: {
  groupId: string | null;
  initial: Group | undefined;
  onClose: () => void;
}) {
  const g = useGroupsTexts();
  const { tenant } = useTenant();
  const query = useGroup(tenant.id, groupId, initial);
  const group = query.data;
  return (
    <DetailsDrawer
      open={groupId !== null}
      title={group ? g.details.title(group.displayName) : null}
      query={query}
      loadErrorTitle={g.details.loadError}
      onClose={onClose}
    >
      {(loaded) => <GroupDetails key={loaded.id} group={loaded} onClose={onClose} />}
    </DetailsDrawer>
  );
}

function GroupDetails({ group, onClose }: { group: Group; onClose: () => void }) {
  const styles = useStyles();
  const frame = useSectionStyles();
  const { t } = useI18n();
  const g = useGroupsTexts();
  const notify = useNotify();
  const context = useTenant();
  const tenantId = context.tenant.id;
  const canManage = context.can("groups.manage");
  const members = useGroupMembers(tenantId, group.id);
  const removeMember = useRemoveGroupMember(tenantId, group.id);
  const deleteGroup = useDeleteGroup(tenantId);
  const restoreFocusTarget = useRestoreFocusTarget();
  const [dialog, setDialog] = useState<"add" | "delete" | null>(null);
  const items = useMemo(() => members.data?.pages.flatMap((page) => page.items) ?? [], [members.data]);
  const memberIds = useMemo(() => new Set(items.map((user) => user.id)), [items]);
  const columns: Array<DataColumn<User> | false> = [
    { id: "name", header: t.users.columns.displayName, cell: (user) => user.displayName },
    { id: "email", header: t.users.columns.email, className: frame.wrap, cell: (user) => user.email },
    canManage && {
      id: "remove",
      header: <VisuallyHidden>{t.users.columns.actions}</VisuallyHidden>,
      className: styles.actionColumn,
      cell: (user) => (
        <Tooltip content={g.details.removeMember(user.displayName)} relationship="label">
          <Button
            appearance="subtle"
            size="small"
            icon={
              removeMember.isPending && removeMember.variables === user.id ? (
                <Spinner size="tiny" />
              ) : (
                <PersonDeleteRegular />
              )
            }
            disabledFocusable={removeMember.isPending}
            onClick={() =>
              removeMember.mutate(user.id, { onSuccess: () => notify(g.details.removed(user.displayName)) })
            }
          />
        </Tooltip>
      ),
    },
  ];

  return (
    <>
      {canManage ? (
        <Toolbar aria-label={t.users.columns.actions} className={styles.toolbar}>
          <ToolbarButton icon={<PeopleAddRegular />} onClick={() => setDialog("add")} {...restoreFocusTarget}>
            {g.details.addMembers}
          </ToolbarButton>
          <ToolbarButton icon={<DeleteRegular />} onClick={() => setDialog("delete")} {...restoreFocusTarget}>
            {g.details.deleteGroup}
          </ToolbarButton>
        </Toolbar>
      ) : null}

      <section className={frame.section} aria-label={g.details.description}>
        <Text as="h3" weight="semibold" size={400} className={frame.heading}>
          {g.details.description}
        </Text>
        <Text className={group.description ? undefined : frame.muted}>
          {group.description ?? g.details.noDescription}
        </Text>
      </section>

      <GroupLicensesSection tenantId={tenantId} group={group} />

      <section className={frame.section} aria-label={g.details.members}>
        <Text as="h3" weight="semibold" size={400} className={frame.heading}>
          {g.details.members} ({group.memberCount})
        </Text>
        {removeMember.isError ? <ErrorMessage error={removeMember.error} /> : null}
        {members.isPending ? (
          <Spinner size="tiny" label={g.details.membersLoading} labelPosition="after" />
        ) : members.isError ? (
          <ErrorMessage error={members.error} onRetry={() => members.refetch()} />
        ) : items.length === 0 ? (
          <Text className={frame.muted}>{g.details.noMembers}</Text>
        ) : (
          <DataTable label={g.details.members} size="small" columns={columns} rows={items} rowKey={(user) => user.id} />
        )}
        <LoadMore
          hasMore={members.hasNextPage}
          loading={members.isFetchingNextPage}
          onLoadMore={() => members.fetchNextPage()}
        />
      </section>

      {canManage ? (
        <>
          <AddMembersDialog
            tenantId={tenantId}
            group={group}
            memberIds={memberIds}
            open={dialog === "add"}
            onClose={() => setDialog(null)}
          />
          <ConfirmDialog
            open={dialog === "delete"}
            title={g.delete.title(group.displayName)}
            confirmLabel={t.common.delete}
            busyLabel={t.common.deleting}
            busy={deleteGroup.isPending}
            onCancel={() => setDialog(null)}
            onConfirm={() =>
              deleteGroup.mutate(group.id, {
                onSuccess: () => {
                  notify(g.delete.deleted(group.displayName));
                  setDialog(null);
                  onClose();
                },
                onError: (error) => notify(errorMessage(error, t), "error"),
              })
            }
          >
            {g.delete.body}
          </ConfirmDialog>
        </>
      ) : null}
    </>
  );
}
