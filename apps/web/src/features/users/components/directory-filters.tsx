import { USER_DIRECTORY_FIELD_MAX } from "@allot/contracts";
import { Button, Field, Input } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronUpRegular } from "@fluentui/react-icons";
import { useId, useState } from "react";
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

/**
 * The users list's directory filters: department, job title, city, country or region. Behind "More filters" (open
 * while one of them is in force), so that on a phone the list itself stays on the first screen.
 */
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
  const fieldsId = useId();
  const inForce = Boolean(filter.department || filter.jobTitle || filter.city || filter.country);
  const [open, setOpen] = useState(inForce);
  const shown = open || inForce;
  return (
    <>
      <Button
        appearance="subtle"
        icon={shown ? <ChevronUpRegular /> : <ChevronDownRegular />}
        aria-expanded={shown}
        aria-controls={shown ? fieldsId : undefined}
        disabled={inForce}
        onClick={() => setOpen(!open)}
      >
        {shown ? d.fewerFilters : d.moreFilters}
      </Button>
      {shown ? (
        <div id={fieldsId} style={{ display: "contents" }}>
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
        </div>
      ) : null}
    </>
  );
}
