import { Radio, RadioGroup } from "@fluentui/react-components";
import { useId } from "react";
import type { Control } from "react-hook-form";
import { CountrySelect } from "@/components/country-select";
import { FormField, TextField } from "@/lib/forms/form-field";
import type { NewUserDraft } from "../lib/new-user-draft";
import { useUsersTexts } from "../texts";
import { CheckboxField } from "./checkbox-field";
import { PasswordChoice } from "./password-choice";

/** The Add a user form's own fields: name, username, usage location, type, sign-in and password. */
export function NewUserFields({ control }: { control: Control<NewUserDraft, unknown, unknown> }) {
  const u = useUsersTexts();
  const countryId = useId();
  return (
    <>
      <TextField
        control={control}
        name="displayName"
        label={u.add.displayName}
        required
        input={{ autoComplete: "off", autoFocus: true }}
      />
      <TextField
        control={control}
        name="email"
        label={u.add.email}
        required
        input={{ type: "email", autoComplete: "off" }}
      />
      <FormField
        control={control}
        name="usageLocation"
        label={{ children: u.add.usageLocation, htmlFor: countryId }}
        hint={u.add.usageLocationHint}
      >
        {(field) => <CountrySelect id={countryId} value={field.value} onChange={field.onChange} />}
      </FormField>
      <FormField control={control} name="userType" label={u.add.userType}>
        {(field) => (
          <RadioGroup
            layout="horizontal"
            value={field.value}
            onChange={(_, data) => field.onChange(data.value === "guest" ? "guest" : "member")}
          >
            <Radio value="member" label={u.member} />
            <Radio value="guest" label={u.guest} />
          </RadioGroup>
        )}
      </FormField>
      <CheckboxField control={control} name="blockSignIn" label={u.add.blockSignIn} />
      <PasswordChoice label={u.add.password} control={control} />
    </>
  );
}
