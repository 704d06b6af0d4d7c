import type { SubscribedSku } from "@allot/contracts";
import { TENANT_ROLES } from "@allot/domain";
import { Button, Field, SearchBox, Select } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useListPageStyles } from "@/components/list-page-styles";
import type { QueryParamChanges } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import type { UsersFilter } from "../api/keys";
import { licenseFilterValue, type UsersView } from "../lib/users-url-filter";
import { useUsersTexts } from "../texts";
import { DirectoryFilters } from "./directory-filters";

/** The users list's search box and filters (type, role, licenses, directory fields), with Clear filters while any is in force. */
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
  const u = useUsersTexts();
  const licenseValue = licenseFilterValue(filter);
  return (
    <search className={list.filters} aria-label={u.filters}>
      <Field
        label={view === "deleted" ? u.searchDeleted : view === "guests" ? u.searchGuests : u.search}
        className={list.search}
      >
        <SearchBox
          value={searchText}
          placeholder={u.searchPlaceholder}
          onChange={(_, data) => onSearchTextChange(data.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") onSubmitSearch();
          }}
        />
      </Field>
      {view !== "deleted" ? (
        <>
          {view === "active" ? (
            <Field label={u.filterType}>
              <Select value={filter.type ?? ""} onChange={(_, data) => onChange({ type: data.value || undefined })}>
                <option value="">{u.anyType}</option>
                <option value="member">{u.member}</option>
                <option value="guest">{u.guest}</option>
              </Select>
            </Field>
          ) : null}
          <Field label={u.filterRole}>
            <Select value={filter.role ?? ""} onChange={(_, data) => onChange({ role: data.value || undefined })}>
              <option value="">{u.anyRole}</option>
              {TENANT_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t.roles[role]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={u.filterLicense} className={list.filter}>
            <Select
              className={list.filterControl}
              value={licenseValue}
              onChange={(_, data) => onLicenseChange(data.value)}
            >
              <option value="">{u.anyLicense}</option>
              <option value="licensed">{u.list.licensedUsers}</option>
              <option value="unlicensed">{u.list.unlicensedUsers}</option>
              <optgroup label={u.list.products}>
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
          <DirectoryFilters filter={filter} onChange={onChange} />
        </>
      ) : null}
      {filtersActive ? (
        <Button appearance="subtle" icon={<DismissRegular />} onClick={onClear}>
          {u.clearFilters}
        </Button>
      ) : null}
    </search>
  );
}
