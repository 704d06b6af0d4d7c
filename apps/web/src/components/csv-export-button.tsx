import { CSV_DELIMITERS, type CsvDelimiter } from "@allot/contracts";
import {
  Menu,
  type MenuButtonProps,
  MenuItemLink,
  MenuList,
  MenuPopover,
  MenuTrigger,
  SplitButton,
} from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { type Language, useI18n } from "@/lib/i18n";

/** Excel splits CSV on the list separator of its language: `;` in Dutch (and most of Europe), `,` in English. */
export function defaultCsvDelimiter(language: Language): CsvDelimiter {
  return language === "nl" ? "semicolon" : "comma";
}

interface CsvExportButtonProps {
  label: string;
  /** The download URL of the export in a format; undefined while it cannot be downloaded (invalid filters). */
  hrefFor: (delimiter: CsvDelimiter) => string | undefined;
  "aria-describedby"?: string;
}

/**
 * A CSV download as a split button: the button itself downloads in the format that suits the portal's language,
 * its menu offers both separators. Every choice is a plain link (the session cookie goes along, the server names
 * the file), so it works from the keyboard like any link: Tab to it, Enter; the menu opens with Alt+Down or Enter
 * on its arrow.
 */
export function CsvExportButton({ label, hrefFor, "aria-describedby": describedBy }: CsvExportButtonProps) {
  const { t, language } = useI18n();
  const preferred = defaultCsvDelimiter(language);
  const href = hrefFor(preferred);
  const choices = [preferred, ...CSV_DELIMITERS.filter((delimiter) => delimiter !== preferred)];
  return (
    <Menu positioning="below-end">
      <MenuTrigger disableButtonEnhancement>
        {(triggerProps: MenuButtonProps) => (
          <SplitButton
            appearance="subtle"
            icon={<ArrowDownloadRegular />}
            disabledFocusable={href === undefined}
            menuButton={{ ...triggerProps, "aria-label": t.csvExport.chooseFormat }}
            primaryActionButton={{ as: "a", href, download: true, "aria-describedby": describedBy }}
          >
            {label}
          </SplitButton>
        )}
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {choices.map((delimiter) => (
            <MenuItemLink
              key={delimiter}
              href={hrefFor(delimiter) ?? ""}
              download
              secondaryContent={delimiter === preferred ? t.csvExport.isDefault : undefined}
            >
              {t.csvExport[delimiter]}
            </MenuItemLink>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
