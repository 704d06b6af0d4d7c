import type { Application } from "@allot/contracts";
import { Badge, Link, makeStyles, Text, tokens, useRestoreFocusTarget } from "@fluentui/react-components";
import { CopyButton } from "@/components/copy-button";
import { type DataColumn, DataTable } from "@/components/data-table";
import { useI18n } from "@/lib/i18n";
import { useSettingsTexts } from "../texts";
import { PermissionNames } from "./permission-names";

const useStyles = makeStyles({
  // Columns as wide as their content (a client id, a permission and a date never wrap), the name taking the rest;
  // narrower windows scroll the table sideways.
  table: { minWidth: "900px", tableLayout: "auto" },
  nowrap: { whiteSpace: "nowrap" },
  id: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXXS, whiteSpace: "nowrap" },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
  name: { fontWeight: tokens.fontWeightSemibold, textAlign: "start" },
});

/** An app's status in words (colour is never the only cue). */
export function AppStatus({ enabled }: { enabled: boolean }) {
  const s = useSettingsTexts().apps;
  return (
    <Badge appearance="tint" color={enabled ? "success" : "subtle"}>
      {enabled ? s.enabled : s.disabled}
    </Badge>
  );
}

/** Settings › App registrations: each app with its client id, permissions, status and use; its name opens it. */
export function ApplicationsTable({
  applications,
  onOpen,
}: {
  applications: readonly Application[];
  onOpen: (application: Application) => void;
}) {
  const styles = useStyles();
  const { t, formatDate } = useI18n();
  const s = useSettingsTexts().apps;
  // Closing the details pane hands focus back to the name that opened it.
  const restoreFocusTarget = useRestoreFocusTarget();
  const columns: Array<DataColumn<Application>> = [
    {
      id: "name",
      header: s.columns.name,
      cell: (app) => (
        <Link
          as="button"
          className={styles.name}
          aria-label={s.openDetails(app.displayName)}
          onClick={() => onOpen(app)}
          {...restoreFocusTarget}
        >
          {app.displayName}
        </Link>
      ),
    },
    {
      id: "appId",
      header: s.columns.appId,
      cell: (app) => (
        <span className={styles.id}>
          <span className={styles.mono}>{app.appId}</span>
          <CopyButton value={app.appId} label={s.copyAppId(app.displayName)} />
        </span>
      ),
    },
    {
      id: "permissions",
      header: s.columns.permissions,
      cell: (app) => <PermissionNames permissions={app.permissions} label={s.permissionsLabel(app.displayName)} />,
    },
    {
      id: "status",
      header: s.columns.status,
      cell: (app) => <AppStatus enabled={app.enabled} />,
    },
    {
      id: "created",
      header: s.columns.created,
      className: styles.nowrap,
      cell: (app) => formatDate(app.createdAt),
    },
    {
      id: "lastUsed",
      header: s.columns.lastUsed,
      className: styles.nowrap,
      cell: (app) =>
        app.lastUsedAt ? formatDate(app.lastUsedAt) : <Text className={styles.muted}>{t.common.never}</Text>,
    },
  ];
  return (
    <DataTable
      label={s.tableLabel}
      className={styles.table}
      columns={columns}
      rows={applications}
      rowKey={(app) => app.id}
    />
  );
}
