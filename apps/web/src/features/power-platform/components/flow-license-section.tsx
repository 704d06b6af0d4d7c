import type { Flow } from "@allot/contracts";
import { FLOW_LICENSE_MODES, type FlowLicenseMode } from "@allot/domain";
import { Button, Field, makeStyles, Radio, RadioGroup, Text, tokens } from "@fluentui/react-components";
import { EditRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { BusyButton } from "@/components/busy-button";
import { ErrorMessage } from "@/components/error-message";
import { useNotify } from "@/components/notify";
import { RouterLink } from "@/components/router-link";
import { isApiError } from "@/lib/api-client";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { useUpdateFlow } from "../api/flows";
import { usePowerPlatformTexts } from "../texts";
import { CapacityErrorMessage } from "./shortfall-message";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

/** The pane's Licensing section: which license pays for the flow, and Edit to switch it (owner, Process, Per flow). */
export function FlowLicenseSection({ flow }: { flow: Flow }) {
  const styles = useStyles();
  const { t } = useI18n();
  const p = usePowerPlatformTexts();
  const notify = useNotify();
  const context = useTenant();
  const update = useUpdateFlow(context.tenant.id, flow.id);
  const [editing, setEditing] = useState(false);
  const [mode, setMode] = useState<FlowLicenseMode>(flow.licenseMode);
  const headingId = `flow-licensing-${flow.id}`;

  const paidBy =
    flow.licenseMode === "owner"
      ? p.flow.paidBy.owner(flow.owner.displayName)
      : p.flow.paidBy[flow.licenseMode](flow.environmentName);

  const save = () =>
    update.mutate(
      { licenseMode: mode },
      {
        onSuccess: (saved) => {
          notify(p.flow.saved(saved.name));
          setEditing(false);
        },
      },
    );

  const allocate = context.can("powerPlatform.manage") ? (
    <RouterLink to={`/t/${context.tenant.id}/power-platform/capacity`}>{p.flow.allocateCapacity}</RouterLink>
  ) : (
    <Text>{p.flow.askAdmin}</Text>
  );

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Text as="h3" id={headingId} weight="semibold" size={400} className={styles.heading}>
        {p.flow.licensing}
      </Text>
      <Text>{paidBy}</Text>
      {editing ? (
        <>
          {update.isError ? (
            isApiError(update.error, "CapacityNotAvailable") ? (
              <CapacityErrorMessage error={update.error} environment={flow.environmentName} action={allocate} />
            ) : (
              <ErrorMessage error={update.error} />
            )
          ) : null}
          <Field label={p.flow.plan}>
            <RadioGroup value={mode} onChange={(_, data) => setMode(data.value as FlowLicenseMode)}>
              {FLOW_LICENSE_MODES.map((value) => (
                <Radio key={value} value={value} label={p.licenseModes[value]} />
              ))}
            </RadioGroup>
          </Field>
          <div className={styles.actions}>
            <BusyButton busy={update.isPending} label={t.common.save} busyLabel={t.common.saving} onClick={save} />
            <Button
              disabled={update.isPending}
              onClick={() => {
                update.reset();
                setMode(flow.licenseMode);
                setEditing(false);
              }}
            >
              {t.common.cancel}
            </Button>
          </div>
        </>
      ) : flow.canEdit ? (
        <div className={styles.actions}>
          <Button icon={<EditRegular />} aria-label={p.flow.editLicense} onClick={() => setEditing(true)}>
            {p.flow.edit}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
