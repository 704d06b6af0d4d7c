import type { UserImport } from "@allot/contracts";
import { Field, makeStyles, ProgressBar, Text, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { LiveStatus } from "@/components/visually-hidden";
import { progressMilestone, progressPercent } from "../lib/import-summary";
import { useUserImportTexts } from "../texts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, maxWidth: "640px" },
  hint: { color: tokens.colorNeutralForeground2 },
});

/**
 * Applying as it runs: a progress bar of rows done of all rows, and announcements for screen readers at each quarter
 * and at the end (not at every poll).
 */
export function ApplyProgress({ userImport }: { userImport: UserImport }) {
  const styles = useStyles();
  const x = useUserImportTexts();
  const announcement = useAnnouncement(userImport);
  const progress = userImport.progress ?? { done: 0, total: userImport.rowCount };
  const percent = progressPercent(progress);
  const finished = userImport.status === "completed" || userImport.status === "failed";
  const failed = userImport.outcomes?.failed ?? 0;
  return (
    <div className={styles.root}>
      <Field
        label={x.results.progressLabel}
        hint={x.results.progressText(progress.done, progress.total, percent)}
        validationState="none"
      >
        <ProgressBar
          value={progress.done}
          max={Math.max(progress.total, 1)}
          thickness="large"
          color={userImport.status === "failed" ? "error" : finished ? (failed > 0 ? "warning" : "success") : "brand"}
        />
      </Field>
      {finished ? null : <Text className={styles.hint}>{x.results.backgroundHint}</Text>}
      <LiveStatus message={announcement} />
    </div>
  );
}

function useAnnouncement(userImport: UserImport): string {
  const x = useUserImportTexts();
  const [message, setMessage] = useState("");
  const lastPercent = useRef(0);
  const percent = progressPercent(userImport.progress);
  const status = userImport.status;
  const ok = userImport.outcomes?.succeeded ?? 0;
  const failed = userImport.outcomes?.failed ?? 0;
  useEffect(() => {
    if (status === "completed" || status === "failed") {
      setMessage(status === "failed" ? x.results.stopped : x.results.finishedAnnouncement(ok, failed));
      return;
    }
    const milestone = progressMilestone(lastPercent.current, percent);
    lastPercent.current = percent;
    if (milestone !== null && milestone < 100) setMessage(x.results.progressAnnouncement(milestone));
  }, [status, percent, ok, failed, x]);
  return message;
}
