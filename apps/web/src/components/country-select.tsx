import { COUNTRY_CODES } from "@allot/contracts";
import { Select } from "@fluentui/react-components";
import { useMemo } from "react";
import { useI18n } from "@/lib/i18n";

/** Usage location: every ISO 3166 country by its name in the current language, plus "Not set". */
export function CountrySelect({
  value,
  onChange,
  disabled,
  id,
  "aria-label": ariaLabel,
  emptyLabel,
}: {
  value: string | null;
  onChange: (code: string | null) => void;
  disabled?: boolean;
  id?: string;
  /** When no visible label names the field. */
  "aria-label"?: string;
  /** What the empty choice says ("Not set" unless told otherwise, e.g. "Any country" in a filter). */
  emptyLabel?: string;
}) {
  const { t, language, countryName } = useI18n();
  const options = useMemo(() => {
    const collator = new Intl.Collator(language);
    return [...COUNTRY_CODES]
      .map((code) => ({ code, name: countryName(code) }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [language, countryName]);
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      value={value ?? ""}
      disabled={disabled}
      onChange={(_, data) => onChange(data.value === "" ? null : data.value)}
    >
      <option value="">{emptyLabel ?? t.common.notSet}</option>
      {options.map((option) => (
        <option key={option.code} value={option.code}>
          {option.name}
        </option>
      ))}
    </Select>
  );
}
