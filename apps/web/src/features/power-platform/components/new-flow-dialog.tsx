import { createFlowRequestSchema, type Environment } from "@allot/contracts";
import { useState } from "react";
import { FormDialog } from "@/components/form-dialog";
import { useNotify } from "@/components/notify";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { useZodForm } from "@/lib/forms/zod-form";
import { useOpenKey } from "@/lib/hooks";
import { useTenant } from "@/lib/tenant";
import { useCreateFlow } from "../api/flows";
import { usePowerPlatformTexts } from "../texts";
import { type CoOwner, dlpViolationsOf, type FlowDraft, FlowFormFields } from "./flow-form";

interface NewFlowDialogProps {
  environment: Environment;
  open: boolean;
  onClose: () => void;
}

const NO_FLOW: FlowDraft = { name: "", description: "", kind: "cloud", connectors: [] };

/** New flow in an environment: name, type, connectors, co-owners; a DLP refusal names the policy and connectors. */
export function NewFlowDialog(props: NewFlowDialogProps) {
  return <NewFlowDialogContent key={useOpenKey(props.open)} {...props} />;
}

function NewFlowDialogContent({ environment, open, onClose }: NewFlowDialogProps) {
  const p = usePowerPlatformTexts();
  const notify = useNotify();
  const { tenant } = useTenant();
  const create = useCreateFlow(tenant.id, environment.id);
  const [coOwners, setCoOwners] = useState<Map<string, CoOwner>>(new Map());
  const form = useZodForm(createFlowRequestSchema, {
    defaultValues: NO_FLOW,
    toInput: ({ description, ...rest }: FlowDraft) => ({
      ...rest,
      ...(description.trim() ? { description } : {}),
      coOwnerIds: [...coOwners.keys()],
    }),
  });
  const error = useApiErrorOnFields(form, create.error);

  const save = form.handleSubmit((body) =>
    create.mutate(body, {
      onSuccess: (flow) => {
        notify(p.newFlow.created(flow.name));
        onClose();
      },
    }),
  );

  return (
    <FormDialog
      open={open}
      title={p.newFlow.title}
      confirmLabel={p.newFlow.create}
      busyLabel={p.newFlow.creating}
      busy={create.isPending}
      onConfirm={save}
      onClose={onClose}
      error={dlpViolationsOf(create.error) ? null : error}
    >
      <FlowFormFields
        control={form.control}
        open={open}
        error={create.error}
        kindEditable
        coOwners={coOwners}
        onCoOwnersChange={setCoOwners}
      />
    </FormDialog>
  );
}
