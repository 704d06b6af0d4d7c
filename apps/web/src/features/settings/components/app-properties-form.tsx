import { type Application, updateApplicationSchema } from "@allot/contracts";
import type { ApplicationPermission } from "@allot/domain";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { Controller } from "react-hook-form";
import { BusyButton } from "@/components/busy-button";
import { ErrorMessage } from "@/components/error-message";
import { useNotify } from "@/components/notify";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { TextField } from "@/lib/forms/form-field";
import { useZodForm } from "@/lib/forms/zod-form";
import { useI18n } from "@/lib/i18n";
import { useUpdateApplication } from "../api/applications";
import { useSettingsTexts } from "../texts";
import { PermissionCheckboxes } from "./permission-checkboxes";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex" },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

interface PropertiesDraft {
  displayName: string;
  permissions: ApplicationPermission[];
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/** Only what differs from the app as loaded: the update names the fields that change. */
function changesTo(app: Application, { displayName, permissions }: PropertiesDraft) {
  return {
    ...(displayName.trim() !== app.displayName ? { displayName } : {}),
    ...(sameList(permissions, app.permissions) ? {} : { permissions }),
  };
}

/** Renames an app and changes its permissions; its tokens get the new permissions on their next request. */
export function AppPropertiesForm({ tenantId, app }: { tenantId: string; app: Application }) {
  const styles = useStyles();
  const { t } = useI18n();
  const s = useSettingsTexts().apps;
  const notify = useNotify();
  const update = useUpdateApplication(tenantId, app.id);
  const form = useZodForm(updateApplicationSchema, {
    defaultValues: { displayName: app.displayName, permissions: [...app.permissions] } satisfies PropertiesDraft,
    toInput: (draft: PropertiesDraft) => changesTo(app, draft),
  });
  const error = useApiErrorOnFields(form, update.error);
  const formProblem = form.formState.errors.root?.message;

  const submit = form.handleSubmit((body) =>
    update.mutate(body, {
      onSuccess: (updated) => {
        form.reset({ displayName: updated.displayName, permissions: [...updated.permissions] });
        notify(s.details.saved(updated.displayName));
      },
    }),
  );

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={s.details.properties}>
      {error ? <ErrorMessage error={error} /> : null}
      <TextField
        control={form.control}
        name="displayName"
        label={s.registerDialog.name}
        required
        input={{ maxLength: 120, autoComplete: "off" }}
      />
      <Controller
        control={form.control}
        name="permissions"
        render={({ field }) => (
          <PermissionCheckboxes value={field.value} onChange={field.onChange} disabled={update.isPending} />
        )}
      />
      {formProblem ? (
        <Text role="alert" className={styles.problem}>
          {formProblem}
        </Text>
      ) : null}
      <div className={styles.actions}>
        <BusyButton
          type="submit"
          busy={update.isPending}
          disabled={!form.formState.isDirty}
          label={s.details.save}
          busyLabel={t.common.saving}
        />
      </div>
    </form>
  );
}
