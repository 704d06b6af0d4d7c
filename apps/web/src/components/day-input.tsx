import { Input, type InputProps } from "@fluentui/react-components";
import { CalendarRegular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import { useI18n } from "@/lib/i18n";
import { dayPattern, formatDay, parseDay } from "@/lib/i18n/locale";

/**
 * A calendar day typed as the chosen language writes it (31-01-2025 in Dutch, 31/01/2025 in English), whatever
 * the browser's locale: a native date input would follow the browser (mm/dd/yyyy in an American one). The value
 * is YYYY-MM-DD; it is taken on blur or Enter, and `onInvalidDay` says when the text is no real day.
 */
export function DayInput({
  value,
  onChange,
  onInvalidDay,
  ...rest
}: {
  value: string | undefined;
  onChange: (day: string | undefined) => void;
  onInvalidDay: (invalid: boolean) => void;
} & Omit<InputProps, "value" | "onChange" | "type" | "defaultValue" | "onInvalid">) {
  const { language } = useI18n();
  const [text, setText] = useState(value ? formatDay(value, language) : "");

  // A new value from outside (the address bar, Clear filters) or a new language: show it in that language.
  useEffect(() => {
    setText(value ? formatDay(value, language) : "");
    onInvalidDay(false);
  }, [value, language, onInvalidDay]);

  const commit = () => {
    if (text.trim() === "") {
      onInvalidDay(false);
      if (value !== undefined) onChange(undefined);
      return;
    }
    const day = parseDay(text);
    onInvalidDay(day === null);
    if (day === null) return;
    setText(formatDay(day, language));
    if (day !== value) onChange(day);
  };

  return (
    <Input
      {...rest}
      value={text}
      placeholder={dayPattern(language)}
      contentAfter={<CalendarRegular aria-hidden />}
      inputMode="numeric"
      onChange={(_, data) => setText(data.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === "Enter") commit();
      }}
    />
  );
}
