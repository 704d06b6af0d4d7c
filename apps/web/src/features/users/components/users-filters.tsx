import type { SubscribedSku } from "@allot/contracts";
import { TENANT_ROLES } from "@allot/domain";
import { Button, Field, SearchBox, Select } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useListPageStyles } from "@/components/list-page-styles";
import type { QueryParamChanges } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import type { UsersFilter } from "../api/keys";
import { licenseFilterValue, type UsersView } from "../lib/users-url-filter";

/** The users list's search box and filters (type, role, licenses), with Clear filters while any is in force. */
export function UsersFilters({
  view,
  filter,
  searchText,
  onSearchTextChange,
  onSubmitSearch,
  products,
  productName,
  onChange,
  onLicenseChange,
  filtersActive,
  onClear,
}: {
  view: UsersView;
  filter: UsersFilter;
  searchText: string;
  onSearchTextChange: (text: string) => void;
  onSubmitSearch: () => void;
  /** The products a licence filter can name, by name. */
  products: readonly SubscribedSku[];
  productName: (skuId: string) => string;
  onChange: (changes: QueryParamChanges) => void;
  onLicenseChange: (value: string) => void;
  filtersActive: boolean;
  onClear: () => void;
}) {
  const list = useListPageStyles();
  const { t } = useI18n();
  const u = t.usersList;
  const licenseValue = licenseFilterValue(filter);
  return (
    <search className={list.filters} aria-label={t.users.filters}>
      <Field
        label={view === "deleted" ? t.users.searchDeleted : view === "guests" ? t.users.searchGuests : t.users.search}
        className={list.search}
      >
        <SearchBox
          value={searchText}
          placeholder={t.users.searchPlaceholder}
          onChange={(_, data) => onSearchTextChange(data.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") onSubmitSearch();
          }}
        />
      </Field>
      {view !== "deleted" ? (
        <>
          {view === "active" ? (
            <Field label={t.users.filterType}>
              <Select value={filter.type ?? ""} onChange={(_, data) => onChange({ type: data.value || undefined })}>
                <option value="">{t.users.anyType}</option>
                <option value="member">{t.users.member}</option>
                <option value="guest">{t.users.guest}</option>
              </Select>
            </Field>
          ) : null}
          <Field label={t.users.filterRole}>
            <Select value={filter.role ?? ""} onChange={(_, data) => onChange({ role: data.value || undefined })}>
              <option value="">{t.users.anyRole}</option>
              {TENANT_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t.roles[role]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t.users.filterLicense} className={list.filter}>
            <Select
              className={list.filterControl}
              value={licenseValue}
              onChange={(_, data) => onLicenseChange(data.value)}
            >
              <option value="">{t.users.anyLicense}</option>
              <option value="licensed">{u.licensedUsers}</option>
              <option value="unlicensed">{u.unlicensedUsers}</option>
              <optgroup label={u.products}>
                {products.map((sku) => (
                  <option key={sku.skuId} value={`sku:${sku.skuId}`}>
                    {sku.displayName}
                  </option>
                ))}
                {filter.skuId && !products.some((sku) => sku.skuId === filter.skuId) ? (
                  <option value={`sku:${filter.skuId}`}>{productName(filter.skuId)}</option>
                ) : null}
              </optgroup>
            </Select>
          </Field>
        </>
      ) : null}
      {filtersActive ? (
        <Button appearance="subtle" icon={<DismissRegular />} onClick={onClear}>
          {t.users.clearFilters}
        </Button>
      ) : null}
    </search>
  );
}
