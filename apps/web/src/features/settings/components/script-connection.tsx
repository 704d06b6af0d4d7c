import { ALLOT_API_SCOPE } from "@allot/contracts";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { CopyField } from "@/components/copy-field";
import { useSettingsTexts } from "../texts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2, maxWidth: "80ch" },
  fields: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 320px), 1fr))",
    columnGap: tokens.spacingHorizontalL,
  },
});

/** What a script's configuration needs besides the app's client id and secret: where to ask, for what, and where. */
export function ScriptConnection({ tenantId }: { tenantId: string }) {
  const styles = useStyles();
  const s = useSettingsTexts().apps.connect;
  const headingId = useId();
  const origin = window.location.origin;
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h3" id={headingId} weight="semibold" size={400} className={styles.heading}>
        {s.title}
      </Text>
      <Text className={styles.hint}>{s.hint}</Text>
      <div className={styles.fields}>
        <CopyField label={s.tokenEndpoint} value={`${origin}/oauth2/v2.0/token`} copyLabel={s.copyTokenEndpoint} />
        <CopyField label={s.scope} value={ALLOT_API_SCOPE} copyLabel={s.copyScope} />
        <CopyField label={s.tenantId} value={tenantId} copyLabel={s.copyTenantId} />
        <CopyField label={s.graphBase} value={`${origin}/graph/v1.0`} copyLabel={s.copyGraphBase} />
      </div>
    </section>
  );
}
