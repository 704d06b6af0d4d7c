import type { Application } from "@allot/contracts";
import {
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import { type ReactNode, useId, useState } from "react";
import { CopyField } from "@/components/copy-field";
import { DetailsDrawer } from "@/components/details-drawer";
import { useI18n } from "@/lib/i18n";
import { useApplication } from "../api/applications";
import { useSettingsTexts } from "../texts";
import { AppEnabledSwitch } from "./app-enabled-switch";
import { AppPropertiesForm } from "./app-properties-form";
import { ClientSecrets } from "./client-secrets";
import { DeleteAppDialog } from "./delete-app-dialog";

const useStyles = makeStyles({
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXL,
    paddingBottom: tokens.spacingVerticalL,
  },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", justifyContent: "flex-end" },
});

/** An app registration's details pane: essentials, enabled, name and permissions, client secrets, delete. */
export function AppDetailsDrawer({
  tenantId,
  applicationId,
  onClose,
}: {
  tenantId: string;
  applicationId: string | null;
  onClose: () => void;
}) {
  const s = useSettingsTexts().apps;
  const query = useApplication(tenantId, applicationId);
  return (
    <DetailsDrawer
      open={applicationId !== null}
      title={query.data ? query.data.displayName : query.data === null ? s.details.notFound : null}
      query={query}
      loadErrorTitle={s.details.loadError}
      onClose={onClose}
      size="large"
    >
      {(app) =>
        app ? (
          <AppDetails key={app.id} tenantId={tenantId} app={app} onDeleted={onClose} />
        ) : (
          <MessageBar intent="warning">
            <MessageBarBody>{s.details.notFound}</MessageBarBody>
          </MessageBar>
        )
      }
    </DetailsDrawer>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Text as="h3" id={headingId} weight="semibold" size={400} className={styles.heading}>
        {title}
      </Text>
      {children}
    </section>
  );
}

function AppDetails({ tenantId, app, onDeleted }: { tenantId: string; app: Application; onDeleted: () => void }) {
  const styles = useStyles();
  const { t, formatDateTime } = useI18n();
  const s = useSettingsTexts().apps;
  const [deleting, setDeleting] = useState(false);
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <div className={styles.body}>
      <Section title={s.details.essentials}>
        <CopyField label={s.details.appId} value={app.appId} copyLabel={s.details.copyAppId} />
        <dl className={styles.facts}>
          <dt className={styles.term}>{s.details.created}</dt>
          <dd className={styles.value}>{formatDateTime(app.createdAt)}</dd>
          <dt className={styles.term}>{s.details.lastUsed}</dt>
          <dd className={styles.value}>
            {app.lastUsedAt ? formatDateTime(app.lastUsedAt) : <span className={styles.muted}>{t.common.never}</span>}
          </dd>
        </dl>
        <AppEnabledSwitch tenantId={tenantId} app={app} />
      </Section>
      <Section title={s.details.properties}>
        <AppPropertiesForm tenantId={tenantId} app={app} />
      </Section>
      <Section title={s.secrets.title}>
        <ClientSecrets tenantId={tenantId} app={app} />
      </Section>
      <div className={styles.actions}>
        <Button icon={<DeleteRegular />} onClick={() => setDeleting(true)} {...restoreFocusTarget}>
          {s.details.delete}
        </Button>
      </div>
      <DeleteAppDialog
        tenantId={tenantId}
        app={deleting ? app : null}
        onClose={() => setDeleting(false)}
        onDeleted={onDeleted}
      />
    </div>
  );
}
