import type { LicenseConflictReport } from "@allot/contracts";
import {
  Badge,
  Card,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { ArrowSyncRegular, CartRegular, DeleteRegular } from "@fluentui/react-icons";
import { useId } from "react";
import { GatedButton } from "@/components/gated-button";
import { expiredRenewal, renewalPath } from "@/components/licensing/expired-subscription-notice";
import type { LicensingTexts } from "@/components/licensing/texts";
import { useLicensingTexts } from "@/components/licensing/texts";
import { RouterLink } from "@/components/router-link";
import { useI18n } from "@/lib/i18n";
import { localeOf } from "@/lib/i18n/locale";
import { useTenant } from "@/lib/tenant";
import type { ConflictsTexts } from "../texts";
import { useConflictsTexts } from "../texts";
import { ConflictHoldersTable } from "./conflict-holders-table";
import { GatedLinkButton } from "./gated-link-button";

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM, maxWidth: "1100px" },
  heading: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  tableWrap: { overflowX: "auto" },
});

type Fix = LicenseConflictReport["fixes"][number];
type RenewFix = Extract<Fix, { kind: "renewSubscription" }>;

const shortfallFixes = (conflict: LicenseConflictReport) =>
  conflict.fixes.filter((fix) => fix.kind !== "renewSubscription" || fix.state === "disabled");

/**
 * "12 users hold Power BI Pro but only 10 seats can be used: remove 2 assignments or buy 2 seats." For an expired
 * conflict: "2 users hold Visio on an expired subscription: they lose access on 3 March unless you renew it."
 */
export function conflictSentence(
  conflict: LicenseConflictReport,
  c: ConflictsTexts,
  l: LicensingTexts,
  locale: string,
  formatDate: (iso: string) => string,
): string {
  const phrase = (fix: Fix): string => {
    switch (fix.kind) {
      case "removeAssignments":
        return c.fixRemove(fix.count);
      case "buySeats":
        return c.fixBuy(fix.seats);
      case "renewSubscription":
        return c.fixRenew;
      case "deleteUsers":
        return c.fixDelete(fix.count);
    }
  };
  const order: Fix["kind"][] = ["removeAssignments", "buySeats", "renewSubscription", "deleteUsers"];
  // Renewing an expired subscription keeps access that is about to end; it does not add seats for a shortfall.
  const fixes = [
    ...new Set(
      shortfallFixes(conflict)
        .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
        .map(phrase),
    ),
  ];
  const list = new Intl.ListFormat(locale, { type: "disjunction" }).format(fixes);
  if (conflict.kind === "expired") {
    return l.conflicts.expiredProblem(conflict.expiring, conflict.displayName, formatDate(conflict.accessEndsAt ?? ""));
  }
  return c.sentence(c.problem(conflict.consumedUnits, conflict.displayName, conflict.usableUnits), list);
}

