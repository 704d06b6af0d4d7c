import { makeStyles, tokens } from "@fluentui/react-components";
import { ArrowLeftRegular } from "@fluentui/react-icons";
import { RouterLink } from "@/components/router-link";

const useStyles = makeStyles({
  root: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    marginBottom: tokens.spacingVerticalS,
  },
});

/** The link above a detail page's header, back to the list the item was opened from. */
export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <RouterLink to={to} className={useStyles().root}>
      <ArrowLeftRegular aria-hidden="true" />
      {children}
    </RouterLink>
  );
}
