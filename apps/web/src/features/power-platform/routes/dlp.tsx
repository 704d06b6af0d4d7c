import type { DlpPolicies } from "@allot/contracts";
import {
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Toolbar,
  ToolbarButton,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { AddRegular, DeleteRegular, EditRegular, ShieldLockRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { BusyButton } from "@/components/busy-button";
import { type DataColumn, DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { useNotify } from "@/components/notify";
import { TableSurface } from "@/components/table-surface";
import { VisuallyHidden } from "@/components/visually-hidden";
import { useTenant } from "@/lib/tenant";
import { useDlpPolicies, useSaveDlpPolicies } from "../api/dlp";
import { useEnvironments } from "../api/environments";
import { useConnectors } from "../api/flows";
import { type DlpDraft, draftOf, putBody } from "../components/dlp-draft";
import { DlpPolicyEditor } from "../components/dlp-policy-editor";
import { PowerPlatformHeader } from "../components/pp-page";
import { RowActions } from "../components/row-actions";
import { SuspendedFlows } from "../components/suspended-flows";
import { usePowerPlatformTexts } from "../texts";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

/** Power Platform › Data policies: the tenant's DLP policies, edited here and saved as a whole set. */
export function DlpRoute() {
  const p = usePowerPlatformTexts();
  const { tenant } = useTenant();
  const policies = useDlpPolicies(tenant.id);
  return (
    <>
      <PowerPlatformHeader area="dlp" title={p.dlp.title} description={p.dlp.description} />
      {policies.isError ? (
        <ErrorMessage error={policies.error} onRetry={() => policies.refetch()} />
      ) : policies.isPending ? (
        <Spinner label={p.dlp.loading} />
      ) : (
        <DlpEditor saved={policies.data} />
      )}
    </>
  );
}

function DlpEditor({ saved }: { saved: DlpPolicies }) {
  const styles = useStyles();
  const p = usePowerPlatformTexts();
  const notify = useNotify();
  const { tenant } = useTenant();
  const environments = useEnvironments(tenant.id);
  const connectors = useConnectors(tenant.id);
  const save = useSaveDlpPolicies(tenant.id);
  const restoreFocusTarget = useRestoreFocusTarget();
  const [drafts, setDrafts] = useState<DlpDraft[]>(() => saved.items.map(draftOf));
  const [dirty, setDirty] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [suspended, setSuspended] = useState<DlpPolicies["suspendedFlows"] | null>(null);
  const [created, setCreated] = useState(0);

  const environmentName = (id: string | null) =>
    id === null ? p.dlp.tenantWide : (environments.data?.find((environment) => environment.id === id)?.name ?? id);
  const connectorName = (id: string) => connectors.data?.find((connector) => connector.id === id)?.displayName ?? id;
  const change = (next: DlpDraft[]) => {
    setDrafts(next);
    setDirty(true);
    setSuspended(null);
  };
  const add = () => {
    const key = `new-${created + 1}`;
    setCreated(created + 1);
    const name = p.dlp.newPolicyName(drafts.length + 1);
    change([...drafts, { key, name, environmentId: null, business: [], nonBusiness: [], blocked: [] }]);
    setEditing(key);
  };
  const submit = () =>
    save.mutate(putBody(drafts), {
      onSuccess: (result) => {
        setDrafts(result.items.map(draftOf));
        setDirty(false);
        setSuspended(result.suspendedFlows);
        notify(p.dlp.saved);
      },
    });

  const columns: DataColumn<DlpDraft>[] = [
    { id: "name", header: p.dlp.columns.name, cell: (draft) => draft.name },
    { id: "scope", header: p.dlp.columns.scope, cell: (draft) => environmentName(draft.environmentId) },
    { id: "business", header: p.dlp.columns.business, cell: (draft) => draft.business.length },
    { id: "nonBusiness", header: p.dlp.columns.nonBusiness, cell: (draft) => draft.nonBusiness.length },
    { id: "blocked", header: p.dlp.columns.blocked, cell: (draft) => draft.blocked.length },
    {
      id: "actions",
      header: <VisuallyHidden>{p.actions}</VisuallyHidden>,
      cell: (draft) => (
        <RowActions
          actions={[
            { label: p.dlp.edit(draft.name), icon: <EditRegular />, onClick: () => setEditing(draft.key) },
            {
              label: p.dlp.remove(draft.name),
              icon: <DeleteRegular />,
              onClick: () => change(drafts.filter((candidate) => candidate.key !== draft.key)),
            },
          ]}
        />
      ),
    },
  ];

  return (
    <div className={styles.block}>
      <Toolbar aria-label={p.actions}>
        <ToolbarButton icon={<AddRegular />} onClick={add} {...restoreFocusTarget}>
          {p.dlp.add}
        </ToolbarButton>
      </Toolbar>
      {suspended ? <SuspendedFlows flows={suspended} connectorName={connectorName} /> : null}
      {save.isError ? <ErrorMessage error={save.error} /> : null}
      {drafts.length === 0 ? (
        <EmptyState icon={<ShieldLockRegular />} title={p.dlp.emptyTitle}>
          {p.dlp.emptyBody}
        </EmptyState>
      ) : (
        <TableSurface label={p.dlp.policiesLabel}>
          <DataTable label={p.dlp.policiesLabel} columns={columns} rows={drafts} rowKey={(draft) => draft.key} />
        </TableSurface>
      )}
      {dirty ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{p.dlp.unsaved}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.actions}>
        <BusyButton
          busy={save.isPending}
          disabled={!dirty}
          label={p.dlp.save}
          busyLabel={p.dlp.saving}
          onClick={submit}
        />
        {dirty ? (
          <Button
            disabled={save.isPending}
            onClick={() => {
              setDrafts(saved.items.map(draftOf));
              setDirty(false);
            }}
          >
            {p.dlp.discard}
          </Button>
        ) : null}
      </div>
      <DlpPolicyEditor
        draft={drafts.find((draft) => draft.key === editing)}
        environments={environments.data ?? []}
        onApply={(next) => {
          change(drafts.map((draft) => (draft.key === next.key ? next : draft)));
          setEditing(null);
        }}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}
