import { Checkbox, Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import { useId } from "react";
import { CountrySelect } from "@/components/country-select";
import type { FieldErrors } from "@/lib/validation";
import type { NewUserDraft } from "../lib/new-user-draft";
import { useUsersTexts } from "../texts";
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
  const u = useUsersTexts();
  const countryId = useId();
  return (
    <>
      <Field label={u.add.displayName} required validationMessage={errors.displayName}>
        <Input
          value={draft.displayName}
          onChange={(_, data) => onChange("displayName", data.value)}
          autoComplete="off"
          autoFocus
        />
      </Field>
      <Field label={u.add.email} required validationMessage={errors.email}>
        <Input
          type="email"
          value={draft.email}
          onChange={(_, data) => onChange("email", data.value)}
          autoComplete="off"
        />
      </Field>
      <Field
        label={{ children: u.add.usageLocation, htmlFor: countryId }}
        hint={u.add.usageLocationHint}
        validationMessage={errors.usageLocation}
      >
        <CountrySelect
          id={countryId}
          value={draft.usageLocation}
          onChange={(code) => onChange("usageLocation", code)}
        />
      </Field>
      <Field label={u.add.userType}>
        <RadioGroup
          layout="horizontal"
          value={draft.userType}
          onChange={(_, data) => onChange("userType", data.value === "guest" ? "guest" : "member")}
        >
          <Radio value="member" label={u.member} />
          <Radio value="guest" label={u.guest} />
        </RadioGroup>
      </Field>
      <Checkbox
        label={u.add.blockSignIn}
        checked={draft.blockSignIn}
        onChange={(_, data) => onChange("blockSignIn", data.checked === true)}
      />
      <PasswordChoice
        label={u.add.password}
        mode={draft.passwordMode}
        onModeChange={(mode) => onChange("passwordMode", mode)}
        password={draft.password}
        onPasswordChange={(password) => onChange("password", password)}
        error={errors.password}
      />
    </>
  );
}
