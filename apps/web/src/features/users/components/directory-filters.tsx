import { USER_DIRECTORY_FIELD_MAX } from "@allot/contracts";
import { Field, Input } from "@fluentui/react-components";
import { useId } from "react";
import { CountrySelect } from "@/components/country-select";
import { useListPageStyles } from "@/components/list-page-styles";
import type { QueryParamChanges } from "@/lib/hooks";
import type { UsersFilter } from "../api/keys";
import { useDirectoryTexts } from "../texts";

/**
 * A text filter that applies when the person presses Enter or leaves the field (an exact name: filtering on every
 * keystroke would only show empty lists half-way through a word). A change from elsewhere (a chip, Clear filters,
 * Back) comes back to the field, which is re-created with the address's value.
 */
function TextFilter({
  name,
  value,
  label,
  hint,
  onChange,
}: {
  name: "department" | "jobTitle" | "city";
  value: string | undefined;
  label: string;
  hint: string;
  onChange: (changes: QueryParamChanges) => void;
}) {
  const list = useListPageStyles();
  const apply = (text: string) => {
    const next = text.trim() || undefined;
    if (next !== value) onChange({ [name]: next });
  };
  return (
    <Field label={label} hint={hint} className={list.filter}>
      <Input
        key={value ?? ""}
        className={list.filterControl}
        defaultValue={value ?? ""}
        maxLength={USER_DIRECTORY_FIELD_MAX[name]}
        onBlur={(event) => apply(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") apply(event.currentTarget.value);
        }}
      />
    </Field>
  );
}

/** The users list's directory filters: department, job title, city, country or region. */
export function DirectoryFilters({
  filter,
  onChange,
}: {
  filter: UsersFilter;
  onChange: (changes: QueryParamChanges) => void;
}) {
  const d = useDirectoryTexts();
  const list = useListPageStyles();
  const countryId = useId();
  return (
    <>
      {(["department", "jobTitle", "city"] as const).map((name) => (
        <TextFilter
          key={name}
          name={name}
          value={filter[name]}
          label={d.fields[name]}
          hint={d.filterHint}
          onChange={onChange}
        />
      ))}
      <Field label={{ children: d.fields.country, htmlFor: countryId }} className={list.filter}>
        <CountrySelect
          id={countryId}
          value={filter.country ?? null}
          onChange={(code) => onChange({ country: code ?? undefined })}
          emptyLabel={d.anyCountry}
        />
      </Field>
    </>
  );
}