/** One product in shortfall: what is wrong in plain words, its holders, and the fixes that apply. */
export function ConflictCard({
  conflict,
  selected,
  onSelectionChange,
  onRemove,
}: {
  conflict: LicenseConflictReport;
  selected: ReadonlySet<string>;
  onSelectionChange: (selected: Set<string>) => void;
  onRemove: () => void;
}) {
  const styles = useStyles();
  const { language, formatDate } = useI18n();
  const l = useLicensingTexts();
  const c = useConflictsTexts();
  const { tenant, can } = useTenant();
  const headingId = useId();
  const restoreFocusTarget = useRestoreFocusTarget();
  const locale = localeOf(language);
  const canAssign = can("licenses.assign");
  const removeFix = conflict.fixes.find((fix) => fix.kind === "removeAssignments");
  const buyFix = conflict.fixes.find((fix) => fix.kind === "buySeats");
  const renewFix = conflict.fixes.find(
    (fix): fix is RenewFix => fix.kind === "renewSubscription" && fix.state === "disabled",
  );
  const expiredFix = expiredRenewal(conflict);
  const expired = conflict.kind === "expired";
  const deleteFix = conflict.fixes.find((fix) => fix.kind === "deleteUsers");
  const hasInherited = conflict.users.some((user) => !user.direct);
  const needed = removeFix?.count ?? conflict.shortfall;
  const status = conflict.capabilityStatus;

  return (
    <Card className={styles.card} aria-labelledby={headingId}>
      <div className={styles.heading}>
        <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.title}>
          {conflict.displayName}
        </Text>
        {status !== "Enabled" ? (
          <Badge
            appearance="filled"
            color={status === "Warning" ? "warning" : "danger"}
            aria-label={c.statusLabel(c.status[status])}
          >
            {c.status[status]}
          </Badge>
        ) : null}
      </div>

      <MessageBar
        intent={expired || status === "Enabled" || status === "Warning" ? "warning" : "error"}
        layout="multiline"
      >
        <MessageBarBody>{conflictSentence(conflict, c, l, locale, formatDate)}</MessageBarBody>
      </MessageBar>
      <Text className={styles.muted}>{expired ? c.expiredDetail : c.statusDetail[status]}</Text>
      <Text className={styles.muted}>
        {expired
          ? c.expiredSeatsLine(conflict.consumedUnits, conflict.expiring)
          : c.seatsLine(conflict.consumedUnits, conflict.usableUnits, conflict.shortfall)}
      </Text>
      {!expired && conflict.expiring > 0 && conflict.accessEndsAt ? (
        <Text>{c.alsoExpiring(conflict.expiring, formatDate(conflict.accessEndsAt))}</Text>
      ) : null}
      {conflict.resolveBy ? (
        <Text weight="semibold">
          {(expired ? c.accessEndsBy : c.resolveBy)(
            new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
              new Date(conflict.resolveBy),
            ),
            Math.max(0, Math.ceil((Date.parse(conflict.resolveBy) - Date.now()) / 86_400_000)),
          )}
        </Text>
      ) : null}

      <div className={styles.actions}>
        {removeFix ? (
          <GatedButton
            action="licenses.assign"
            appearance="primary"
            icon={<DeleteRegular />}
            disabledFocusable={selected.size === 0}
            onClick={onRemove}
            {...restoreFocusTarget}
          >
            {c.removeSelected}
          </GatedButton>
        ) : null}
        {buyFix ? (
          <GatedLinkButton
            action="billing.manage"
            icon={<CartRegular />}
            to={`/t/${tenant.id}/billing?buy=${encodeURIComponent(conflict.skuId)}&seats=${buyFix.seats}`}
          >
            {c.buySeats(buyFix.seats)}
          </GatedLinkButton>
        ) : null}
        {renewFix ? (
          <GatedLinkButton action="billing.manage" icon={<ArrowSyncRegular />} to={renewalPath(tenant.id, renewFix)}>
            {renewFix.trial ? l.conflicts.convertTrial : l.conflicts.renew}
          </GatedLinkButton>
        ) : null}
        {expiredFix ? (
          <GatedLinkButton
            action="billing.manage"
            icon={<ArrowSyncRegular />}
            to={renewalPath(tenant.id, expiredFix)}
            appearance={expired ? "primary" : undefined}
          >
            {expiredFix.trial ? l.conflicts.convertTrial : l.conflicts.renew}
          </GatedLinkButton>
        ) : null}
        {deleteFix && can("users.manage") ? (
          <RouterLink to={`/t/${tenant.id}/users`}>{c.deleteUsers}</RouterLink>
        ) : null}
      </div>

      {removeFix && canAssign ? (
        <Text role="status" aria-live="polite">
          {c.selection(selected.size, needed)}
        </Text>
      ) : null}

      <div className={styles.tableWrap}>
        <ConflictHoldersTable
          conflict={conflict}
          selectable={canAssign && removeFix !== undefined}
          selected={selected}
          onSelectionChange={onSelectionChange}
        />
      </div>
      {conflict.userCount > conflict.users.length ? (
        <Text className={styles.muted}>{c.holdersPartial(conflict.users.length, conflict.userCount)}</Text>
      ) : null}
      {hasInherited ? <Text className={styles.muted}>{c.throughGroupHint}</Text> : null}
    </Card>
  );
}
