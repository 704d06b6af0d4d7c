import type { PricingProduct } from "@allot/contracts";
import { Dropdown, Field, makeStyles, Option, OptionGroup, Text, tokens } from "@fluentui/react-components";
import { useFormatMoney } from "@/lib/format-money";
import { useBillingChangeTexts, useBillingTexts } from "../texts";

const useStyles = makeStyles({
  option: { display: "flex", flexDirection: "column" },
  price: { color: tokens.colorNeutralForeground2 },
});

/** A product of the catalogue, user licenses first, capacity add-ons after, each with its price a month. */
export function ProductDropdown({
  products,
  value,
  onChange,
  label,
  hint,
  error,
  showPrice = true,
}: {
  products: readonly PricingProduct[];
  value: string;
  onChange: (skuId: string) => void;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  showPrice?: boolean;
}) {
  const styles = useStyles();
  const b = useBillingTexts();
  const c = useBillingChangeTexts();
  const money = useFormatMoney();
  const selected = products.find((product) => product.skuId === value);
  const groups = [
    { label: c.buy.userProducts, items: products.filter((product) => product.kind === "user") },
    { label: c.buy.capacityProducts, items: products.filter((product) => product.kind === "capacity") },
  ].filter((group) => group.items.length > 0);

  return (
    <Field label={label} required hint={hint} validationState={error ? "error" : "none"} validationMessage={error}>
      <Dropdown
        placeholder={c.buy.productPlaceholder}
        value={selected?.displayName ?? ""}
        selectedOptions={selected ? [selected.skuId] : []}
        onOptionSelect={(_, data) => {
          if (data.optionValue) onChange(data.optionValue);
        }}
      >
        {groups.map((group) => (
          <OptionGroup key={group.label} label={group.label}>
            {group.items.map((product) => (
              <Option key={product.skuId} value={product.skuId} text={product.displayName}>
                <span className={styles.option}>
                  <span>{product.displayName}</span>
                  {showPrice ? (
                    <Text size={200} className={styles.price}>
                      {b.pricePerUserMonth(money(product.pricePerSeatMonthCents, product.currency))}
                    </Text>
                  ) : null}
                </span>
              </Option>
            ))}
          </OptionGroup>
        ))}
      </Dropdown>
    </Field>
  );
}
