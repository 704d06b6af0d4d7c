import type { SubscribedSku } from "@allot/contracts";
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { WarningFilled } from "@fluentui/react-icons";
import { useHref, useLinkClickHandler } from "react-router";
import { useLicensesTexts } from "../texts";
import { inConflict } from "./usage-bar";

const useStyles = makeStyles({
  root: { display: "inline-flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  link: {
    textDecoration: "none",
    borderRadius: tokens.borderRadiusCircular,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/** A product's state when it needs attention: not Enabled (expired, suspended…) and/or a conflict (links to fix it). */
export function ProductBadges({ sku, tenantId }: { sku: SubscribedSku; tenantId: string }) {
  const styles = useStyles();
  const lt = useLicensesTexts();
  const conflictsPath = `/t/${tenantId}/licenses/conflicts`;
  const href = useHref(conflictsPath);
  const onClick = useLinkClickHandler<HTMLAnchorElement>(conflictsPath);
  const conflict = inConflict(sku);
  if (!conflict && sku.capabilityStatus === "Enabled") return null;
  const short = Math.max(sku.conflicts, -sku.available);
  return (
    <span className={styles.root}>
      {sku.capabilityStatus !== "Enabled" ? (
        <Badge appearance="tint" color={sku.capabilityStatus === "Warning" ? "warning" : "danger"}>
          {lt.capability[sku.capabilityStatus]}
        </Badge>
      ) : null}
      {conflict ? (
        <a href={href} onClick={onClick} className={styles.link} aria-label={lt.conflictLink(sku.displayName, short)}>
          <Badge appearance="filled" color="danger" icon={<WarningFilled />}>
            {lt.inConflict(short)}
          </Badge>
        </a>
      ) : null}
    </span>
  );
}
