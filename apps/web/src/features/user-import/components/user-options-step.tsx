import { Field, makeStyles, Radio, RadioGroup, Text, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { CountrySelect } from "@/components/country-select";
import { type ChosenLicenses, LicensePicker } from "@/components/licensing/license-picker";
import { useUserImportTexts } from "../texts";

/** What Set user options holds: the new users' sign-in, usage location and licenses. */
export interface UserOptionsDraft {
  accountEnabled: boolean;
  usageLocation: string | null;
  licenses: ChosenLicenses;
}

export const DEFAULT_USER_OPTIONS: UserOptionsDraft = {
  accountEnabled: true,
  usageLocation: null,
  licenses: new Map(),
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "640px" },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** Step 2 of Add multiple users: what every new user gets (Microsoft's "Set user options"). */
export function UserOptionsStep({
  tenantId,
  draft,
  onChange,
}: {
  tenantId: string;
  draft: UserOptionsDraft;
  onChange: (draft: UserOptionsDraft) => void;
}) {
  const styles = useStyles();
  const x = useUserImportTexts();
  const o = x.options;
  const headingId = useId();
  const locationId = useId();
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.heading}>
        {o.heading}
      </Text>
      <Text className={styles.hint}>{o.intro}</Text>
      <Field label={o.signIn}>
        <RadioGroup
          value={draft.accountEnabled ? "allowed" : "blocked"}
          onChange={(_, data) => onChange({ ...draft, accountEnabled: data.value === "allowed" })}
        >
          <Radio value="allowed" label={o.allowed} />
          <Radio value="blocked" label={o.blocked} />
        </RadioGroup>
      </Field>
      <Field
        label={{ children: o.usageLocation, htmlFor: locationId }}
        hint={o.usageLocationHint}
        validationState={draft.licenses.size > 0 && !draft.usageLocation ? "warning" : "none"}
        validationMessage={draft.licenses.size > 0 && !draft.usageLocation ? o.needsLocation : undefined}
      >
        <CountrySelect
          id={locationId}
          value={draft.usageLocation}
          onChange={(usageLocation) => onChange({ ...draft, usageLocation })}
        />
      </Field>
      <LicensePicker
        tenantId={tenantId}
        chosen={draft.licenses}
        onChange={(licenses) => onChange({ ...draft, licenses })}
        texts={{
          legend: o.licensesLegend,
          hint: o.licensesHint,
          noneAvailable: o.noneAvailable,
          available: o.available,
        }}
      />
    </section>
  );
}
