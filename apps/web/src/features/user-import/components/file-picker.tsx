import { MAX_IMPORT_BYTES } from "@allot/contracts";
import { Button, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { DocumentArrowUpRegular } from "@fluentui/react-icons";
import { type DragEvent, useId, useRef, useState } from "react";
import { useUserImportTexts } from "../texts";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  over: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  input: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
  muted: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const MEGABYTE = 1024 * 1024;

/** Why a file cannot be sent, or null: checked here so a person learns it before waiting for an upload. */
export function fileRefusal(file: File): "tooLarge" | "notCsv" | null {
  if (file.size > MAX_IMPORT_BYTES) return "tooLarge";
  return /\.(csv|txt)$/i.test(file.name) ? null : "notCsv";
}

function fileSize(bytes: number): string {
  return bytes >= MEGABYTE ? `${(bytes / MEGABYTE).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * Pick a CSV with the file dialog (a button, so it works from the keyboard) or drop it on the area. The chosen file
 * is named in a live region; a file that is too large or not a CSV is refused here with the reason.
 */
export function FilePicker({ file, onChange }: { file: File | null; onChange: (file: File | null) => void }) {
  const styles = useStyles();
  const x = useUserImportTexts();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [over, setOver] = useState(false);
  const [refusal, setRefusal] = useState<"tooLarge" | "notCsv" | null>(null);

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    const reason = fileRefusal(chosen);
    setRefusal(reason);
    onChange(reason ? null : chosen);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    choose(event.dataTransfer.files[0]);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for a dragged file; the keyboard uses the button
    <div
      className={mergeClasses(styles.zone, over && styles.over)}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <input
        ref={input}
        id={inputId}
        type="file"
        accept=".csv,.txt,text/csv"
        className={styles.input}
        tabIndex={-1}
        aria-label={x.file.pick}
        onChange={(event) => {
          choose(event.target.files?.[0]);
          // Choosing the same file again (after fixing it) must fire a change again.
          event.target.value = "";
        }}
      />
      <Button icon={<DocumentArrowUpRegular />} onClick={() => input.current?.click()}>
        {x.file.pick}
      </Button>
      <Text className={styles.muted}>{x.file.drop}</Text>
      <div role="status" aria-live="polite">
        {refusal ? (
          <Text className={styles.error}>
            {refusal === "tooLarge" ? x.file.tooLarge(fileSize(MAX_IMPORT_BYTES)) : x.file.notCsv}
          </Text>
        ) : (
          <Text weight={file ? "semibold" : "regular"}>
            {file ? x.file.chosen(file.name, fileSize(file.size)) : x.file.none}
          </Text>
        )}
      </div>
    </div>
  );
}
