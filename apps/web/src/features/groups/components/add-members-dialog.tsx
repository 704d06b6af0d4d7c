import { addGroupMembersRequestSchema, type Group, type User } from "@allot/contracts";
import {
  Checkbox,
  Field,
  makeStyles,
  SearchBox,
  Spinner,
  Text,
  tokens,
  useFieldControlProps_unstable,
} from "@fluentui/react-components";
import { type KeyboardEvent, useState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { FormDialog } from "@/components/form-dialog";
import { useNotify } from "@/components/notify";
import { LiveStatus } from "@/components/visually-hidden";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { FormField } from "@/lib/forms/form-field";
import { useZodForm } from "@/lib/forms/zod-form";
import { useDebouncedValue, useOpenKey } from "@/lib/hooks";
import { useAddGroupMembers } from "../api/add-group-members";
import { useUserSearch } from "../api/search-users";
import { useGroupsTexts } from "../texts";

const useStyles = makeStyles({
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

interface MembersDraft {
  /** The users ticked so far; a new search keeps them. */
  userIds: string[];
}

const NO_MEMBERS: MembersDraft = { userIds: [] };

/** Enter in the search box searches (as it types); it does not add the users ticked so far. */
const keepEnterInSearch = (event: KeyboardEvent) => {
  if (event.key === "Enter") event.preventDefault();
};

function AddMembersDialogContent({ tenantId, group, memberIds, open, onClose }: AddMembersDialogProps) {
  const g = useGroupsTexts();
  const notify = useNotify();
  const [search, setSearch] = useState("");
  const debounced = useDebouncedValue(search.trim(), 300);
  const results = useUserSearch(tenantId, debounced, open);
  const addMembers = useAddGroupMembers(tenantId, group.id);
  const form = useZodForm(addGroupMembersRequestSchema, { defaultValues: NO_MEMBERS });
  const error = useApiErrorOnFields(form, addMembers.error, { AlreadyMember: "userIds" });
  const chosen = form.watch("userIds");

  const save = form.handleSubmit(({ userIds }) =>
    addMembers.mutate(userIds, {
      onSuccess: () => {
        onClose();
        notify(g.addMembers.added(userIds.length));
      },
    }),
  );

  const candidates = (results.data ?? []).filter((user) => user.deletedAt === null);

  return (
    <FormDialog
      open={open}
      title={g.addMembers.title(group.displayName)}
      confirmLabel={g.addMembers.submit}
      busyLabel={g.addMembers.submitting}
      busy={addMembers.isPending}
      canConfirm={chosen.length > 0}
      onConfirm={save}
      onClose={onClose}
      error={error}
    >
      <Field label={g.addMembers.searchLabel}>
        <SearchBox
          value={search}
          placeholder={g.addMembers.searchPlaceholder}
          onChange={(_, data) => setSearch(data.value)}
          onKeyDown={keepEnterInSearch}
        />
      </Field>
      <LiveStatus
        message={results.isFetching ? g.addMembers.searching : candidates.length === 0 ? g.addMembers.noResults : ""}
      />
      <FormField control={form.control} name="userIds">
        {(field) => (
          <UserChecklist
            results={results}
            candidates={candidates}
            memberIds={memberIds}
            chosen={field.value}
            onChange={field.onChange}
          />
        )}
      </FormField>
    </FormDialog>
  );
}

/**
 * The users found, ticked or not (members of the group already: ticked and fixed); inside the form's field, so the
 * field's problem (e.g. AlreadyMember) describes the list.
 */
function UserChecklist({
  results,
  candidates,
  memberIds,
  chosen,
  onChange,
}: {
  results: ReturnType<typeof useUserSearch>;
  candidates: readonly User[];
  memberIds: ReadonlySet<string>;
  chosen: readonly string[];
  onChange: (userIds: string[]) => void;
}) {
  const styles = useStyles();
  const g = useGroupsTexts();
  const fieldProps = useFieldControlProps_unstable();
  return (
    <fieldset
      className={styles.results}
      aria-busy={results.isFetching}
      aria-invalid={fieldProps?.["aria-invalid"]}
      aria-describedby={fieldProps?.["aria-describedby"]}
    >
      <legend className={styles.email}>{g.addMembers.selected(chosen.length)}</legend>
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
              checked={member || chosen.includes(user.id)}
              disabled={member}
              onChange={(_, data) =>
                onChange(data.checked === true ? [...chosen, user.id] : chosen.filter((id) => id !== user.id))
              }
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
  );
}
