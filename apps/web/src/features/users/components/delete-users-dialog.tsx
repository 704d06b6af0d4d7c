import type { User } from "@allot/contracts";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  ProgressBar,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { BusyButton } from "@/components/busy-button";
import { DialogShell } from "@/components/dialog-shell";
import { useNotify } from "@/components/notify";
import { errorMessage } from "@/lib/errors";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { type DeleteUsersResult, useDeleteUsers } from "../api/delete-user";
import { useUsersTexts } from "../texts";

const SHOWN_NAMES = 5;

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** Confirms and runs the deletion of one or more users, with progress for long selections. */
interface DeleteUsersDialogProps {
  tenantId: string;
  users: readonly User[];
  open: boolean;
  onClose: () => void;
  onDeleted: (userIds: string[]) => void;
}

export function DeleteUsersDialog(props: DeleteUsersDialogProps) {
  return <DeleteUsersDialogContent key={useOpenKey(props.open)} {...props} />;
}

function DeleteUsersDialogContent({ tenantId, users, open, onClose, onDeleted }: DeleteUsersDialogProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const u = useUsersTexts();
  const notify = useNotify();
  const deleteUsers = useDeleteUsers(tenantId);
  const [done, setDone] = useState(0);
  const [failures, setFailures] = useState<DeleteUsersResult["failed"]>([]);
  const busy = deleteUsers.isPending;
  const only = users.length === 1 ? users[0] : undefined;

  const close = () => {
    if (!busy) onClose();
  };

  const confirm = () => {
    setDone(0);
    setFailures([]);
    deleteUsers.mutate(
      { userIds: users.map((user) => user.id), onProgress: setDone },
      {
        onSuccess: (result) => {
          if (result.deleted.length > 0) {
            notify(only ? u.delete.deletedOne(only.displayName) : u.delete.deleted(result.deleted.length));
            onDeleted(result.deleted);
          }
          if (result.failed.length > 0) setFailures(result.failed);
          else close();
        },
      },
    );
  };

  const nameOf = (userId: string) => users.find((user) => user.id === userId)?.displayName ?? userId;

  return (
    <DialogShell
      open={open}
      modalType="alert"
      title={only ? u.delete.titleOne(only.displayName) : u.delete.title(users.length)}
      busy={busy}
      onClose={close}
      contentClassName={styles.content}
      actions={
        failures.length > 0 ? (
          <Button appearance="primary" onClick={close}>
            {t.common.close}
          </Button>
        ) : (
          <>
            <Button onClick={close} disabled={busy}>
              {t.common.cancel}
            </Button>
            <BusyButton busy={busy} label={u.delete.confirm} busyLabel={t.common.deleting} onClick={confirm} />
          </>
        )
      }
    >
      <p>{u.delete.body}</p>
      {!only ? (
        <ul className={styles.list}>
          {users.slice(0, SHOWN_NAMES).map((user) => (
            <li key={user.id}>
              {user.displayName} ({user.email})
            </li>
          ))}
          {users.length > SHOWN_NAMES ? <li>{u.delete.andMore(users.length - SHOWN_NAMES)}</li> : null}
        </ul>
      ) : null}
      {busy && users.length > 1 ? (
        <Field validationMessage={u.delete.progress(done, users.length)} validationState="none">
          <ProgressBar value={done} max={users.length} aria-label={u.delete.progress(done, users.length)} />
        </Field>
      ) : null}
      {failures.length > 0 ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{u.delete.failed(failures.length)}</MessageBarTitle>
            <ul className={styles.list}>
              {failures.map((failure) => (
                <li key={failure.userId}>
                  {nameOf(failure.userId)}: {errorMessage(failure.error, t)}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </DialogShell>
  );
}
