import type { BulkLicenseReport } from "@allot/contracts";
import { Checkbox, MessageBar, MessageBarBody, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useId, useMemo } from "react";
import { ErrorMessage } from "@/components/error-message";
import { useAppsOffLines } from "@/components/licensing/apps-off";
import { BulkUserResults } from "@/components/licensing/bulk-user-results";
import { useProductName } from "@/components/licensing/product-names";
import { SeatChanges } from "@/components/licensing/seat-changes";
import { ServicePlanChecklist } from "@/components/licensing/service-plan-checklist";
import { useLicensingTexts } from "@/components/licensing/texts";
import { useI18n } from "@/lib/i18n";
import { userProducts, useSubscribedSkus } from "@/lib/licensing/subscribed-skus";
import type { ChosenLicenses } from "../lib/new-user-draft";
import { useUsersTexts } from "../texts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0, border: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2 },
  product: { display: "flex", flexDirection: "column" },
  checkbox: { color: tokens.colorNeutralForeground1 },
  available: { color: tokens.colorNeutralForeground2, paddingInlineStart: "32px" },
  plans: { paddingInlineStart: "32px", paddingBlock: tokens.spacingVerticalXS },
  review: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

/**
 * Add a user › Product licenses: the products with seats available, by name, each with its apps and services once
 * chosen. The usage location is the form's own field (a license needs one).
 */
export function AddUserLicenses({
  tenantId,
  chosen,
  onChange,
}: {
  tenantId: string;
  chosen: ChosenLicenses;
  onChange: (chosen: ChosenLicenses) => void;
}) {
  const styles = useStyles();
  const { language } = useI18n();
  const u = useUsersTexts();
  const a = u.addUserLicenses;
  const legendId = useId();
  const skus = useSubscribedSkus(tenantId);
  const products = useMemo(
    () =>
      userProducts(skus.data ?? [])
        .filter((sku) => sku.available > 0)
        .sort((x, y) => x.displayName.localeCompare(y.displayName, language)),
    [skus.data, language],
  );

  const toggle = (skuId: string, on: boolean) => {
    const next = new Map(chosen);
    if (on) next.set(skuId, new Set());
    else next.delete(skuId);
    onChange(next);
  };

  return (
    <fieldset className={styles.root} aria-labelledby={legendId}>
      <Text as="span" id={legendId} className={styles.legend}>
        {a.legend}
      </Text>
      <Text size={200} className={styles.hint}>
        {a.hint}
      </Text>
      {skus.isError ? (
        <ErrorMessage error={skus.error} onRetry={() => skus.refetch()} />
      ) : !skus.data ? (
        <Spinner size="tiny" />
      ) : products.length === 0 ? (
        <Text className={styles.hint}>{a.noneAvailable}</Text>
      ) : (
        products.map((sku) => {
          const off = chosen.get(sku.skuId);
          return (
            <div key={sku.skuId} className={styles.product}>
              <Checkbox
                className={styles.checkbox}
                label={sku.displayName}
                checked={off !== undefined}
                onChange={(_, data) => toggle(sku.skuId, data.checked === true)}
                aria-describedby={`${legendId}-${sku.skuId}`}
              />
              <Text id={`${legendId}-${sku.skuId}`} size={200} className={styles.available}>
                {a.available(sku.available)}
              </Text>
              {off !== undefined && sku.servicePlans.length > 1 ? (
                <div className={styles.plans}>
                  <ServicePlanChecklist
                    productName={sku.displayName}
                    plans={sku.servicePlans}
                    disabledPlans={off}
                    onChange={(disabled) => onChange(new Map(chosen).set(sku.skuId, disabled))}
                  />
                </div>
              ) : null}
            </div>
          );
        })
      )}
    </fieldset>
  );
}

/** The step's preview (a dry run of the very request): the user's outcome and the seats before → after. */
export function AddUserReview({
  tenantId,
  name,
  report,
  chosen,
}: {
  tenantId: string;
  name: string;
  report: BulkLicenseReport;
  chosen: ChosenLicenses;
}) {
  const styles = useStyles();
  const u = useUsersTexts();
  const a = u.addUserLicenses;
  const productName = useProductName(tenantId);
  const l = useLicensingTexts();
  const products = useMemo(() => [...chosen].map(([skuId, off]) => ({ skuId, disabledPlans: [...off] })), [chosen]);
  const appsOff = useAppsOffLines(tenantId, products);
  const ok = report.summary.failed === 0;
  return (
    <div className={styles.review}>
      <Text>{a.reviewIntro(name)}</Text>
      <MessageBar intent={ok ? "info" : "error"} layout="multiline">
        <MessageBarBody>
          {ok ? a.willGet : a.cannotGet}
          {appsOff.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </MessageBarBody>
      </MessageBar>
      <SeatChanges seats={report.seats} productName={productName} />
      <BulkUserResults results={report.results} kind="preview" productName={productName} heading={l.usersHeading} />
    </div>
  );
}
