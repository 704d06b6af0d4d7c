import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * The pieces every list page (users, groups, billing, requests) lays out alike: view tabs, filter row, search box,
 * result status, grid surface.
 */
export const useListPageStyles = makeStyles({
  // On a narrow screen (or zoomed in) the tabs wrap onto a second line instead of running off the page.
  tabs: { flexWrap: "wrap", marginBottom: tokens.spacingVerticalM },
  filters: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
  },
  search: { minWidth: "260px", flexGrow: 1, maxWidth: "420px" },
  status: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    minHeight: "24px",
    marginBottom: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
  },
  surface: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
    overflowX: "auto",
  },
});
