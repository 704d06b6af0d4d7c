import { MessageBar, MessageBarBody, makeStyles, Spinner, Switch, Text, tokens } from "@fluentui/react-components";
import { CartRegular } from "@fluentui/react-icons";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { useActionGate } from "@/components/gated-button";
import { useListPageStyles } from "@/components/list-page-styles";
import { useNotify } from "@/components/notify";
import { LiveStatus } from "@/components/visually-hidden";
import { errorMessage } from "@/lib/errors";
import { useI18n } from "@/lib/i18n";
import {
  type SelfServicePolicy,
  useSelfServicePolicies,
  useUpdateSelfServicePolicy,
} from "../api/self-service-policies";
import { useBillingTexts } from "../texts";

const useStyles = makeStyles({
  intro: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "80ch" },
  table: { minWidth: "560px" },
  muted: { color: tokens.colorNeutralForeground2 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/**
 * Self-service purchase per product (Microsoft's AllowSelfServicePurchase): on, makers buy it for themselves with a
 * card on Products and pricing; off, they see "Request from my admin" instead. Only billing managers may switch.
 */
export function SelfServicePolicies({ tenantId }: { tenantId: string }) {
  const styles = useStyles();
  const list = useListPageStyles();
  const { t } = useI18n();
  const b = useBillingTexts();
  const gate = useActionGate("billing.manage");
  const policies = useSelfServicePolicies(tenantId);
  const update = useUpdateSelfServicePolicy(tenantId);
  const notify = useNotify();

  const offered = (policies.data ?? []).filter((policy) => policy.available);
  const toggle = (policy: SelfServicePolicy, enabled: boolean) =>
    update.mutate(
      { skuId: policy.skuId, enabled },
      {
        onSuccess: () =>
          notify(enabled ? b.selfService.allowed(policy.productName) : b.selfService.stopped(policy.productName)),
        onError: (error) => notify(errorMessage(error, t), "error"),
      },
    );

  return (
    <div className={styles.section}>
      <div className={styles.intro}>
        <Text>{b.selfService.intro}</Text>
        <Text className={styles.muted}>{b.selfService.offExplained}</Text>
      </div>
      {!gate.allowed ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{gate.reason}</MessageBarBody>
        </MessageBar>
      ) : null}
      <LiveStatus message={policies.isPending ? b.selfService.loading : ""} />
      {policies.isPending ? (
        <Spinner label={b.selfService.loading} />
      ) : policies.isError ? (
        <ErrorMessage error={policies.error} onRetry={() => policies.refetch()} />
      ) : offered.length === 0 ? (
        <EmptyState icon={<CartRegular />} title={b.selfService.emptyTitle}>
          {b.selfService.emptyBody}
        </EmptyState>
      ) : (
        <div className={list.surface}>
          <DataTable
            label={b.selfService.tableLabel}
            className={styles.table}
            rows={offered}
            rowKey={(policy) => policy.skuId}
            columns={[
              { id: "product", header: b.columns.product, cell: (policy) => policy.productName },
              {
                id: "allowed",
                header: b.selfService.column,
                cell: (policy) => {
                  const pending = update.isPending && update.variables?.skuId === policy.skuId;
                  return (
                    <Switch
                      checked={pending ? (update.variables?.enabled ?? policy.enabled) : policy.enabled}
                      disabled={!gate.allowed || pending}
                      aria-label={b.selfService.switchLabel(policy.productName)}
                      onChange={(_, data) => toggle(policy, data.checked)}
                    />
                  );
                },
              },
              {
                id: "effect",
                header: b.selfService.effectColumn,
                className: styles.muted,
                cell: (policy) => (policy.enabled ? b.selfService.on : b.selfService.off),
              },
            ]}
          />
        </div>
      )}
    </div>
  );
}
