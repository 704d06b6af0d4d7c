import { ERROR_CODES, type ErrorCode, type Subscription } from "@allot/contracts";
import { MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { FormDialog } from "@/components/form-dialog";
import { useNotify } from "@/components/notify";
import { PeoplePicker, usePeopleSearch } from "@/components/people-picker";
import { ApiError } from "@/lib/api-client";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useChangeAssignments } from "../api/change-assignments";
import { type Person, usePeople } from "../api/search-people";
import { useAccountTexts } from "../texts";

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

interface AssignSeatsDialogProps {
  tenantId: string;
  subscription: Subscription;
  open: boolean;
  /** People holding a seat already. */
  holders: ReadonlySet<string>;
  free: number;
  onClose: () => void;
}

/** The buyer gives free seats of their subscription to people of the organization. */
export function AssignSeatsDialog(props: AssignSeatsDialogProps) {
  return <AssignSeatsDialogContent key={useOpenKey(props.open)} {...props} />;
}

function AssignSeatsDialogContent({ tenantId, subscription, open, holders, free, onClose }: AssignSeatsDialogProps) {
  const { t } = useI18n();
  const tx = useAccountTexts();
  const notify = useNotify();
  const assign = useChangeAssignments(tenantId, subscription.id, "assign");
  const [chosen, setChosen] = useState<Map<string, Person>>(new Map());
  // GET people, which any member may use (the buyer may have no directory rights); only while the dialog shows.
  const search = usePeopleSearch();
  const people = usePeople(tenantId, search.term, open);
  const tooMany = chosen.size > free;

  const confirm = () => {
    const count = chosen.size;
    assign.mutate([...chosen.keys()], {
      onSuccess: () => {
        notify(tx.assigned(count));
        onClose();
      },
    });
  };

  // A refused assignment names the rule per person (no usage location, a license that excludes this one, …).
  const problems =
    assign.error instanceof ApiError
      ? assign.error.fieldErrors.flatMap((field) =>
          field.code && KNOWN.has(field.code)
            ? [
                {
                  key: `${field.userId ?? ""}-${field.code}`,
                  who: (field.userId && chosen.get(field.userId)?.displayName) || "",
                  text: t.errors[field.code as ErrorCode],
                },
              ]
            : [],
        )
      : [];

  return (
    <FormDialog
      open={open}
      title={tx.assignTitle(subscription.productName)}
      confirmLabel={tx.assignConfirm(Math.max(1, chosen.size))}
      busyLabel={tx.assigning}
      busy={assign.isPending}
      canConfirm={chosen.size > 0 && !tooMany}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Text>{tx.free(free)}</Text>
      {assign.isError ? (
        problems.length > 0 ? (
          <MessageBar intent="error" role="alert" layout="multiline">
            <MessageBarBody>
              {problems.map((problem) => (
                <div key={problem.key}>{problem.who ? `${problem.who}: ${problem.text}` : problem.text}</div>
              ))}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorMessage error={assign.error} />
        )
      ) : null}
      <PeoplePicker
        search={search}
        suggestions={people}
        canChoose={(person) => !holders.has(person.id)}
        chosen={chosen}
        onChange={setChosen}
        texts={{
          label: tx.picker,
          hint: tx.pickerHint,
          placeholder: tx.pickerPlaceholder,
          chosen: tx.chosen,
          remove: tx.removeChosen,
          searching: tx.searching,
          noMatches: tx.noMatches,
        }}
        validationMessage={tooMany ? tx.tooMany(free) : undefined}
      />
    </FormDialog>
  );
}
