import { dlpViolationSchema } from "@allot/contracts";
import { FLOW_KINDS, type FlowKind } from "@allot/domain";
import {
  Checkbox,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Select,
  Spinner,
  Tag,
  TagGroup,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import type { Control } from "react-hook-form";
import { ErrorMessage } from "@/components/error-message";
import { PeoplePicker, type PickablePerson, usePeopleSearch } from "@/components/people-picker";
import { FormField, TextField } from "@/lib/forms/form-field";
import { useTenant } from "@/lib/tenant";
import { useConnectors } from "../api/flows";
import { problemExtension } from "../api/problem";
import { useUserSearch } from "../api/search-users";
import { usePowerPlatformTexts } from "../texts";

const useStyles = makeStyles({
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  tags: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** What the New flow and Edit flow dialogs' fields hold; co-owners are kept beside it, as people. */
export interface FlowDraft {
  name: string;
  description: string;
  kind: FlowKind;
  connectors: string[];
}

/** A co-owner: a flow's person, or a user picked from the directory (never a deleted one). */
export type CoOwner = PickablePerson & { deletedAt?: string | null };

/** The DLP policies a create or update refused the connectors for (the problem's `violations`), if that was it. */
export function dlpViolationsOf(error: unknown) {
  return problemExtension(error, "DlpViolation", dlpViolationSchema)?.violations;
}

interface FlowFormFieldsProps {
  control: Control<FlowDraft, unknown, unknown>;
  open: boolean;
  /** The failed save's error: a DLP refusal names each policy and its connectors above the fields. */
  error: unknown;
  /** False once the flow exists: its type shows read-only. */
  kindEditable: boolean;
  coOwners: ReadonlyMap<string, CoOwner>;
  onCoOwnersChange: (coOwners: Map<string, CoOwner>) => void;
}

/**
 * The fields of a flow: name, description, type, connectors and co-owners. Co-owners are searched in the directory by
 * those who may read it; anyone else keeps the flow's current co-owners (removable) and adds none.
 */
export function FlowFormFields({
  control,
  open,
  error,
  kindEditable,
  coOwners,
  onCoOwnersChange,
}: FlowFormFieldsProps) {
  const styles = useStyles();
  const p = usePowerPlatformTexts();
  const context = useTenant();
  const tenantId = context.tenant.id;
  const pickCoOwners = context.can("directory.read");
  const connectors = useConnectors(tenantId, open);
  const search = usePeopleSearch();
  const suggestions = useUserSearch(tenantId, search.term, open && pickCoOwners);
  const violations = dlpViolationsOf(error);
  // Each checkbox its own id: inside the connectors' Field they would all take the Field's one (and every label
  // would toggle the first).
  const checkboxId = useId();
  const nameOf = (id: string) => connectors.data?.find((connector) => connector.id === id)?.displayName ?? id;

  return (
    <>
      {violations ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{p.newFlow.dlpTitle}</MessageBarTitle>
            <ul>
              {violations.map((violation) => (
                <li key={`${violation.policy}-${violation.reason}`}>
                  {p.newFlow.violation[violation.reason](violation.policy, violation.connectors.map(nameOf).join(", "))}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <TextField control={control} name="name" label={p.newFlow.name} required />
      <TextField control={control} name="description" label={p.newFlow.description} />
      {kindEditable ? (
        <FormField control={control} name="kind" label={p.newFlow.kind}>
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
      ) : (
        <FormField control={control} name="kind" label={p.newFlow.kind} hint={p.editFlow.kindFixed}>
          {(field) => <Input ref={field.ref} readOnly value={p.flowKinds[field.value]} />}
        </FormField>
      )}
      <FormField control={control} name="connectors">
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
                  id={`${checkboxId}-${connector.id}`}
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
          canChoose={(user) => !user.deletedAt}
          chosen={coOwners}
          onChange={onCoOwnersChange}
          texts={p.newFlow.coOwners}
        />
      ) : coOwners.size > 0 ? (
        <CurrentCoOwners coOwners={coOwners} onChange={onCoOwnersChange} />
      ) : null}
    </>
  );
}

/** The flow's co-owners as tags, each removable, for someone who cannot search the directory for new ones. */
function CurrentCoOwners({
  coOwners,
  onChange,
}: {
  coOwners: ReadonlyMap<string, CoOwner>;
  onChange: (coOwners: Map<string, CoOwner>) => void;
}) {
  const styles = useStyles();
  const p = usePowerPlatformTexts();
  const labelId = useId();
  const hintId = useId();
  return (
    <div className={styles.group}>
      <Text id={labelId} weight="semibold">
        {p.flow.coOwners}
      </Text>
      <TagGroup
        className={styles.tags}
        aria-labelledby={labelId}
        aria-describedby={hintId}
        onDismiss={(_, data) => {
          const next = new Map(coOwners);
          next.delete(String(data.value));
          onChange(next);
        }}
      >
        {[...coOwners.values()].map((person) => (
          <Tag
            key={person.id}
            value={person.id}
            shape="rounded"
            dismissible
            dismissIcon={{ "aria-label": p.newFlow.coOwners.remove(person.displayName) }}
            title={person.email}
          >
            {person.displayName}
          </Tag>
        ))}
      </TagGroup>
      <Text id={hintId} size={200} className={styles.hint}>
        {p.editFlow.coOwnersFixed}
      </Text>
    </div>
  );
}
