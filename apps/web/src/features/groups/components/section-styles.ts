import { makeStyles, tokens } from "@fluentui/react-components";

/** The group panel's sections (members, licenses, members in error): one look for their frame, headings and text. */
export const useSectionStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  subheading: { margin: 0, marginTop: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  wrap: { overflowWrap: "anywhere" },
});
