import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { QueryParamChanges } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import type { UsersFilter } from "../api/keys";
import type { ActiveFilter } from "../lib/users-url-filter";
import { isTenantRole } from "../lib/users-url-filter";

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
  const { t } = useI18n();
  const u = t.usersList;
  if (active.length === 0) return null;
  const label = (key: ActiveFilter["key"]): string => {
    switch (key) {
      case "q":
        return u.searchChip(filter.search ?? "");
      case "type":
        return u.chip(t.users.filterType, filter.type === "guest" ? t.users.guest : t.users.member);
      case "role":
        return u.chip(t.users.filterRole, isTenantRole(filter.role) ? t.roles[filter.role] : (filter.role ?? ""));
      case "license":
        return u.chip(
          t.users.filterLicense,
          filter.skuId ? productName(filter.skuId) : filter.licensed ? u.licensedUsers : u.unlicensedUsers,
        );
    }
  };
  return (
    <ul className={styles.chips} aria-label={u.activeFilters}>
      {active.map((chip) => (
        <li key={chip.key}>
          <Button
            size="small"
            shape="circular"
            icon={<DismissRegular />}
            iconPosition="after"
            aria-label={u.removeFilter(label(chip.key))}
            onClick={() => onRemove(chip.clear)}
          >
            {label(chip.key)}
          </Button>
        </li>
      ))}
    </ul>
  );
}
