import type { PartnerRelationship } from "@allot/contracts";
import { Card, CardHeader, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { HandshakeRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { useListPageStyles } from "@/components/list-page-styles";
import { useNotify } from "@/components/notify";
import { LiveStatus } from "@/components/visually-hidden";
import { errorMessage } from "@/lib/errors";
import { useI18n } from "@/lib/i18n";
import { useChangePartnerPrivileges, usePartnerRelationships } from "../api/partner-relationships";
import { useSettingsTexts } from "../texts";
import { EndDateDialog } from "./end-date-dialog";
import { type PartnerAction, PartnerRelationshipsTable } from "./partner-relationships-table";
import { RemovePrivilegesDialog } from "./remove-privileges-dialog";

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
});

/**
 * Settings › Partner relationships (the organization's own global admin): the partners with delegated access, their
 * roles and agents; removing or reinstating their delegated admin privileges, and the date their access ends.
 */
export function PartnerRelationshipsSection({ tenantId }: { tenantId: string }) {
  const styles = useStyles();
  const list = useListPageStyles();
  const { t } = useI18n();
  const s = useSettingsTexts().partners;
  const notify = useNotify();
  const relationships = usePartnerRelationships(tenantId);
  const reinstate = useChangePartnerPrivileges(tenantId);
  const [open, setOpen] = useState<{ action: "remove" | "endDate"; relationship: PartnerRelationship } | null>(null);
  const dialogFor = (action: "remove" | "endDate") => (open?.action === action ? open.relationship : null);

  const onAction = (action: PartnerAction, relationship: PartnerRelationship) => {
    if (action !== "reinstate") {
      setOpen({ action, relationship });
      return;
    }
    reinstate.mutate(
      { relationshipId: relationship.id, change: "reinstatePrivileges" },
      {
        onSuccess: () => notify(s.reinstated(relationship.partner.name)),
        onError: (error) => notify(errorMessage(error, t), "error"),
      },
    );
  };

  const rows = relationships.data ?? [];
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
      <LiveStatus message={relationships.isPending ? s.loading : s.loaded(rows.length)} />
      {relationships.isPending ? (
        <Spinner label={s.loading} />
      ) : relationships.isError ? (
        <ErrorMessage error={relationships.error} onRetry={() => relationships.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState icon={<HandshakeRegular />} title={s.empty} headingLevel="h3" />
      ) : (
        <div className={list.surface}>
          <PartnerRelationshipsTable relationships={rows} onAction={onAction} />
        </div>
      )}
      <RemovePrivilegesDialog tenantId={tenantId} relationship={dialogFor("remove")} onClose={() => setOpen(null)} />
      <EndDateDialog tenantId={tenantId} relationship={dialogFor("endDate")} onClose={() => setOpen(null)} />
    </Card>
  );
}
