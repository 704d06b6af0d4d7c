import { makeStyles, Radio, RadioGroup, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { Control } from "react-hook-form";
import { CountrySelect } from "@/components/country-select";
import { FormField, TextField } from "@/lib/forms/form-field";
import type { NewUserDraft } from "../lib/new-user-draft";
import { useDirectoryTexts, useUsersTexts } from "../texts";
import { CheckboxField } from "./checkbox-field";
import { PasswordChoice } from "./password-choice";

const useStyles = makeStyles({
  names: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  name: { flexGrow: 1, flexBasis: "12rem" },
});

/** The Add a user form's own fields: first, last and display name, username, usage location, type, sign-in, password. */
export function NewUserFields({ control }: { control: Control<NewUserDraft, unknown, unknown> }) {
  const styles = useStyles();
  const u = useUsersTexts();
  const d = useDirectoryTexts();
  const countryId = useId();
  return (
    <>
      <div className={styles.names}>
        <TextField
          control={control}
          name="givenName"
          label={d.fields.givenName}
          className={styles.name}
          input={{ autoComplete: "off", autoFocus: true }}
        />
        <TextField
          control={control}
          name="surname"
          label={d.fields.surname}
          className={styles.name}
          input={{ autoComplete: "off" }}
        />
      </div>
      <TextField
        control={control}
        name="displayName"
        label={u.add.displayName}
        required
        input={{ autoComplete: "off" }}
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
