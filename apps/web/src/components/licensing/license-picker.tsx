import { Checkbox, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useId, useMemo } from "react";
import { ErrorMessage } from "@/components/error-message";
import { useI18n } from "@/lib/i18n";
import { userProducts, useSubscribedSkus } from "@/lib/licensing/subscribed-skus";
import { ServicePlanChecklist } from "./service-plan-checklist";

/** Licenses chosen: per skuId, the apps (service plans) switched off. */
export type ChosenLicenses = ReadonlyMap<string, ReadonlySet<string>>;

/** The chosen licenses as the API's `addLicenses`. */
export function addLicensesOf(chosen: ChosenLicenses): { skuId: string; disabledPlans: string[] }[] {
  return [...chosen].map(([skuId, off]) => ({ skuId, disabledPlans: [...off] }));
}

/** What the picker says; each page that uses it words it for its own case. */
export interface LicensePickerTexts {
  legend: string;
  hint: string;
  noneAvailable: string;
  available: (count: number) => string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0, border: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2 },
  product: { display: "flex", flexDirection: "column" },
  checkbox: { color: tokens.colorNeutralForeground1 },
  available: { color: tokens.colorNeutralForeground2, paddingInlineStart: "32px" },
  plans: { paddingInlineStart: "32px", paddingBlock: tokens.spacingVerticalXS },
});

/**
 * Product licenses with their apps: the user products with seats available, by name, each with its apps and
 * services once chosen (Add a user, Add multiple users). The usage location is the form's own field.
 */
export function LicensePicker({
  tenantId,
  chosen,
  onChange,
  texts,
}: {
  tenantId: string;
  chosen: ChosenLicenses;
  onChange: (chosen: ChosenLicenses) => void;
  texts: LicensePickerTexts;
}) {
  const styles = useStyles();
  const { language } = useI18n();
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
        {texts.legend}
      </Text>
      <Text size={200} className={styles.hint}>
        {texts.hint}
      </Text>
      {skus.isError ? (
        <ErrorMessage error={skus.error} onRetry={() => skus.refetch()} />
      ) : !skus.data ? (
        <Spinner size="tiny" />
      ) : products.length === 0 ? (
        <Text className={styles.hint}>{texts.noneAvailable}</Text>
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
                {texts.available(sku.available)}
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
