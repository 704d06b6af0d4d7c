import type { CapacityConflict } from "@allot/contracts";
import { Card, makeStyles, Text, tokens } from "@fluentui/react-components";
import { RouterLink } from "@/components/router-link";
import { useConflictsTexts } from "../texts";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  detail: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** A capacity add-on allocated to environments beyond what is bought: the numbers, the environments, the way to fix. */
export function CapacityConflictCard({ tenantId, conflict }: { tenantId: string; conflict: CapacityConflict }) {
  const styles = useStyles();
  const c = useConflictsTexts();
  const headingId = `capacity-conflict-${conflict.skuId}`;
  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId}>
      <Text as="h2" id={headingId} weight="semibold" size={400}>
        {c.capacityTitle(conflict.displayName)}
      </Text>
      <Text>{c.capacityLine(conflict.bought, conflict.allocated, conflict.overAllocated)}</Text>
      <Text className={styles.detail}>{c.capacityDetail}</Text>
      <ul className={styles.list}>
        {conflict.environments.map((environment) => (
          <li key={environment.id}>{c.capacityEnvironment(environment.name, environment.quantity)}</li>
        ))}
      </ul>
      <RouterLink to={`/t/${tenantId}/power-platform/capacity`}>{c.goToAddOns}</RouterLink>
    </Card>
  );
}
