import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { QueryParamChanges } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import type { UsersFilter } from "../api/keys";
import type { ActiveFilter } from "../lib/users-url-filter";
import { isTenantRole } from "../lib/users-url-filter";
import { useDirectoryTexts, useUsersTexts } from "../texts";

const useStyles = makeStyles({
  chips: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    listStyleType: "none",
    margin: 0,
    marginBottom: tokens.spacingVerticalS,
    padding: 0,
  },
});

/** The filters in force as chips, each removable on its own. */
export function FilterChips({
  active,
  filter,
  productName,
  onRemove,
}: {
  active: readonly ActiveFilter[];
  filter: UsersFilter;
  productName: (skuId: string) => string;
  onRemove: (changes: QueryParamChanges) => void;
}) {
  const styles = useStyles();
  const { t, countryName } = useI18n();
  const u = useUsersTexts();
  const d = useDirectoryTexts();
  if (active.length === 0) return null;
  const label = (key: ActiveFilter["key"]): string => {
    switch (key) {
      case "q":
        return u.list.searchChip(filter.search ?? "");
      case "type":
        return u.list.chip(u.filterType, filter.type === "guest" ? u.guest : u.member);
      case "role":
        return u.list.chip(u.filterRole, isTenantRole(filter.role) ? t.roles[filter.role] : (filter.role ?? ""));
      case "license":
        return u.list.chip(
          u.filterLicense,
          filter.skuId ? productName(filter.skuId) : filter.licensed ? u.list.licensedUsers : u.list.unlicensedUsers,
        );
      case "country":
        return u.list.chip(d.fields.country, countryName(filter.country ?? ""));
      default:
        return u.list.chip(d.fields[key], filter[key] ?? "");
    }
  };
  return (
    <ul className={styles.chips} aria-label={u.list.activeFilters}>
      {active.map((chip) => (
        <li key={chip.key}>
          <Button
            size="small"
            shape="circular"
            icon={<DismissRegular />}
            iconPosition="after"
            aria-label={u.list.removeFilter(label(chip.key))}
            onClick={() => onRemove(chip.clear)}
          >
            {label(chip.key)}
          </Button>
        </li>
      ))}
    </ul>
  );
}
