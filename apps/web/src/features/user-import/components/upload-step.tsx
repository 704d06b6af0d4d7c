import type { UserImport, UserImportKind } from "@allot/contracts";
import { MessageBar, MessageBarBody, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import { BusyButton } from "@/components/busy-button";
import { ErrorMessage } from "@/components/error-message";
import { useUploadImportFile } from "../api/upload-file";
import { validRows } from "../lib/import-summary";
import { useUserImportTexts } from "../texts";
import { FilePicker } from "./file-picker";
import { ProblemsTable } from "./problems-table";
import { TemplateDownload } from "./template-download";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2, maxWidth: "72ch" },
  verified: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** Step 1: the template, the file, Verify; then the problems found (line and column) and what can go on. */
export function UploadStep({
  tenantId,
  kind,
  verified,
  onVerified,
}: {
  tenantId: string;
  kind: UserImportKind;
  /** The last file verified, if any (kept when going back to this step). */
  verified: UserImport | null;
  onVerified: (userImport: UserImport | null) => void;
}) {
  const styles = useStyles();
  const x = useUserImportTexts();
  const headingId = useId();
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadImportFile(tenantId, kind);

  const verify = () => {
    if (!file) return;
    onVerified(null);
    upload.mutate(file, { onSuccess: onVerified });
  };

  return (
    <div className={styles.root}>
      {kind === "users" ? (
        <TemplateDownload tenantId={tenantId} />
      ) : (
        <Text className={styles.hint}>{x.licensesFileIntro}</Text>
      )}
      <section className={styles.section} aria-labelledby={headingId}>
        <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.heading}>
          {x.file.heading}
        </Text>
        <Text className={styles.hint}>{x.file.hint}</Text>
        <FilePicker
          file={file}
          onChange={(chosen) => {
            setFile(chosen);
            upload.reset();
          }}
        />
        <BusyButton
          busy={upload.isPending}
          busyLabel={x.verifying}
          label={x.verify}
          disabled={!file}
          onClick={verify}
        />
      </section>
      {upload.isError ? <ErrorMessage error={upload.error} title={x.uploadFailed} /> : null}
      {verified ? <VerifyOutcome tenantId={tenantId} userImport={verified} /> : null}
    </div>
  );
}

/** What Verify found: a summary (announced), how the file was read, and every problem. */
function VerifyOutcome({ tenantId, userImport }: { tenantId: string; userImport: UserImport }) {
  const styles = useStyles();
  const x = useUserImportTexts();
  const v = x.verified;
  const valid = validRows(userImport);
  const summary =
    userImport.rowCount === 0
      ? v.empty
      : userImport.problemRowCount === 0
        ? v.allGood(userImport.rowCount)
        : valid === 0
          ? v.allBad
          : v.someBad(userImport.rowCount, userImport.problemRowCount);
  const intent =
    userImport.problemRowCount === 0 && userImport.rowCount > 0 ? "success" : valid === 0 ? "error" : "warning";
  return (
    <div className={styles.verified}>
      <MessageBar intent={intent} layout="multiline" role="status" aria-live="polite">
        <MessageBarBody>
          {summary}
          <div>{v.detected(userImport.encoding.toUpperCase(), v[userImport.delimiter])}</div>
        </MessageBarBody>
      </MessageBar>
      {userImport.problems.length > 0 ? <ProblemsTable tenantId={tenantId} userImport={userImport} /> : null}
    </div>
  );
}
