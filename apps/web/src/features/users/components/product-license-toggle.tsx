import type { SubscribedSku } from "@allot/contracts";
import { Button, Checkbox, makeStyles, Text, tokens } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronUpRegular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import { ServicePlanChecklist } from "@/components/licensing/service-plan-checklist";
import { RouterLink } from "@/components/router-link";
import { useI18n } from "@/lib/i18n";
import { nextToggleState, type ToggleState } from "@/lib/licensing/license-toggles";
import { useUsersTexts } from "../texts";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  line: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  // Normal text whether checked or not (Fluent greys an unchecked checkbox's label as if it were disabled).
  checkbox: { minWidth: 0, color: tokens.colorNeutralForeground1, ":hover": { color: tokens.colorNeutralForeground1 } },
  expand: { marginInlineStart: "auto", flexShrink: 0 },
  details: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    paddingInlineStart: "32px",
    color: tokens.colorNeutralForeground3,
  },
  noneLeft: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  plans: { paddingInlineStart: "32px", paddingTop: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3, marginBottom: tokens.spacingVerticalXS, display: "block" },
});

/**
 * One product in the Manage product licenses panel: a checkbox (tri-state when the selected users differ), the seats
 * left with a "Buy more" link when none are, how many of the selected users hold it, and the apps and services to
 * switch off, behind an expand button.
 */
export function ProductLicenseToggle({
  tenantId,
  sku,
  state,
  initial,
  onChange,
  directHolders,
  holders,
  users,
  disabledPlans,
  onPlansChange,
  canBuy,
}: {
  tenantId: string;
  /** The admin may buy seats: "None left" links to billing. */
  canBuy: boolean;
  sku: SubscribedSku;
  state: ToggleState;
  /** The state the selected users are in now. */
  initial: ToggleState;
  onChange: (state: ToggleState) => void;
  directHolders: number;
  holders: number;
  /** How many users are selected. */
  users: number;
  disabledPlans: ReadonlySet<string>;
  onPlansChange: (disabledPlans: Set<string>) => void;
}) {
  const styles = useStyles();
  const { formatNumber } = useI18n();
  const u = useUsersTexts();
  const m = u.manageLicenses;
  const [expanded, setExpanded] = useState(false);
  const detailsId = useId();
  const plansId = useId();
  const noneLeft = sku.available <= 0;
  const throughGroups = holders - directHolders;

  return (
    <div className={styles.root}>
      <div className={styles.line}>
        <Checkbox
          className={styles.checkbox}
          label={sku.displayName}
          checked={state === "mixed" ? "mixed" : state === "checked"}
          onChange={() => onChange(nextToggleState(state, initial))}
          aria-describedby={detailsId}
        />
        <Button
          className={styles.expand}
          appearance="subtle"
          size="small"
          icon={expanded ? <ChevronUpRegular /> : <ChevronDownRegular />}
          iconPosition="after"
          aria-expanded={expanded}
          aria-controls={expanded ? plansId : undefined}
          aria-label={m.appsFor(sku.displayName)}
          onClick={() => setExpanded((open) => !open)}
        >
          {m.appsAndServices}
        </Button>
      </div>
      <div id={detailsId} className={styles.details}>
        {noneLeft ? (
          <Text size={200}>
            <span className={styles.noneLeft}>{m.noneLeft}</span>{" "}
            {canBuy ? (
              <RouterLink to={`/t/${tenantId}/billing?buy=${encodeURIComponent(sku.skuId)}&seats=1`} inline>
                {m.buyMore}
              </RouterLink>
            ) : (
              m.askBilling
            )}
          </Text>
        ) : (
          <Text size={200}>{m.available(formatNumber(sku.available))}</Text>
        )}
        <Text size={200}>{m.holders(formatNumber(directHolders), formatNumber(users))}</Text>
        {throughGroups > 0 ? <Text size={200}>{m.throughGroups(formatNumber(throughGroups))}</Text> : null}
        {state !== initial ? <Text size={200}>{m.stateChange[state]}</Text> : null}
      </div>
      {expanded ? (
        <div id={plansId} className={styles.plans}>
          {state !== "checked" ? (
            <Text size={200} className={styles.hint}>
              {m.plansWhenChecked}
            </Text>
          ) : null}
          <ServicePlanChecklist
            productName={sku.displayName}
            plans={sku.servicePlans}
            disabledPlans={disabledPlans}
            onChange={onPlansChange}
            readOnly={state !== "checked"}
          />
        </div>
      ) : null}
    </div>
  );
}
