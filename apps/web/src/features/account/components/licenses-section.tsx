import type { MyLicenses } from "@allot/contracts";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Card,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import { useI18n } from "@/lib/i18n";
import { useAccountTexts } from "../texts";

type License = MyLicenses["licenses"][number];

const STATE_COLORS = {
  Active: "success",
  ActiveWithError: "warning",
  Disabled: "subtle",
  Error: "danger",
} as const satisfies Record<License["state"], string>;

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(300px, 1fr))",
    gap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalXS, height: "100%", boxSizing: "border-box" },
  heading: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  apps: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column" },
  app: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXXS,
  },
});

function LicenseCard({ license }: { license: License }) {
  const styles = useStyles();
  const { formatDate } = useI18n();
  const tx = useAccountTexts();
  const headingId = useId();
  const on = license.servicePlans.filter((plan) => plan.enabled).length;
  const stateLabel = license.state === "Active" ? tx.active : tx.licenseStates[license.state];
  const groups = license.groups.map((group) => group.displayName).join(", ");
  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId}>
      <div className={styles.heading}>
        <Text as="h3" id={headingId} size={400} weight="semibold" className={styles.title}>
          {license.productName}
        </Text>
        <Badge appearance="tint" color={STATE_COLORS[license.state]}>
          {stateLabel}
        </Badge>
        {license.individualTrial ? (
          <Badge appearance="outline" color="informative">
            {tx.individualTrial}
          </Badge>
        ) : null}
      </div>
      {license.direct ? <Text className={styles.muted}>{tx.direct}</Text> : null}
      {groups ? <Text className={styles.muted}>{tx.throughGroups(groups)}</Text> : null}
      {license.individualTrial ? <Text className={styles.muted}>{tx.individualTrialNote}</Text> : null}
      {license.trialEndsAt && license.trialDaysLeft !== null ? (
        <>
          <Text weight="semibold">{tx.trialDaysLeft(license.trialDaysLeft)}</Text>
          <Text className={styles.muted}>{tx.trialEndsOn(formatDate(license.trialEndsAt))}</Text>
        </>
      ) : license.trialEndsAt ? (
        <Text>{tx.trialEnds(formatDate(license.trialEndsAt))}</Text>
      ) : null}
      {license.servicePlans.length > 0 ? (
        <Accordion collapsible>
          <AccordionItem value="apps">
            <AccordionHeader size="small">{tx.apps(on, license.servicePlans.length)}</AccordionHeader>
            <AccordionPanel>
              <ul className={styles.apps}>
                {license.servicePlans.map((plan) => (
                  <li key={plan.servicePlanId} className={styles.app}>
                    <span>{plan.displayName}</span>
                    <Badge appearance="outline" color={plan.enabled ? "success" : "subtle"}>
                      {plan.enabled ? tx.on : tx.off}
                    </Badge>
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      ) : null}
    </Card>
  );
}

/**
 * "Your licenses": each product with its state, how it came (directly, through groups), a trial's days left and end,
 * and apps. A trial the person started just for themself is marked "Individual trial".
 */
export function LicensesSection({ licenses }: { licenses: readonly License[] }) {
  const styles = useStyles();
  const tx = useAccountTexts();
  if (licenses.length === 0) return <Text>{tx.noLicenses}</Text>;
  return (
    <ul className={styles.grid}>
      {licenses.map((license) => (
        // An individual trial may sit beside the organization's license of the same product.
        <li key={`${license.skuId}${license.individualTrial ? ":individual" : ""}`}>
          <LicenseCard license={license} />
        </li>
      ))}
    </ul>
  );
}
