import type { PricingProduct } from "@allot/contracts";
import {
  MessageBar,
  MessageBarBody,
  makeStyles,
  Skeleton,
  SkeletonItem,
  Text,
  tokens,
} from "@fluentui/react-components";
import { CartRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { PageHeader } from "@/components/page-header";
import { RouterLink } from "@/components/router-link";
import { LiveStatus } from "@/components/visually-hidden";
import { usePricing } from "@/lib/api/pricing";
import { useTenant } from "@/lib/tenant";
import { BuyDialog } from "../components/buy-dialog";
import { type ProductAction, ProductCard } from "../components/product-card";
import { RequestDialog } from "../components/request-dialog";
import { SignUpTrialDialog } from "../components/sign-up-trial-dialog";
import { TrialDialog } from "../components/trial-dialog";
import { usePricingTexts } from "../texts";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalXXL,
  },
  heading: { margin: 0 },
  note: { maxWidth: "960px", marginBottom: tokens.spacingVerticalL },
  muted: { color: tokens.colorNeutralForeground2, maxWidth: "72ch" },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(280px, 1fr))",
    gap: tokens.spacingHorizontalL,
    maxWidth: "1200px",
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
});

function ProductGrid({
  products,
  onAction,
}: {
  products: readonly PricingProduct[];
  onAction: (action: ProductAction, product: PricingProduct) => void;
}) {
  const styles = useStyles();
  return (
    <ul className={styles.grid}>
      {products.map((product) => (
        <li key={product.skuId}>
          <ProductCard product={product} onAction={onAction} />
        </li>
      ))}
    </ul>
  );
}

/** Products and pricing: every product with its price, what's in it, and buy / request / trial per product. */
export function PricingRoute() {
  const styles = useStyles();
  const tx = usePricingTexts();
  const { tenant } = useTenant();
  const pricing = usePricing(tenant.id);
  const [open, setOpen] = useState<{ action: ProductAction; product: PricingProduct } | null>(null);
  const onAction = (action: ProductAction, product: PricingProduct) => setOpen({ action, product });
  const close = () => setOpen(null);
  const dialogProduct = (action: ProductAction) => (open?.action === action ? open.product : null);

  const products = pricing.data ?? [];
  const userProducts = products.filter((product) => product.kind === "user");
  const capacity = products.filter((product) => product.kind === "capacity");

  return (
    <>
      <PageHeader title={tx.title} description={tx.description}>
        {tenant.access === "member" ? (
          <RouterLink to={`/t/${tenant.id}/account/licenses`}>{tx.myLicensesLink}</RouterLink>
        ) : null}
      </PageHeader>
      {tenant.access === "delegated" ? (
        <MessageBar intent="info" layout="multiline" className={styles.note}>
          <MessageBarBody>{tx.delegatedNote}</MessageBarBody>
        </MessageBar>
      ) : null}
      <LiveStatus message={pricing.isPending ? tx.loading : tx.loaded(products.length)} />

      {pricing.isPending ? (
        <Skeleton aria-label={tx.loading}>
          <SkeletonItem size={128} />
        </Skeleton>
      ) : pricing.isError ? (
        <ErrorMessage error={pricing.error} onRetry={() => pricing.refetch()} />
      ) : products.length === 0 ? (
        <EmptyState icon={<CartRegular />} title={tx.empty} />
      ) : (
        <>
          {userProducts.length > 0 ? (
            <section className={styles.section} aria-labelledby="pricing-user-products">
              <Text as="h2" id="pricing-user-products" size={600} weight="semibold" className={styles.heading}>
                {tx.userProducts}
              </Text>
              <ProductGrid products={userProducts} onAction={onAction} />
            </section>
          ) : null}
          {capacity.length > 0 ? (
            <section className={styles.section} aria-labelledby="pricing-capacity-products">
              <Text as="h2" id="pricing-capacity-products" size={600} weight="semibold" className={styles.heading}>
                {tx.capacityProducts}
              </Text>
              <Text className={styles.muted}>{tx.capacityNote}</Text>
              <ProductGrid products={capacity} onAction={onAction} />
            </section>
          ) : null}
        </>
      )}

      <BuyDialog tenantId={tenant.id} product={dialogProduct("buy")} onClose={close} />
      <RequestDialog tenantId={tenant.id} product={dialogProduct("request")} onClose={close} />
      <TrialDialog tenantId={tenant.id} product={dialogProduct("trial")} onClose={close} />
      <SignUpTrialDialog tenantId={tenant.id} product={dialogProduct("signUp")} onClose={close} />
    </>
  );
}
