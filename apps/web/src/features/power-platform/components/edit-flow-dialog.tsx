import { type Flow, updateFlowRequestSchema } from "@allot/contracts";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { FormDialog } from "@/components/form-dialog";
import { useNotify } from "@/components/notify";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { useZodForm } from "@/lib/forms/zod-form";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { useUpdateFlow } from "../api/flows";
import { usePowerPlatformTexts } from "../texts";
import { type CoOwner, dlpViolationsOf, type FlowDraft, FlowFormFields } from "./flow-form";

const useStyles = makeStyles({
  problem: { color: tokens.colorPaletteRedForeground1 },
});

interface EditFlowDialogProps {
  flow: Flow;
  open: boolean;
  onClose: () => void;
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/**
 * Only what differs from the flow as loaded, of what the dialog edits (name, description, connectors, co-owners):
 * the license mode and type are never sent. An emptied description is cleared.
 */
function changesTo(flow: Flow, { name, description, connectors }: FlowDraft, coOwnerIds: string[]) {
  const trimmed = description.trim();
  return {
    ...(name !== flow.name ? { name } : {}),
    ...(trimmed !== (flow.description ?? "").trim() ? { description: trimmed ? description : null } : {}),
    ...(sameIds(connectors, flow.connectors) ? {} : { connectors }),
    ...(sameIds(
      coOwnerIds,
      flow.coOwners.map((person) => person.id),
    )
      ? {}
      : { coOwnerIds }),
  };
}

/** Edit flow: its name, description, connectors and co-owners (the type is fixed); sends only what changed. */
export function EditFlowDialog(props: EditFlowDialogProps) {
  return <EditFlowDialogContent key={useOpenKey(props.open)} {...props} />;
}

function EditFlowDialogContent({ flow, open, onClose }: EditFlowDialogProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const p = usePowerPlatformTexts();
  const notify = useNotify();
  const { tenant } = useTenant();
  const update = useUpdateFlow(tenant.id, flow.id);
  const [coOwners, setCoOwners] = useState(
    () => new Map<string, CoOwner>(flow.coOwners.map((person) => [person.id, person])),
  );
  const form = useZodForm(updateFlowRequestSchema, {
    defaultValues: {
      name: flow.name,
      description: flow.description ?? "",
      kind: flow.kind,
      connectors: flow.connectors,
    } satisfies FlowDraft,
    toInput: (draft: FlowDraft) => changesTo(flow, draft, [...coOwners.keys()]),
  });
  const error = useApiErrorOnFields(form, update.error);
  // Nothing changed: the request would name no field.
  const formProblem = form.formState.errors.root?.message;

  const save = form.handleSubmit((body) =>
    update.mutate(body, {
      onSuccess: (saved) => {
        notify(p.editFlow.saved(saved.name));
        onClose();
      },
    }),
  );

  return (
    <FormDialog
      open={open}
      title={p.editFlow.title(flow.name)}
      confirmLabel={t.common.save}
      busyLabel={t.common.saving}
      busy={update.isPending}
      onConfirm={save}
      onClose={onClose}
      error={dlpViolationsOf(update.error) ? null : error}
    >
      {formProblem ? (
        <Text role="alert" className={styles.problem}>
          {formProblem}
        </Text>
      ) : null}
      <FlowFormFields
        control={form.control}
        open={open}
        error={update.error}
        kindEditable={false}
        coOwners={coOwners}
        onCoOwnersChange={setCoOwners}
      />
    </FormDialog>
  );
}
