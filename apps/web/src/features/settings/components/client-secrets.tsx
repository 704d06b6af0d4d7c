import type { Application, ApplicationSecret } from "@allot/contracts";
import { Badge, Button, makeStyles, Text, tokens, useRestoreFocusTarget } from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { type DataColumn, DataTable } from "@/components/data-table";
import { useListPageStyles } from "@/components/list-page-styles";
import { useI18n } from "@/lib/i18n";
import { useSettingsTexts } from "../texts";
import { NewSecretDialog } from "./new-secret-dialog";
import { RemoveSecretDialog } from "./remove-secret-dialog";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground2 },
  toolbar: { display: "flex" },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  muted: { color: tokens.colorNeutralForeground3 },
  expires: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** Whether a secret has expired by now (the API refuses it then; the list keeps it until it is removed). */
export function isExpired(secret: Pick<ApplicationSecret, "expiresAt">, now = Date.now()): boolean {
  return new Date(secret.expiresAt).getTime() <= now;
}

/** An app's client secrets: description, first characters, expiry (expired ones marked), last use; add and remove. */
export function ClientSecrets({ tenantId, app }: { tenantId: string; app: Application }) {
  const styles = useStyles();
  const list = useListPageStyles();
  const { t, formatDate, formatDateTime } = useI18n();
  const s = useSettingsTexts().apps.secrets;
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<ApplicationSecret | null>(null);
  const restoreFocusTarget = useRestoreFocusTarget();
  const columns: Array<DataColumn<ApplicationSecret>> = [
    { id: "description", header: s.columns.description, cell: (secret) => secret.displayName },
    {
      id: "hint",
      header: s.columns.hint,
      cell: (secret) => <span className={styles.mono}>{s.startsWith(secret.hint)}</span>,
    },
    {
      id: "expires",
      header: s.columns.expires,
      cell: (secret) => (
        <span className={styles.expires}>
          {formatDate(secret.expiresAt)}
          {isExpired(secret) ? (
            <Badge appearance="tint" color="danger">
              {s.expired}
            </Badge>
          ) : null}
        </span>
      ),
    },
    {
      id: "lastUsed",
      header: s.columns.lastUsed,
      cell: (secret) =>
        secret.lastUsedAt ? formatDateTime(secret.lastUsedAt) : <span className={styles.muted}>{t.common.never}</span>,
    },
    {
      id: "actions",
      header: s.columns.actions,
      cell: (secret) => (
        <Button
          size="small"
          icon={<DeleteRegular />}
          aria-label={s.removeLabel(secret.displayName)}
          onClick={() => setRemoving(secret)}
          {...restoreFocusTarget}
        >
          {s.remove}
        </Button>
      ),
    },
  ];
  return (
    <div className={styles.root}>
      <Text className={styles.hint}>{s.hint}</Text>
      <div className={styles.toolbar}>
        <Button icon={<AddRegular />} onClick={() => setAdding(true)} {...restoreFocusTarget}>
          {s.add}
        </Button>
      </div>
      {app.secrets.length === 0 ? (
        <Text className={styles.muted}>{s.empty}</Text>
      ) : (
        <div className={list.surface}>
          <DataTable
            label={s.tableLabel(app.displayName)}
            columns={columns}
            rows={app.secrets}
            rowKey={(secret) => secret.id}
            size="small"
          />
        </div>
      )}
      <NewSecretDialog tenantId={tenantId} applicationId={app.id} open={adding} onClose={() => setAdding(false)} />
      <RemoveSecretDialog
        tenantId={tenantId}
        applicationId={app.id}
        secret={removing}
        onClose={() => setRemoving(null)}
      />
    </div>
  );
}
