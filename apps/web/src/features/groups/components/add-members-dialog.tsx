import type { Group, User } from "@allot/contracts";
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  SearchBox,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { useNotify } from "@/components/notify";
import { LiveStatus } from "@/components/visually-hidden";
import { useDebouncedValue, useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useAddGroupMembers } from "../api/add-group-members";
import { useUserSearch } from "../api/search-users";
import { useGroupsTexts } from "../texts";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  results: {
    display: "flex",
    flexDirection: "column",
    maxHeight: "320px",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalXS,
  },
  email: { color: tokens.colorNeutralForeground3 },
});

/** Search users and tick the ones to add; the selection survives new searches. */
interface AddMembersDialogProps {
  tenantId: string;
  group: Group;
  memberIds: ReadonlySet<string>;
  open: boolean;
  onClose: () => void;
}

export function AddMembersDialog(props: AddMembersDialogProps) {
  return <AddMembersDialogContent key={useOpenKey(props.open)} {...props} />;
}

function AddMembersDialogContent({ tenantId, group, memberIds, open, onClose }: AddMembersDialogProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const g = useGroupsTexts();
  const notify = useNotify();
  const [search, setSearch] = useState("");
  const debounced = useDebouncedValue(search.trim(), 300);
  const [chosen, setChosen] = useState<Map<string, User>>(new Map());
  const results = useUserSearch(tenantId, debounced, open);
  const addMembers = useAddGroupMembers(tenantId, group.id);

  const close = () => {
    if (!addMembers.isPending) onClose();
  };

  const toggle = (user: User, checked: boolean) =>
    setChosen((current) => {
      const next = new Map(current);
      if (checked) next.set(user.id, user);
      else next.delete(user.id);
      return next;
    });

  const submit = () => {
    const userIds = [...chosen.keys()];
    addMembers.mutate(userIds, {
      onSuccess: () => {
        close();
        notify(g.addMembers.added(userIds.length));
      },
    });
  };

  const candidates = (results.data ?? []).filter((user) => user.deletedAt === null);

  return (
    <Dialog open={open} onOpenChange={(_, data) => (data.open ? undefined : close())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{g.addMembers.title(group.displayName)}</DialogTitle>
          <DialogContent className={styles.content}>
            {addMembers.isError ? <ErrorMessage error={addMembers.error} /> : null}
            <Field label={g.addMembers.searchLabel}>
              <SearchBox
                value={search}
                placeholder={g.addMembers.searchPlaceholder}
                onChange={(_, data) => setSearch(data.value)}
              />
            </Field>
            <LiveStatus
              message={
                results.isFetching ? g.addMembers.searching : candidates.length === 0 ? g.addMembers.noResults : ""
              }
            />
            <fieldset className={styles.results} aria-busy={results.isFetching}>
              <legend className={styles.email}>{g.addMembers.selected(chosen.size)}</legend>
              {results.isPending ? (
                <Spinner size="tiny" label={g.addMembers.searching} />
              ) : results.isError ? (
                <ErrorMessage error={results.error} onRetry={() => results.refetch()} />
              ) : candidates.length === 0 ? (
                <Text>{g.addMembers.noResults}</Text>
              ) : (
                candidates.map((user) => {
                  const member = memberIds.has(user.id);
                  return (
                    <Checkbox
                      key={user.id}
                      checked={member || chosen.has(user.id)}
                      disabled={member}
                      onChange={(_, data) => toggle(user, data.checked === true)}
                      label={
                        <>
                          {user.displayName} <span className={styles.email}>{user.email}</span>
                        </>
                      }
                    />
                  );
                })
              )}
            </fieldset>
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={addMembers.isPending}>
              {t.common.cancel}
            </Button>
            <Button
              appearance="primary"
              onClick={submit}
              disabled={chosen.size === 0}
              disabledFocusable={addMembers.isPending}
              icon={addMembers.isPending ? <Spinner size="tiny" /> : undefined}
            >
              {addMembers.isPending ? g.addMembers.submitting : g.addMembers.submit}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
