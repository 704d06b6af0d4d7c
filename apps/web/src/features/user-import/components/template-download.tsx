import type { CsvDelimiter } from "@allot/contracts";
import { Button, Checkbox, makeStyles, Radio, RadioGroup, Text, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import { defaultCsvDelimiter } from "@/components/csv-export-button";
import { useI18n } from "@/lib/i18n";
import { templateUrl } from "../api/downloads";
import { useUserImportTexts } from "../texts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2, maxWidth: "72ch" },
  choices: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXXL },
  group: { display: "flex", flexDirection: "column" },
  label: { fontWeight: tokens.fontWeightSemibold },
});

/** Step 1's template: Microsoft's "Add multiple users" CSV, with or without sample rows, English or Dutch headers. */
export function TemplateDownload({ tenantId }: { tenantId: string }) {
  const styles = useStyles();
  const { language } = useI18n();
  const x = useUserImportTexts();
  const headingId = useId();
  const languageId = useId();
  const delimiterId = useId();
  const [samples, setSamples] = useState(false);
  const [headers, setHeaders] = useState<"en" | "nl">(language);
  const [delimiter, setDelimiter] = useState<CsvDelimiter>(defaultCsvDelimiter(language));
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.heading}>
        {x.template.heading}
      </Text>
      <Text className={styles.hint}>{x.template.intro}</Text>
      <div className={styles.choices}>
        <div className={styles.group}>
          <Text id={languageId} className={styles.label}>
            {x.template.language}
          </Text>
          <RadioGroup
            aria-labelledby={languageId}
            layout="horizontal"
            value={headers}
            onChange={(_, data) => setHeaders(data.value === "nl" ? "nl" : "en")}
          >
            <Radio value="en" label={x.template.english} />
            <Radio value="nl" label={x.template.dutch} />
          </RadioGroup>
        </div>
        <div className={styles.group}>
          <Text id={delimiterId} className={styles.label}>
            {x.template.delimiter}
          </Text>
          <RadioGroup
            aria-labelledby={delimiterId}
            layout="horizontal"
            value={delimiter}
            onChange={(_, data) => setDelimiter(data.value === "semicolon" ? "semicolon" : "comma")}
          >
            <Radio value="comma" label={x.template.comma} />
            <Radio value="semicolon" label={x.template.semicolon} />
          </RadioGroup>
        </div>
      </div>
      <Checkbox
        label={x.template.samples}
        checked={samples}
        onChange={(_, data) => setSamples(data.checked === true)}
      />
      <Button
        as="a"
        icon={<ArrowDownloadRegular />}
        href={templateUrl(tenantId, { samples, language: headers, delimiter })}
        download
      >
        {x.template.download}
      </Button>
    </section>
  );
}
