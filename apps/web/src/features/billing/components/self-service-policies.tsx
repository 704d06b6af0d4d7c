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
 * card on Products and pricing; off, they see "Request from my admin" instead. For Power Automate Free, whether people
 * may sign up for its trial themselves. Only billing managers may switch.
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

  const s = b.selfService;
  // Products makers may buy, and the product people sign up for a trial of (Power Automate Free).
  const offered = (policies.data ?? []).filter((policy) => policy.available || policy.trialSignUpEnabled !== null);
  const toggle = (policy: SelfServicePolicy, enabled: boolean) =>
    update.mutate(
      { skuId: policy.skuId, enabled },
      {
        onSuccess: () => notify(enabled ? s.allowed(policy.productName) : s.stopped(policy.productName)),
        onError: (error) => notify(errorMessage(error, t), "error"),
      },
    );
  const toggleTrial = (policy: SelfServicePolicy, trialSignUpEnabled: boolean) =>
    update.mutate(
      { skuId: policy.skuId, trialSignUpEnabled },
      {
        onSuccess: () =>
          notify(trialSignUpEnabled ? s.trialAllowed(policy.productName) : s.trialStopped(policy.productName)),
        onError: (error) => notify(errorMessage(error, t), "error"),
      },
    );
  const pendingFor = (policy: SelfServicePolicy) => update.isPending && update.variables?.skuId === policy.skuId;

  return (
    <div className={styles.section}>
      <div className={styles.intro}>
        <Text>{b.selfService.intro}</Text>
        <Text className={styles.muted}>{b.selfService.offExplained}</Text>
        <Text className={styles.muted}>{s.trialExplained}</Text>
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
                  if (!policy.available) return <span className={styles.muted}>{s.notSold}</span>;
                  const pending = pendingFor(policy);
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
                id: "trialSignUp",
                header: s.trialColumn,
                cell: (policy) => {
                  if (policy.trialSignUpEnabled === null) return null;
                  const pending = pendingFor(policy);
                  const checked = pending
                    ? (update.variables?.trialSignUpEnabled ?? policy.trialSignUpEnabled)
                    : policy.trialSignUpEnabled;
                  return (
                    <Switch
                      checked={checked}
                      disabled={!gate.allowed || pending}
                      aria-label={s.trialSwitchLabel(policy.productName)}
                      onChange={(_, data) => toggleTrial(policy, data.checked)}
                    />
                  );
                },
              },
              {
                id: "effect",
                header: b.selfService.effectColumn,
                className: styles.muted,
                cell: (policy) => (!policy.available ? s.notSold : policy.enabled ? s.on : s.off),
              },
            ]}
          />
        </div>
      )}
    </div>
  );
}
