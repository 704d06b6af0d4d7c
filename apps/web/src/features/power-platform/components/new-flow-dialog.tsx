import { createFlowRequestSchema, dlpViolationSchema, type Environment, type User } from "@allot/contracts";
import { FLOW_KINDS, type FlowKind } from "@allot/domain";
import {
  Checkbox,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Select,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { FormDialog } from "@/components/form-dialog";
import { useNotify } from "@/components/notify";
import { PeoplePicker, usePeopleSearch } from "@/components/people-picker";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { FormField, TextField } from "@/lib/forms/form-field";
import { useZodForm } from "@/lib/forms/zod-form";
import { useOpenKey } from "@/lib/hooks";
import { useTenant } from "@/lib/tenant";
import { useConnectors, useCreateFlow } from "../api/flows";
import { problemExtension } from "../api/problem";
import { useUserSearch } from "../api/search-users";
import { usePowerPlatformTexts } from "../texts";

const useStyles = makeStyles({
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
});

interface NewFlowDialogProps {
  environment: Environment;
  open: boolean;
  onClose: () => void;
}

interface FlowDraft {
  name: string;
  description: string;
  kind: FlowKind;
  connectors: string[];
}

const NO_FLOW: FlowDraft = { name: "", description: "", kind: "cloud", connectors: [] };

/** New flow in an environment: name, type, connectors, co-owners; a DLP refusal names the policy and connectors. */
export function NewFlowDialog(props: NewFlowDialogProps) {
  return <NewFlowDialogContent key={useOpenKey(props.open)} {...props} />;
}

function NewFlowDialogContent({ environment, open, onClose }: NewFlowDialogProps) {
  const styles = useStyles();
  const p = usePowerPlatformTexts();
  const notify = useNotify();
  const context = useTenant();
  const tenantId = context.tenant.id;
  const pickCoOwners = context.can("directory.read");
  const connectors = useConnectors(tenantId, open);
  const create = useCreateFlow(tenantId, environment.id);
  const search = usePeopleSearch();
  const suggestions = useUserSearch(tenantId, search.term, open && pickCoOwners);
  const [coOwners, setCoOwners] = useState<Map<string, User>>(new Map());
  const form = useZodForm(createFlowRequestSchema, {
    defaultValues: NO_FLOW,
    toInput: ({ description, ...rest }: FlowDraft) => ({
      ...rest,
      ...(description.trim() ? { description } : {}),
      coOwnerIds: [...coOwners.keys()],
    }),
  });
  const error = useApiErrorOnFields(form, create.error);
  const violations = problemExtension(create.error, "DlpViolation", dlpViolationSchema);
  const nameOf = (id: string) => connectors.data?.find((connector) => connector.id === id)?.displayName ?? id;

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
      error={violations ? null : error}
    >
      {violations ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{p.newFlow.dlpTitle}</MessageBarTitle>
            <ul>
              {violations.violations.map((violation) => (
                <li key={`${violation.policy}-${violation.reason}`}>
                  {p.newFlow.violation[violation.reason](violation.policy, violation.connectors.map(nameOf).join(", "))}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <TextField control={form.control} name="name" label={p.newFlow.name} required />
      <TextField control={form.control} name="description" label={p.newFlow.description} />
      <FormField control={form.control} name="kind" label={p.newFlow.kind}>
        {(field) => (
          <Select ref={field.ref} value={field.value} onChange={(_, data) => field.onChange(data.value)}>
            {FLOW_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {p.flowKinds[kind]}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField control={form.control} name="connectors">
        {(field) =>
          connectors.isError ? (
            <ErrorMessage error={connectors.error} onRetry={() => connectors.refetch()} />
          ) : connectors.isPending ? (
            <Spinner size="tiny" label={p.newFlow.connectorsLoading} />
          ) : (
            <fieldset className={styles.fieldset}>
              <legend className={styles.legend}>{p.newFlow.connectors}</legend>
              {connectors.data.map((connector) => (
                <Checkbox
                  key={connector.id}
                  label={
                    connector.tier === "premium"
                      ? `${connector.displayName} (${p.newFlow.premium})`
                      : connector.displayName
                  }
                  checked={field.value.includes(connector.id)}
                  onChange={(_, data) =>
                    field.onChange(
                      data.checked
                        ? [...field.value, connector.id]
                        : field.value.filter((id: string) => id !== connector.id),
                    )
                  }
                />
              ))}
            </fieldset>
          )
        }
      </FormField>
      {pickCoOwners ? (
        <PeoplePicker
          search={search}
          suggestions={suggestions}
          canChoose={(user) => user.deletedAt === null}
          chosen={coOwners}
          onChange={setCoOwners}
          texts={p.newFlow.coOwners}
        />
      ) : null}
    </FormDialog>
  );
}
