import type { CapacityAddOn } from "@allot/contracts";
import {
  Card,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import { RouterLink } from "@/components/router-link";
import { usePowerPlatformTexts } from "../texts";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))",
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  heading: { margin: 0 },
  facts: {
    display: "grid",
    gridTemplateColumns: "repeat(3, auto)",
    justifyContent: "start",
    columnGap: tokens.spacingHorizontalXL,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

/** One card per capacity add-on: bought, allocated, available, and a warning when more is allocated than bought. */
export function AddOnSummaries({
  addOns,
  buyHref,
}: {
  addOns: CapacityAddOn[];
  /** Where to buy more of an add-on (Buy products with it chosen); none for those who may not buy. */
  buyHref: ((skuId: string) => string) | undefined;
}) {
  const styles = useStyles();
  const p = usePowerPlatformTexts();
  return (
    <div className={styles.grid}>
      {addOns.map((addOn) => (
        <Card key={addOn.skuId} aria-label={p.capacity.summaryLabel(addOn.displayName)} role="region">
          <Text as="h3" weight="semibold" size={400} className={styles.heading}>
            {addOn.displayName}
          </Text>
          <dl className={styles.facts}>
            {(
              [
                [p.capacity.bought, addOn.bought],
                [p.capacity.allocated, addOn.allocated],
                [p.capacity.available, addOn.available],
              ] as const
            ).map(([term, value]) => (
              <div key={term}>
                <dt className={styles.term}>{term}</dt>
                <dd className={styles.value}>{value}</dd>
              </div>
            ))}
          </dl>
          {buyHref && addOn.conflicts === 0 ? (
            <RouterLink to={buyHref(addOn.skuId)} aria-label={p.capacity.buyMoreOf(addOn.displayName)}>
              {p.capacity.buyMore}
            </RouterLink>
          ) : null}
          {addOn.conflicts > 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{p.capacity.conflict(addOn.conflicts)}</MessageBarTitle>
                {p.capacity.conflictBody}{" "}
                {buyHref ? (
                  <RouterLink to={buyHref(addOn.skuId)} inline>
                    {p.capacity.buyMore}
                  </RouterLink>
                ) : null}
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </Card>
      ))}
    </div>
  );
}
