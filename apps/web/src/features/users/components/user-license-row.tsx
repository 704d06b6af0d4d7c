import { Badge, Button, Checkbox, makeStyles, Text, tokens } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular, ErrorCircleRegular, LockClosedRegular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import { ServicePlanChecklist } from "@/components/licensing/service-plan-checklist";
import { RouterLink } from "@/components/router-link";
import { type Messages, useI18n } from "@/lib/i18n";
import type { LicenseRowModel } from "../lib/license-drafts";
import { useUsersTexts } from "../texts";

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  details: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    // Lines up with the checkbox's label.
    paddingInlineStart: "32px",
  },
  muted: { color: tokens.colorNeutralForeground2 },
  inline: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  error: { color: tokens.colorPaletteRedForeground1, display: "flex", alignItems: "flex-start", gap: "4px" },
  errorIcon: { flexShrink: 0, marginTop: "2px" },
  plans: { paddingInlineStart: tokens.spacingHorizontalL, paddingBlock: tokens.spacingVerticalXS },
  expander: { alignSelf: "flex-start", paddingInline: 0, minWidth: 0 },
});

/** A code the API gave (a violation or an assignment error) in the user's language; unknown codes as they came. */
export function codeMessage(code: string, t: Messages, fallback?: string): string {
  return code in t.errors ? t.errors[code as keyof Messages["errors"]] : (fallback ?? code);
}

/** One product in User details › Licenses and apps: checkbox, seats, inheritance, state, and its apps. */
export function UserLicenseRow({
  row,
  tenantId,
  groupNames,
  readOnly,
  canAddNew,
  canBuy,
  onToggle,
  onPlansChange,
}: {
  row: LicenseRowModel;
  tenantId: string;
  groupNames: (groupIds: readonly string[]) => string;
  /** Nothing can change (role, guest rule, saving). */
  readOnly: boolean;
  /** Products the user does not hold yet may be added (usage location set). */
  canAddNew: boolean;
  /** The signed-in user may buy seats (gets a link to billing where none are left). */
  canBuy: boolean;
  onToggle: (checked: boolean) => void;
  onPlansChange: (disabledPlans: Set<string>) => void;
}) {
  const styles = useStyles();
  const { t, formatNumber } = useI18n();
  const u = useUsersTexts();
  const [expanded, setExpanded] = useState(false);
  const detailsId = useId();
  const plansId = useId();
  const { sku } = row;

  const inheritedOnly = row.saved === null && row.inherited.length > 0;
  const heldAtAll = row.saved !== null || row.inherited.length > 0;
  const total = sku.prepaidUnits.enabled + sku.prepaidUnits.warning;
  const noSeats = sku.available < 1;
  // Adding a product the user does not hold at all takes a seat and needs a usage location; keeping, removing and
  // switching apps of a held one does not.
  const addBlocked = !heldAtAll && (noSeats || !canAddNew);
  const checkboxDisabled = readOnly || inheritedOnly || (!row.checked && addBlocked);
  const plansReadOnly = readOnly || !row.checked;
  const shownDisabledPlans = inheritedOnly ? new Set(row.effectiveDisabledPlans) : row.disabledPlans;
  const plansOn = sku.servicePlans.filter((plan) => !shownDisabledPlans.has(plan.servicePlanId)).length;
  const appsLabel = u.userLicenses.appsLabel(plansOn, sku.servicePlans.length);
  const inheritedGroups = groupNames(row.inherited.map((state) => state.assignedByGroup ?? ""));
  const problems = row.states.filter((state) => state.state !== "Active");
  const reasons = [...new Set(problems.map((state) => state.error).filter((error) => error !== null))];

  return (
    <div className={styles.row}>
      <div className={styles.head}>
        <Checkbox
          label={sku.displayName}
          checked={inheritedOnly ? true : row.checked}
          disabled={checkboxDisabled}
          aria-describedby={detailsId}
          onChange={(_, data) => onToggle(data.checked === true)}
        />
        {problems.map((state) => (
          <Badge
            key={`${state.assignedByGroup ?? "direct"}-${state.state}`}
            appearance="tint"
            color={state.state === "ActiveWithError" ? "warning" : state.state === "Error" ? "danger" : "subtle"}
          >
            {u.userLicenses.states[state.state as keyof typeof u.userLicenses.states]}
          </Badge>
        ))}
      </div>
      <div className={styles.details} id={detailsId}>
        {addBlocked && noSeats && !row.checked ? (
          <Text size={200} className={styles.muted}>
            {u.userLicenses.noSeats}.{" "}
            {canBuy ? (
              <RouterLink to={`/t/${tenantId}/billing?buy=${encodeURIComponent(sku.skuId)}&seats=1`} inline>
                {u.userLicenses.buyMore}
              </RouterLink>
            ) : (
              u.userLicenses.askBillingAdmin
            )}
          </Text>
        ) : (
          <Text size={200} className={styles.muted}>
            {u.userLicenses.seats(formatNumber(Math.max(0, sku.available)), formatNumber(total))}
          </Text>
        )}
        {row.inherited.length > 0 ? (
          <Text size={200} className={`${styles.muted} ${styles.inline}`}>
            {inheritedOnly ? <LockClosedRegular aria-hidden="true" /> : null}
            {inheritedOnly
              ? u.userLicenses.inheritedFrom(inheritedGroups)
              : u.userLicenses.alsoInheritedFrom(inheritedGroups)}
          </Text>
        ) : null}
        {reasons.map((code) => (
          <Text key={code} size={200} className={styles.error}>
            <ErrorCircleRegular className={styles.errorIcon} aria-hidden="true" />
            {codeMessage(code, t)}
          </Text>
        ))}
        {row.saveErrors.map((message) => (
          <Text key={message} size={200} weight="semibold" className={styles.error}>
            <ErrorCircleRegular className={styles.errorIcon} aria-hidden="true" />
            {message}
          </Text>
        ))}
      </div>
      {sku.servicePlans.length > 0 ? (
        <div className={styles.details}>
          <Button
            appearance="transparent"
            size="small"
            className={styles.expander}
            icon={expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
            aria-expanded={expanded}
            aria-controls={expanded ? plansId : undefined}
            aria-label={u.userLicenses.appsButtonName(appsLabel, sku.displayName)}
            onClick={() => setExpanded((open) => !open)}
          >
            {appsLabel}
          </Button>
          {expanded ? (
            <div id={plansId} className={styles.plans}>
              <ServicePlanChecklist
                productName={sku.displayName}
                plans={sku.servicePlans}
                disabledPlans={shownDisabledPlans}
                readOnly={plansReadOnly || inheritedOnly}
                onChange={onPlansChange}
              />
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
