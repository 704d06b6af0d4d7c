import type { Application } from "@allot/contracts";
import { Field, makeStyles, Spinner, Switch, tokens } from "@fluentui/react-components";
import { ErrorMessage } from "@/components/error-message";
import { useNotify } from "@/components/notify";
import { useI18n } from "@/lib/i18n";
import { useUpdateApplication } from "../api/applications";
import { useSettingsTexts } from "../texts";

const useStyles = makeStyles({ row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS } });

/** Enables or disables an app at once: disabled, it gets no tokens and the ones it has are refused. */
export function AppEnabledSwitch({ tenantId, app }: { tenantId: string; app: Application }) {
  const styles = useStyles();
  const { t } = useI18n();
  const s = useSettingsTexts().apps.details;
  const notify = useNotify();
  const update = useUpdateApplication(tenantId, app.id);
  // While the change is on its way the switch shows where it is going, and stays focusable (not disabled) but inert.
  const checked = update.isPending ? update.variables?.enabled === true : app.enabled;
  const toggle = (enabled: boolean) => {
    if (update.isPending) return;
    update.mutate(
      { enabled },
      {
        onSuccess: (updated) =>
          notify(updated.enabled ? s.turnedOn(updated.displayName) : s.turnedOff(updated.displayName)),
      },
    );
  };
  return (
    <>
      <div className={styles.row}>
        <Field hint={s.enabledHint}>
          <Switch
            label={s.enabledSwitch}
            checked={checked}
            aria-busy={update.isPending}
            onChange={(_, data) => toggle(data.checked)}
          />
        </Field>
        {update.isPending ? <Spinner size="tiny" label={t.common.saving} /> : null}
      </div>
      {update.isError ? <ErrorMessage error={update.error} /> : null}
    </>
  );
}
