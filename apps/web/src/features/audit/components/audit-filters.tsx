import { Button, Field, Input, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useEffect, useRef, useState } from "react";
import { useListPageStyles } from "@/components/list-page-styles";
import { useDebouncedValue } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import type { AuditFilterProblem, AuditFilterValues } from "../api/audit-filter";

const useStyles = makeStyles({
  // Every field has a hint line below its input: aligned at the top, the inputs line up.
  row: { alignItems: "flex-start" },
  action: { minWidth: "240px", flexGrow: 1, maxWidth: "360px" },
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
  const { t } = useI18n();

  // The action box applies its text once typing pauses, or at once on Enter.
  const [actionText, setActionText] = useState(values.action ?? "");
  const debouncedAction = useDebouncedValue(actionText.trim(), 400);
  const applied = useRef(debouncedAction);
  // The latest callback, so that a new one (the address bar changed) does not re-apply a stale debounced value.
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  useEffect(() => {
    if (debouncedAction === applied.current) return;
    applied.current = debouncedAction;
    onChangeRef.current({ action: debouncedAction || undefined });
  }, [debouncedAction]);
  // Changed from outside (the clear button, back and forward): the box follows.
  useEffect(() => {
    if ((values.action ?? "") !== applied.current) {
      applied.current = values.action ?? "";
      setActionText(values.action ?? "");
    }
  }, [values.action]);

  const active = Boolean(values.action || values.from || values.to);

  return (
    <search className={mergeClasses(list.filters, styles.row)} aria-label={t.audit.filters.label}>
      <Field
        label={t.audit.filters.action}
        hint={problem === "action" ? undefined : t.audit.filters.actionHint}
        validationState={problem === "action" ? "error" : "none"}
        validationMessage={problem === "action" ? t.audit.filters.actionInvalid : undefined}
        className={styles.action}
      >
        <Input
          value={actionText}
          placeholder={t.audit.filters.actionPlaceholder}
          onChange={(_, data) => setActionText(data.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              const action = event.currentTarget.value.trim();
              applied.current = action;
              onChange({ action: action || undefined });
            }
          }}
        />
      </Field>
      <Field label={t.audit.filters.from} hint={t.audit.filters.fromHint}>
        <Input
          type="date"
          value={values.from ?? ""}
          max={values.to || undefined}
          onChange={(_, data) => onChange({ from: data.value || undefined })}
        />
      </Field>
      <Field
        label={t.audit.filters.to}
        hint={problem === "range" ? undefined : t.audit.filters.toHint}
        validationState={problem === "range" ? "error" : "none"}
        validationMessage={problem === "range" ? t.audit.filters.rangeInvalid : undefined}
      >
        <Input
          type="date"
          value={values.to ?? ""}
          min={values.from || undefined}
          onChange={(_, data) => onChange({ to: data.value || undefined })}
        />
      </Field>
      {active ? (
        <Button
          appearance="subtle"
          className={styles.clear}
          icon={<DismissRegular />}
          onClick={() => {
            applied.current = "";
            setActionText("");
            onChange({ action: undefined, from: undefined, to: undefined });
          }}
        >
          {t.audit.filters.clear}
        </Button>
      ) : null}
    </search>
  );
}
