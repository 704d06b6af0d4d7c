import type { SubscribedSku } from "@allot/contracts";
import { Button, Checkbox, makeStyles, Text, tokens } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import { ServicePlanChecklist } from "@/components/licensing/service-plan-checklist";
import { useI18n } from "@/lib/i18n";
import { useGroupsTexts } from "../texts";

const useStyles = makeStyles({
  product: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  details: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingInlineStart: "32px",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
  plans: { paddingInlineStart: tokens.spacingHorizontalM },
  planToggle: { alignSelf: "flex-start" },
});

/**
 * One product in the group's license dialog: its checkbox, the seats left (or why it cannot be given), what will be
 * removed, the errors the last save met, and its apps and services behind a toggle once it is picked.
 */
export function GroupProductChoice({
  sku,
  disabledPlans,
  held,
  errors,
  onToggle,
  onPlansChange,
}: {
  sku: SubscribedSku;
  /** Undefined when the product is not picked. */
  disabledPlans: Set<string> | undefined;
  held: boolean;
  errors: readonly string[];
  onToggle: (checked: boolean) => void;
  onPlansChange: (disabled: Set<string>) => void;
}) {
  const styles = useStyles();
  const { formatNumber } = useI18n();
  const g = useGroupsTexts();
  const [expanded, setExpanded] = useState(false);
  const seatsId = useId();
  const errorId = useId();
  const plansId = useId();
  const picked = disabledPlans !== undefined;
  const usable = sku.capabilityStatus === "Enabled" || sku.capabilityStatus === "Warning";
  const on = sku.servicePlans.length - (disabledPlans?.size ?? 0);
  const describedBy = [seatsId, errors.length > 0 ? errorId : null].filter(Boolean).join(" ");

  return (
    <div className={styles.product}>
      <Checkbox
        checked={picked}
        onChange={(_, data) => onToggle(data.checked === true)}
        label={sku.displayName}
        aria-describedby={describedBy}
        aria-invalid={errors.length > 0 || undefined}
      />
      <div className={styles.details}>
        <Text id={seatsId} size={200} className={!usable || sku.available <= 0 ? styles.warning : styles.muted}>
          {!usable
            ? g.licenses.notUsable
            : sku.available <= 0
              ? g.licenses.noneAvailable
              : g.licenses.available(formatNumber(sku.available))}
          {held && !picked ? ` ${g.licenses.willBeRemoved}` : ""}
        </Text>
        {errors.length > 0 ? (
          <Text id={errorId} size={200} className={styles.error}>
            {errors.join(" ")}
          </Text>
        ) : null}
        {picked && sku.servicePlans.length > 0 ? (
          <>
            <Button
              appearance="transparent"
              size="small"
              className={styles.planToggle}
              icon={expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
              aria-expanded={expanded}
              aria-controls={plansId}
              onClick={() => setExpanded((value) => !value)}
            >
              {g.licenses.showPlans(sku.displayName)} (
              {g.licenses.plansOn(formatNumber(on), formatNumber(sku.servicePlans.length))})
            </Button>
            <div id={plansId} className={styles.plans} hidden={!expanded}>
              {expanded ? (
                <ServicePlanChecklist
                  productName={sku.displayName}
                  plans={sku.servicePlans}
                  disabledPlans={disabledPlans}
                  onChange={onPlansChange}
                />
              ) : null}
            </div>
          </>
        ) : null}
      </div>
    </div>
  );
}
