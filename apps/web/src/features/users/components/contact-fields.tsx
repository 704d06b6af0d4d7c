import type { UserDirectoryField } from "@allot/contracts";
import { makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { Control } from "react-hook-form";
import { CountrySelect } from "@/components/country-select";
import { FormField, TextField } from "@/lib/forms/form-field";
import type { DirectoryDraft } from "../lib/directory-draft";
import { useDirectoryTexts } from "../texts";

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    border: "none",
    margin: 0,
    padding: 0,
  },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
  },
});

/** The text fields in Microsoft 365's order, each with what a browser may fill in. */
const TEXT_FIELDS: ReadonlyArray<[Exclude<UserDirectoryField, "country">, string]> = [
  ["givenName", "given-name"],
  ["surname", "family-name"],
  ["jobTitle", "organization-title"],
  ["department", "off"],
  ["officeLocation", "off"],
  ["businessPhone", "tel"],
  ["mobilePhone", "tel"],
  ["faxNumber", "tel"],
  ["alternateEmail", "email"],
  ["streetAddress", "street-address"],
  ["city", "address-level2"],
  ["state", "address-level1"],
  ["postalCode", "postal-code"],
];

const TYPES: Partial<Record<UserDirectoryField, string>> = {
  businessPhone: "tel",
  mobilePhone: "tel",
  faxNumber: "tel",
  alternateEmail: "email",
};

/** Edit profile › Contact information: first and last name, job, office, phones, address, country or region. */
export function ContactFields({ control }: { control: Control<DirectoryDraft, unknown, unknown> }) {
  const styles = useStyles();
  const d = useDirectoryTexts();
  const countryId = useId();
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{d.title}</legend>
      {TEXT_FIELDS.map(([field, autoComplete]) => (
        <TextField
          key={field}
          control={control}
          name={field}
          label={d.fields[field]}
          input={{ autoComplete, ...(TYPES[field] ? { type: TYPES[field] as "tel" | "email" } : {}) }}
        />
      ))}
      <FormField control={control} name="country" label={{ children: d.fields.country, htmlFor: countryId }}>
        {(field) => <CountrySelect id={countryId} value={field.value} onChange={field.onChange} />}
      </FormField>
    </fieldset>
  );
}
