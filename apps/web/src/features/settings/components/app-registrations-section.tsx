import {
  Button,
  Card,
  CardHeader,
  Divider,
  makeStyles,
  Spinner,
  Text,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { AddRegular, AppsRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { useListPageStyles } from "@/components/list-page-styles";
import { LiveStatus } from "@/components/visually-hidden";
import { useQueryParams } from "@/lib/hooks";
import { useApplications } from "../api/applications";
import { useSettingsTexts } from "../texts";
import { AppDetailsDrawer } from "./app-details-drawer";
import { ApplicationsTable } from "./applications-table";
import { RegisterAppDialog } from "./register-app-dialog";
import { ScriptConnection } from "./script-connection";

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, minWidth: 0, gap: tokens.spacingVerticalL },
  hint: { color: tokens.colorNeutralForeground2 },
  toolbar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

/**
 * Settings › App registrations (the organization's own global admin): the apps that scripts sign in as, their
 * permissions, status and client secrets, and what a script needs to ask for a token. `?app=` opens one's details.
 */
export function AppRegistrationsSection({ tenantId }: { tenantId: string }) {
  const styles = useStyles();
  const list = useListPageStyles();
  const s = useSettingsTexts().apps;
  const apps = useApplications(tenantId);
  const [registering, setRegistering] = useState(false);
  const [params, updateParams] = useQueryParams();
  const openId = params.get("app");
  const open = (applicationId: string | null) => updateParams({ app: applicationId ?? undefined });

  // Closing the dialog (Escape, Cancel) hands focus back to the button that opened it.
  const restoreFocusTarget = useRestoreFocusTarget();

  const rows = apps.data ?? [];
  const register = (
    <Button appearance="primary" icon={<AddRegular />} onClick={() => setRegistering(true)} {...restoreFocusTarget}>
      {s.register}
    </Button>
  );
  return (
    <Card className={styles.card}>
      <CardHeader
        header={
          <Text as="h2" weight="semibold" size={500}>
            {s.title}
          </Text>
        }
        description={<Text className={styles.hint}>{s.hint}</Text>}
      />
      <LiveStatus message={apps.isPending ? s.loading : s.loaded(rows.length)} />
      {apps.isPending ? (
        <Spinner label={s.loading} />
      ) : apps.isError ? (
        <ErrorMessage error={apps.error} onRetry={() => apps.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState icon={<AppsRegular />} title={s.emptyTitle} headingLevel="h3" actions={register}>
          {s.emptyBody}
        </EmptyState>
      ) : (
        <>
          <div className={styles.toolbar}>{register}</div>
          <div className={list.surface}>
            <ApplicationsTable applications={rows} onOpen={(app) => open(app.id)} />
          </div>
        </>
      )}
      <Divider />
      <ScriptConnection tenantId={tenantId} />
      <RegisterAppDialog
        tenantId={tenantId}
        open={registering}
        onClose={() => setRegistering(false)}
        onRegistered={(applicationId) => {
          setRegistering(false);
          open(applicationId);
        }}
      />
      <AppDetailsDrawer tenantId={tenantId} applicationId={openId} onClose={() => open(null)} />
    </Card>
  );
}
