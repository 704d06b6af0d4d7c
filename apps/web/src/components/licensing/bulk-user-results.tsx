import type { BulkLicenseReport } from "@allot/contracts";
import { makeStyles, mergeClasses, Switch, Text, tokens } from "@fluentui/react-components";
import { CheckmarkCircleFilled, ErrorCircleFilled } from "@fluentui/react-icons";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useId, useMemo, useRef, useState } from "react";
import { type Messages, useI18n } from "@/lib/i18n";
import type { LicensingTexts } from "./texts";
import { useLicensingTexts } from "./texts";
import { UsageLocationFix } from "./usage-location-fix";

export type BulkUserResult = BulkLicenseReport["results"][number];

const ROW_ESTIMATE = 56;
const MAX_HEIGHT = 320;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
  },
  heading: { margin: 0 },
  scroller: {
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  sizer: { position: "relative", width: "100%", margin: 0, padding: 0, listStyleType: "none" },
  row: {
    position: "absolute",
    top: 0,
    left: 0,
    width: "100%",
    boxSizing: "border-box",
    display: "flex",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  icon: { flexShrink: 0, fontSize: "20px", marginTop: "1px" },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  fail: { color: tokens.colorPaletteRedForeground1 },
  body: { display: "flex", flexDirection: "column", minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  detail: { color: tokens.colorNeutralForeground2 },
  empty: { padding: tokens.spacingVerticalM, color: tokens.colorNeutralForeground2 },
});

/** What a result does to the user, in words: "Gets A · Loses B". */
function describeChange(result: BulkUserResult, l: LicensingTexts, productName: (skuId: string) => string): string {
  const names = (ids: readonly string[]) => ids.map((id) => productName(id)).join(", ");
  const parts: string[] = [];
  if (result.added.length > 0) parts.push(l.gets(names(result.added)));
  if (result.removed.length > 0) parts.push(l.loses(names(result.removed)));
  if (result.changed.length > 0) parts.push(l.plansChange(names(result.changed)));
  return parts.length > 0 ? parts.join(" · ") : l.noChange;
}

function needsUsageLocation(result: BulkUserResult): boolean {
  return (result.violations ?? []).some((violation) => violation.code === "UsageLocationRequired");
}

/** Why a result failed, one line per violation, in the user's language. */
export function describeFailure(
  result: BulkUserResult,
  t: Messages,
  l: LicensingTexts,
  productName: (skuId: string) => string,
): string[] {
  const violations = result.violations ?? [];
  if (violations.length === 0) return [t.errors.InternalError];
  return violations.map((violation) =>
    violation.skuId ? l.violation(productName(violation.skuId), t.errors[violation.code]) : t.errors[violation.code],
  );
}

/**
 * The per-user outcome of a bulk change (a preview's "will change / cannot" or a job's "succeeded / failed"), as a
 * virtualized list that stays fast for thousands of users, with a switch to show only the users that fail.
 */
export function BulkUserResults({
  results,
  kind,
  productName,
  heading,
  usageLocationFix,
}: {
  results: readonly BulkUserResult[];
  /** preview: what would happen; outcome: what happened. */
  kind: "preview" | "outcome";
  productName: (skuId: string) => string;
  heading: string;
  /** A preview's users without a usage location get the field to set it right in their row; then `onSet` runs. */
  usageLocationFix?: { tenantId: string; onSet: () => void } | undefined;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const l = useLicensingTexts();
  const headingId = useId();
  const [onlyFailing, setOnlyFailing] = useState(false);
  const failing = useMemo(() => results.filter((result) => !result.ok), [results]);
  const shown = onlyFailing ? failing : results;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    getItemKey: (index) => shown[index]?.userId ?? index,
  });
  const height = Math.min(MAX_HEIGHT, Math.max(virtualizer.getTotalSize(), ROW_ESTIMATE));

  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <Text as="h3" id={headingId} size={400} weight="semibold" className={styles.heading}>
          {heading}
        </Text>
        {failing.length > 0 ? (
          <Switch
            checked={onlyFailing}
            onChange={(_, data) => setOnlyFailing(data.checked)}
            label={l.onlyFailing(failing.length)}
          />
        ) : null}
      </div>
      {shown.length === 0 ? (
        <Text className={styles.empty}>{l.noFailing}</Text>
      ) : (
        // Focusable, so keyboard users can scroll it; the list inside is labelled by the heading.
        <section
          ref={scrollRef}
          className={styles.scroller}
          style={{ height }}
          aria-labelledby={headingId}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
          tabIndex={0}
        >
          <ul className={styles.sizer} style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const result = shown[item.index];
              if (!result) return null;
              const name = result.displayName ?? l.unknownUser;
              const state = result.ok
                ? kind === "preview"
                  ? l.willChange
                  : l.succeeded
                : kind === "preview"
                  ? l.cannotChange
                  : l.failed;
              const lines = result.ok
                ? [describeChange(result, l, productName)]
                : describeFailure(result, t, l, productName);
              return (
                <li
                  key={item.key}
                  aria-setsize={shown.length}
                  aria-posinset={item.index + 1}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className={styles.row}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {result.ok ? (
                    <CheckmarkCircleFilled aria-hidden="true" className={mergeClasses(styles.icon, styles.ok)} />
                  ) : (
                    <ErrorCircleFilled aria-hidden="true" className={mergeClasses(styles.icon, styles.fail)} />
                  )}
                  <div className={styles.body}>
                    <Text className={styles.name}>
                      {name} <Text className={result.ok ? styles.ok : styles.fail}>– {state}</Text>
                    </Text>
                    {lines.map((line) => (
                      <Text key={line} size={200} className={styles.detail}>
                        {line}
                      </Text>
                    ))}
                    {usageLocationFix && !result.ok && needsUsageLocation(result) ? (
                      <UsageLocationFix
                        tenantId={usageLocationFix.tenantId}
                        userId={result.userId}
                        userName={name}
                        onSet={() => {
                          // The row's field goes once the preview runs again: keep focus in the list.
                          scrollRef.current?.focus();
                          usageLocationFix.onSet();
                        }}
                      />
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
