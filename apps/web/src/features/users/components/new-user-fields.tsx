import { Checkbox, Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import { useId } from "react";
import { CountrySelect } from "@/components/country-select";
import { useI18n } from "@/lib/i18n";
import type { FieldErrors } from "@/lib/validation";
import type { NewUserDraft } from "../lib/new-user-draft";
import { PasswordChoice } from "./password-choice";

/** The Add a user form's own fields: name, username, usage location, type, sign-in and password. */
export function NewUserFields({
  draft,
  errors,
  onChange,
}: {
  draft: NewUserDraft;
  errors: FieldErrors;
  onChange: <K extends keyof NewUserDraft>(key: K, value: NewUserDraft[K]) => void;
}) {
  const { t } = useI18n();
  const countryId = useId();
  return (
    <>
      <Field label={t.users.add.displayName} required validationMessage={errors.displayName}>
        <Input
          value={draft.displayName}
          onChange={(_, data) => onChange("displayName", data.value)}
          autoComplete="off"
          autoFocus
        />
      </Field>
      <Field label={t.users.add.email} required validationMessage={errors.email}>
        <Input
          type="email"
          value={draft.email}
          onChange={(_, data) => onChange("email", data.value)}
          autoComplete="off"
        />
      </Field>
      <Field
        label={{ children: t.users.add.usageLocation, htmlFor: countryId }}
        hint={t.users.add.usageLocationHint}
        validationMessage={errors.usageLocation}
      >
        <CountrySelect
          id={countryId}
          value={draft.usageLocation}
          onChange={(code) => onChange("usageLocation", code)}
        />
      </Field>
      <Field label={t.users.add.userType}>
        <RadioGroup
          layout="horizontal"
          value={draft.userType}
          onChange={(_, data) => onChange("userType", data.value === "guest" ? "guest" : "member")}
        >
          <Radio value="member" label={t.users.member} />
          <Radio value="guest" label={t.users.guest} />
        </RadioGroup>
      </Field>
      <Checkbox
        label={t.users.add.blockSignIn}
        checked={draft.blockSignIn}
        onChange={(_, data) => onChange("blockSignIn", data.checked === true)}
      />
      <PasswordChoice
        label={t.users.add.password}
        mode={draft.passwordMode}
        onModeChange={(mode) => onChange("passwordMode", mode)}
        password={draft.password}
        onPasswordChange={(password) => onChange("password", password)}
        error={errors.password}
      />
    </>
  );
}
