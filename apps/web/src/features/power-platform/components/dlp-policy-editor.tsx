import type { Environment } from "@allot/contracts";
import { DLP_GROUPS, type DlpGroup } from "@allot/domain";
import {
  Field,
  Input,
  makeStyles,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { useState } from "react";
import { FormDialog } from "@/components/form-dialog";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { useConnectors } from "../api/flows";
import { usePowerPlatformTexts } from "../texts";
import { type DlpDraft, groupOf, withGroups } from "./dlp-draft";

const useStyles = makeStyles({
  surface: { maxWidth: "720px", width: "100%" },
  connectors: { maxHeight: "50vh", overflowY: "auto" },
});

const TENANT_WIDE = "";

interface DlpPolicyEditorProps {
  draft: DlpDraft | undefined;
  environments: Environment[];
  onApply: (draft: DlpDraft) => void;
  onClose: () => void;
}

/** Edit one policy: its name, scope, and per connector of the catalog Business, Non-business or Blocked. */
export function DlpPolicyEditor(props: DlpPolicyEditorProps) {
  return <DlpPolicyEditorContent key={useOpenKey(props.draft !== undefined)} {...props} />;
}

function DlpPolicyEditorContent({ draft, environments, onApply, onClose }: DlpPolicyEditorProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const p = usePowerPlatformTexts();
  const { tenant } = useTenant();
  const connectors = useConnectors(tenant.id, draft !== undefined);
  const [name, setName] = useState(draft?.name ?? "");
  const [scope, setScope] = useState(draft?.environmentId ?? TENANT_WIDE);
  const [groups, setGroups] = useState<Map<string, DlpGroup>>(new Map());
  const [submitted, setSubmitted] = useState(false);
  const nameMissing = name.trim() === "";

  const chosenGroup = (connectorId: string): DlpGroup =>
    groups.get(connectorId) ?? (draft ? groupOf(draft, connectorId) : "nonBusiness");

  const apply = () => {
    setSubmitted(true);
    if (!draft || nameMissing) return;
    const all = new Map((connectors.data ?? []).map((connector) => [connector.id, chosenGroup(connector.id)]));
    // Connectors a policy names that the catalog no longer lists keep their group.
    for (const id of [...draft.business, ...draft.nonBusiness, ...draft.blocked]) {
      if (!all.has(id)) all.set(id, groupOf(draft, id));
    }
    onApply({ ...withGroups(draft, all), name: name.trim(), environmentId: scope === TENANT_WIDE ? null : scope });
  };

  return (
    <FormDialog
      open={draft !== undefined}
      title={draft ? p.dlp.editor.title(draft.name) : ""}
      confirmLabel={p.dlp.editor.apply}
      busyLabel={p.dlp.editor.applying}
      busy={false}
      canConfirm={connectors.isSuccess}
      onConfirm={apply}
      onClose={onClose}
      error={connectors.isError ? connectors.error : null}
      className={styles.surface}
    >
      <Field
        label={p.dlp.editor.name}
        required
        validationMessage={submitted && nameMissing ? t.validation.required : undefined}
      >
        <Input value={name} onChange={(_, data) => setName(data.value)} />
      </Field>
      <Field label={p.dlp.editor.scope}>
        <Select value={scope} onChange={(_, data) => setScope(data.value)}>
          <option value={TENANT_WIDE}>{p.dlp.tenantWide}</option>
          {environments.map((environment) => (
            <option key={environment.id} value={environment.id}>
              {environment.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.connectors}>
        <Table aria-label={p.dlp.editor.connectorsLabel} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{p.dlp.editor.connector}</TableHeaderCell>
              <TableHeaderCell>{p.dlp.editor.group}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {(connectors.data ?? []).map((connector) => (
              <TableRow key={connector.id}>
                <TableCell>
                  {connector.tier === "premium"
                    ? `${connector.displayName} (${p.newFlow.premium})`
                    : connector.displayName}
                </TableCell>
                <TableCell>
                  <Select
                    size="small"
                    aria-label={p.dlp.editor.groupOf(connector.displayName)}
                    value={chosenGroup(connector.id)}
                    onChange={(_, data) =>
                      setGroups((current) => new Map(current).set(connector.id, data.value as DlpGroup))
                    }
                  >
                    {DLP_GROUPS.map((group) => (
                      <option key={group} value={group}>
                        {p.dlp.groups[group]}
                      </option>
                    ))}
                  </Select>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </FormDialog>
  );
}
