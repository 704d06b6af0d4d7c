import type { UserImport } from "@allot/contracts";
import { Button, MessageBar, MessageBarBody, makeStyles, Text, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, KeyRegular } from "@fluentui/react-icons";
import { useId } from "react";
import { BusyButton } from "@/components/busy-button";
import { defaultCsvDelimiter } from "@/components/csv-export-button";
import { DataTable } from "@/components/data-table";
import { ErrorMessage } from "@/components/error-message";
import { useListPageStyles } from "@/components/list-page-styles";
import { useI18n } from "@/lib/i18n";
import { type ImportPasswords, useRetrievePasswords } from "../api/retrieve-passwords";
import { passwordsCsv } from "../lib/passwords-csv";
import { useUserImportTexts } from "../texts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2, maxWidth: "72ch" },
  table: { alignSelf: "stretch" },
  password: { fontFamily: tokens.fontFamilyMonospace },
});

/** Saves a text as a file in the browser (the passwords never go back to the server to be downloaded). */
function saveFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/**
 * The new users' one-time passwords: retrieved once on request (the server then wipes them), shown in a table with
 * a download made in the browser; afterwards the page says they are no longer kept.
 */
export function PasswordsPanel({ tenantId, userImport }: { tenantId: string; userImport: UserImport }) {
  const styles = useStyles();
  const x = useUserImportTexts();
  const p = x.passwords;
  const headingId = useId();
  const retrieve = useRetrievePasswords(tenantId, userImport.id);
  const created = userImport.outcomes?.succeeded ?? 0;
  if (userImport.kind !== "users" || userImport.status !== "completed") return null;

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.heading}>
        {p.heading}
      </Text>
      {retrieve.data ? (
        <ShownPasswords items={retrieve.data} />
      ) : userImport.passwordsAvailable ? (
        <>
          <Text className={styles.hint}>{p.available}</Text>
          <BusyButton
            busy={retrieve.isPending}
            busyLabel={p.showing}
            label={p.show}
            onClick={() => retrieve.mutate()}
          />
          {retrieve.isError ? <ErrorMessage error={retrieve.error} title={p.failed} /> : null}
        </>
      ) : (
        <Text className={styles.hint}>{created > 0 ? p.gone : p.none}</Text>
      )}
    </section>
  );
}

function ShownPasswords({ items }: { items: ImportPasswords }) {
  const styles = useStyles();
  const list = useListPageStyles();
  const { language } = useI18n();
  const x = useUserImportTexts();
  const p = x.passwords;
  const download = () => saveFile(p.fileName, passwordsCsv(p.csvHeader, items, defaultCsvDelimiter(language)));
  return (
    <>
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>{p.shownOnce}</MessageBarBody>
      </MessageBar>
      <Button appearance="primary" icon={<ArrowDownloadRegular />} onClick={download}>
        {p.download}
      </Button>
      <div className={`${list.surface} ${styles.table}`}>
        <DataTable<ImportPasswords[number]>
          label={p.tableLabel}
          size="small"
          rows={items}
          rowKey={(item) => item.userPrincipalName}
          columns={[
            { id: "user", header: p.user, cell: (item) => item.userPrincipalName },
            { id: "name", header: p.name, cell: (item) => item.displayName },
            {
              id: "password",
              header: p.password,
              cell: (item) => (
                <span className={styles.password}>
                  <KeyRegular aria-hidden="true" /> {item.password}
                </span>
              ),
            },
          ]}
        />
      </div>
    </>
  );
}
