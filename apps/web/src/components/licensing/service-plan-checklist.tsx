import { Checkbox, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { useLicensingTexts } from "./texts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, margin: 0, padding: 0, border: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
  list: { display: "flex", flexDirection: "column" },
});

export interface ServicePlanOption {
  servicePlanId: string;
  displayName: string;
}

/**
 * The apps and services of one license as checkboxes (checked: on). A fieldset with a legend, so a screen reader
 * says which license the plans belong to; the count of plans on is part of the legend.
 */
export function ServicePlanChecklist({
  productName,
  plans,
  disabledPlans,
  onChange,
  readOnly = false,
}: {
  productName: string;
  plans: readonly ServicePlanOption[];
  /** The plans switched off. */
  disabledPlans: ReadonlySet<string>;
  onChange: (disabledPlans: Set<string>) => void;
  readOnly?: boolean;
}) {
  const styles = useStyles();
  const l = useLicensingTexts();
  const legendId = useId();
  const on = plans.filter((plan) => !disabledPlans.has(plan.servicePlanId)).length;
  return (
    <fieldset className={styles.root} aria-labelledby={legendId}>
      <Text as="span" id={legendId} size={200} className={styles.legend}>
        {l.plansLegend(productName, on, plans.length)}
      </Text>
      <div className={styles.list}>
        {plans.map((plan) => (
          <Checkbox
            key={plan.servicePlanId}
            label={plan.displayName}
            checked={!disabledPlans.has(plan.servicePlanId)}
            disabled={readOnly}
            onChange={(_, data) => {
              const next = new Set(disabledPlans);
              if (data.checked) next.delete(plan.servicePlanId);
              else next.add(plan.servicePlanId);
              onChange(next);
            }}
          />
        ))}
      </div>
    </fieldset>
  );
}
