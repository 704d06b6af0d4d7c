import { USER_DIRECTORY_FIELDS, type User } from "@allot/contracts";
import { Text } from "@fluentui/react-components";
import { Fragment } from "react";
import { useI18n } from "@/lib/i18n";
import { useDirectoryTexts } from "../texts";

/**
 * User details › Contact information as terms and values (`dl` with the profile's styles): only the fields that
 * are set, the country by its name in the language shown.
 */
export function ContactFacts({
  user,
  classes,
}: {
  user: User;
  classes: { facts: string; term: string; value: string; muted: string };
}) {
  const { countryName } = useI18n();
  const d = useDirectoryTexts();
  const set = USER_DIRECTORY_FIELDS.filter((field) => user[field] !== null);
  if (set.length === 0) return <Text className={classes.muted}>{d.none}</Text>;
  return (
    <dl className={classes.facts}>
      {set.map((field) => (
        <Fragment key={field}>
          <dt className={classes.term}>{d.fields[field]}</dt>
          <dd className={classes.value}>{field === "country" ? countryName(user[field] ?? "") : user[field]}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
