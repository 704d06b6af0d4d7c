import { makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { CheckmarkCircleFilled } from "@fluentui/react-icons";
import type { ImportStep } from "../lib/import-steps";
import { useUserImportTexts } from "../texts";

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
    listStyleType: "none",
    margin: 0,
    marginBottom: tokens.spacingVerticalL,
    padding: 0,
  },
  item: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
  current: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  number: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    width: "24px",
    height: "24px",
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  currentNumber: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}`,
  },
  done: { color: tokens.colorPaletteGreenForeground1, fontSize: "24px" },
});

/**
 * The wizard's steps as an ordered list: those done ticked, the current one marked for screen readers
 * (aria-current="step") and by weight, the rest to come.
 */
export function StepIndicator({ steps, current }: { steps: readonly ImportStep[]; current: ImportStep }) {
  const styles = useStyles();
  const x = useUserImportTexts();
  const currentIndex = steps.indexOf(current);
  return (
    <nav aria-label={x.stepsLabel}>
      <ol className={styles.list}>
        {steps.map((step, index) => {
          const isCurrent = index === currentIndex;
          return (
            <li
              key={step}
              className={mergeClasses(styles.item, isCurrent && styles.current)}
              aria-current={isCurrent ? "step" : undefined}
            >
              {index < currentIndex ? (
                <CheckmarkCircleFilled className={styles.done} aria-hidden="true" />
              ) : (
                <span className={mergeClasses(styles.number, isCurrent && styles.currentNumber)} aria-hidden="true">
                  {index + 1}
                </span>
              )}
              <Text weight={isCurrent ? "semibold" : "regular"}>{x.steps[step]}</Text>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
