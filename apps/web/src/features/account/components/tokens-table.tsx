import type { PersonalToken } from "@allot/contracts";
import { Badge, Button, makeStyles, Text, tokens, useRestoreFocusTarget } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import { type DataColumn, DataTable } from "@/components/data-table";
import { useI18n } from "@/lib/i18n";
import { useAccountTexts } from "../texts";

const useStyles = makeStyles({
  table: { minWidth: "880px" },
  stack: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS },
  name: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  scopes: { listStyleType: "none", margin: 0, padding: 0 },
  expires: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** Whether a token has expired by now (the API refuses it then; the list keeps it until it is revoked). */
export function hasExpired(token: Pick<PersonalToken, "expiresAt">, now = Date.now()): boolean {
  return new Date(token.expiresAt).getTime() <= now;
}

/** The person's tokens: name and first characters, rights, when made, when it expires (marked once it has), use. */
export function TokensTable({
  tokens: rows,
  onRevoke,
}: {
  tokens: readonly PersonalToken[];
  onRevoke: (token: PersonalToken) => void;
}) {
  const styles = useStyles();
  const { t, formatDate, formatDateTime } = useI18n();
  const tx = useAccountTexts();
  const s = tx.tokens;
  const restoreFocusTarget = useRestoreFocusTarget();
  const columns: Array<DataColumn<PersonalToken>> = [
    {
      id: "name",
      header: s.columns.name,
      cell: (token) => (
        <span className={styles.stack}>
          <span className={styles.name}>{token.name}</span>
          <Text size={200} className={styles.muted}>
            <span className={styles.mono}>{s.startsWith(token.hint)}</span>
          </Text>
        </span>
      ),
    },
    {
      id: "scopes",
      header: s.columns.scopes,
      cell: (token) => (
        <ul className={styles.scopes} aria-label={s.scopesLabel(token.name)}>
          {token.scopes.map((scope) => (
            <li key={scope}>{tx.scopes[scope]}</li>
          ))}
        </ul>
      ),
    },
    { id: "created", header: s.columns.created, cell: (token) => formatDate(token.createdAt) },
    {
      id: "expires",
      header: s.columns.expires,
      cell: (token) => (
        <span className={styles.expires}>
          {formatDate(token.expiresAt)}
          {hasExpired(token) ? (
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
      cell: (token) =>
        token.lastUsedAt ? formatDateTime(token.lastUsedAt) : <span className={styles.muted}>{t.common.never}</span>,
    },
    {
      id: "actions",
      header: s.columns.actions,
      cell: (token) => (
        <Button
          size="small"
          icon={<DeleteRegular />}
          aria-label={s.revokeLabel(token.name)}
          onClick={() => onRevoke(token)}
          {...restoreFocusTarget}
        >
          {s.revoke}
        </Button>
      ),
    },
  ];
  return (
    <DataTable
      label={s.tableLabel}
      className={styles.table}
      columns={columns}
      rows={rows}
      rowKey={(token) => token.id}
    />
  );
}
