import { AUDIT_ACTIONS } from "@allot/contracts";
import { Button, Dropdown, Field, makeStyles, mergeClasses, Option, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { DayInput } from "@/components/day-input";
import { useListPageStyles } from "@/components/list-page-styles";
import { useI18n } from "@/lib/i18n";
import { dayPattern } from "@/lib/i18n/locale";
import type { AuditFilterProblem, AuditFilterValues } from "../api/audit-filter";
import { useAuditTexts } from "../texts";

const useStyles = makeStyles({
  // Every field has a hint line below its input: aligned at the top, the inputs line up.
  row: { alignItems: "flex-start" },
  action: { minWidth: "240px", flexGrow: 1, maxWidth: "360px" },
  dropdown: { minWidth: "auto", width: "100%" },
  // Level with the inputs: below a field label's line and the gap under it.
  clear: { marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalXXS})` },
});

export function AuditFilters({
  values,
  problem,
  onChange,
}: {
  values: AuditFilterValues;
  problem: AuditFilterProblem;
  onChange: (changes: AuditFilterValues) => void;
}) {
  const styles = useStyles();
  const list = useListPageStyles();
  const { t, language } = useI18n();
  const a = useAuditTexts();
  const [fromInvalid, setFromInvalid] = useState(false);
  const [toInvalid, setToInvalid] = useState(false);

  // Every activity the log knows, by its name in the current language; the address keeps the codes.
  const options = useMemo(() => {
    const collator = new Intl.Collator(language);
    return AUDIT_ACTIONS.map((code) => ({ code, label: t.audit.actions[code] })).sort((a, b) =>
      collator.compare(a.label, b.label),
    );
  }, [t, language]);
  const selected = useMemo(
    () =>
      (values.action ?? "")
        .split(",")
        .map((code) => code.trim())
        .filter(Boolean),
    [values.action],
  );
  const selectedLabels = selected
    .map((code) => options.find((option) => option.code === code)?.label ?? code)
    .join(", ");

  const active = Boolean(values.action || values.from || values.to || values.by);
  const byOptions = [
    { value: "", label: a.filters.byAnyone },
    { value: "organization", label: a.filters.byOrganization },
    { value: "partners", label: a.filters.byPartners },
  ];
  const by = byOptions.find((option) => option.value === (values.by ?? "")) ?? byOptions[0];

  return (
    <search className={mergeClasses(list.filters, styles.row)} aria-label={a.filters.label}>
      <Field
        label={a.filters.action}
        hint={problem === "action" ? undefined : a.filters.actionHint}
        validationState={problem === "action" ? "error" : "none"}
        validationMessage={problem === "action" ? a.filters.actionInvalid : undefined}
        className={styles.action}
      >
        <Dropdown
          multiselect
          className={styles.dropdown}
          placeholder={a.filters.actionPlaceholder}
          value={selectedLabels}
          selectedOptions={selected}
          onOptionSelect={(_, data) => onChange({ action: data.selectedOptions.join(",") || undefined })}
        >
          {options.map((option) => (
            <Option key={option.code} value={option.code}>
              {option.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={a.filters.by} hint={a.filters.byHint}>
        <Dropdown
          value={by?.label ?? ""}
          selectedOptions={[by?.value ?? ""]}
          onOptionSelect={(_, data) => onChange({ by: data.optionValue || undefined })}
        >
          {byOptions.map((option) => (
            <Option key={option.value} value={option.value}>
              {option.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field
        label={a.filters.from}
        hint={fromInvalid ? undefined : a.filters.fromHint}
        validationState={fromInvalid ? "error" : "none"}
        validationMessage={fromInvalid ? a.filters.dayInvalid(dayPattern(language)) : undefined}
      >
        <DayInput value={values.from} onChange={(from) => onChange({ from })} onInvalidDay={setFromInvalid} />
      </Field>
      <Field
        label={a.filters.to}
        hint={toInvalid || problem === "range" ? undefined : a.filters.toHint}
        validationState={toInvalid || problem === "range" ? "error" : "none"}
        validationMessage={
          toInvalid
            ? a.filters.dayInvalid(dayPattern(language))
            : problem === "range"
              ? a.filters.rangeInvalid
              : undefined
        }
      >
        <DayInput value={values.to} onChange={(to) => onChange({ to })} onInvalidDay={setToInvalid} />
      </Field>
      {active ? (
        <Button
          appearance="subtle"
          className={styles.clear}
          icon={<DismissRegular />}
          onClick={() => onChange({ action: undefined, by: undefined, from: undefined, to: undefined })}
        >
          {a.filters.clear}
        </Button>
      ) : null}
    </search>
  );
}
