import type { PersonalToken } from "@allot/contracts";
import { Button, Card, makeStyles, Spinner, Text, tokens, useRestoreFocusTarget } from "@fluentui/react-components";
import { AddRegular, KeyMultipleRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { CopyField } from "@/components/copy-field";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { useListPageStyles } from "@/components/list-page-styles";
import { LiveStatus } from "@/components/visually-hidden";
import { useMe } from "@/lib/auth";
import { useTenant } from "@/lib/tenant";
import { usePersonalTokens } from "../api/personal-tokens";
import { AccountHeader } from "../components/account-header";
import { NewTokenDialog } from "../components/new-token-dialog";
import { RevokeTokenDialog } from "../components/revoke-token-dialog";
import { TokensTable } from "../components/tokens-table";
import { offeredScopes } from "../lib/token-scopes";
import { useAccountTexts } from "../texts";

const useStyles = makeStyles({
  toolbar: { display: "flex", marginBottom: tokens.spacingVerticalM },
  use: {
    marginTop: tokens.spacingVerticalXXL,
    padding: tokens.spacingHorizontalL,
    maxWidth: "880px",
    gap: tokens.spacingVerticalS,
  },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
});

/**
 * My account › Personal access tokens: the person's tokens for their own scripts, each with some of their rights for
 * up to 90 days; a new one is shown once; any can be revoked. Tokens are the person's, whichever organization is open.
 */
export function PersonalTokensRoute() {
  const styles = useStyles();
  const list = useListPageStyles();
  const tx = useAccountTexts();
  const s = tx.tokens;
  const { tenant } = useTenant();
  const { data: me } = useMe();
  const query = usePersonalTokens();
  const offered = useMemo(() => offeredScopes(me?.tenants ?? []), [me]);
  const homeTenantId = me?.user.tenantId ?? tenant.id;
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<PersonalToken | null>(null);
  const restoreFocusTarget = useRestoreFocusTarget();

  const rows = query.data ?? [];
  const newToken = (
    <Button appearance="primary" icon={<AddRegular />} onClick={() => setCreating(true)} {...restoreFocusTarget}>
      {s.newToken}
    </Button>
  );
  return (
    <>
      <AccountHeader page="tokens" title={s.title} description={s.description} />
      <LiveStatus message={query.isPending ? s.loading : s.loaded(rows.length)} />
      {query.isPending ? (
        <Spinner label={s.loading} />
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => query.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState icon={<KeyMultipleRegular />} title={s.emptyTitle} actions={newToken}>
          {s.emptyBody}
        </EmptyState>
      ) : (
        <>
          <div className={styles.toolbar}>{newToken}</div>
          <div className={list.surface}>
            <TokensTable tokens={rows} onRevoke={setRevoking} />
          </div>
        </>
      )}
      <Card className={styles.use}>
        <Text as="h2" weight="semibold" size={500} className={styles.heading}>
          {s.useTitle}
        </Text>
        <Text className={styles.hint}>{s.useHint}</Text>
        <CopyField
          label={s.apiBase}
          value={`${window.location.origin}/api/tenants/${tenant.id}`}
          copyLabel={s.copyApiBase}
        />
      </Card>
      <NewTokenDialog
        homeTenantId={homeTenantId}
        offered={offered}
        open={creating}
        onClose={() => setCreating(false)}
      />
      <RevokeTokenDialog homeTenantId={homeTenantId} token={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}
