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
  // A filter whose options are long (product names, in Dutch) narrows to the row instead of running off the page.
  filter: { maxWidth: "100%", minWidth: 0, gridTemplateColumns: "minmax(0, 1fr)" },
  filterControl: {
    minWidth: 0,
    maxWidth: "100%",
    "& select": { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
  },
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
