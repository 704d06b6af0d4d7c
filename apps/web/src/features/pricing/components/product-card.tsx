import type { PricingProduct } from "@allot/contracts";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Card,
  makeStyles,
  Text,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { CartRegular, MailRegular, RocketRegular } from "@fluentui/react-icons";
import { useId } from "react";
import { useFormatMoney } from "@/lib/format-money";
import { useTenant } from "@/lib/tenant";
import { usePricingTexts } from "../texts";

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalS, height: "100%", boxSizing: "border-box" },
  heading: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  price: { display: "flex", alignItems: "baseline", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  amount: {
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  plans: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  spacer: { flexGrow: 1 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export type ProductAction = "buy" | "request" | "trial" | "signUp";

/**
 * One product: price per user and month (and year), what's included, whether the person has it or asked for it,
 * and what they can do: buy it for themself, request it from their admin, or (admins) start a free trial. A product
 * people sign up for instead (Power Automate Free) is free and offers only "Start free trial", to its own people.
 */
export function ProductCard({
  product,
  onAction,
}: {
  product: PricingProduct;
  onAction: (action: ProductAction, product: PricingProduct) => void;
}) {
  const styles = useStyles();
  const tx = usePricingTexts();
  const money = useFormatMoney();
  const { can, tenant } = useTenant();
  // A partner's agent is not a person of this organization: they neither buy for themself nor request here.
  const member = tenant.access === "member";
  const headingId = useId();
  const restoreFocusTarget = useRestoreFocusTarget();
  const user = product.kind === "user";
  const pending = product.pendingRequestId !== null;
  const signUpOnly = product.trialSignUpOnly;
  const canBuy = member && user && !signUpOnly && product.selfServicePurchase && can("billing.selfServicePurchase");
  const canRequest = member && user && !signUpOnly && !product.licensed && !pending && can("requests.create");
  const canTrial = !signUpOnly && product.trialAvailable && can("billing.manage");
  const canSignUp = member && signUpOnly && product.trialSignUpAvailable;

  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId}>
      <div className={styles.heading}>
        <Text as="h3" id={headingId} size={500} weight="semibold" className={styles.title}>
          {product.displayName}
        </Text>
        {product.licensed ? (
          <Badge appearance="tint" color="success">
            {tx.youHaveThis}
          </Badge>
        ) : null}
        {pending ? (
          <Badge appearance="tint" color="warning">
            {tx.requestPending}
          </Badge>
        ) : null}
      </div>
      {signUpOnly ? (
        <>
          <Text className={styles.amount}>{tx.free}</Text>
          <Text size={200} className={styles.muted}>
            {tx.signUp.note(product.trialDays)}
          </Text>
        </>
      ) : (
        <div className={styles.price}>
          <Text className={styles.amount}>{money(product.pricePerSeatMonthCents, product.currency)}</Text>
          <Text className={styles.muted}>{user ? tx.perUserMonth : tx.perUnitMonth}</Text>
        </div>
      )}
      {user && !signUpOnly ? (
        <Text size={200} className={styles.muted}>
          {tx.perYear(money(product.pricePerSeatYearCents, product.currency))}
        </Text>
      ) : null}
      {product.trialDays > 0 && canTrial ? (
        <Text size={200} className={styles.muted}>
          {tx.trialLength(product.trialDays)}
        </Text>
      ) : null}
      {product.servicePlans.length > 0 ? (
        <Accordion collapsible>
          <AccordionItem value="plans">
            <AccordionHeader size="small">{tx.included(product.servicePlans.length)}</AccordionHeader>
            <AccordionPanel>
              <ul className={styles.plans}>
                {product.servicePlans.map((plan) => (
                  <li key={plan.servicePlanId}>{plan.displayName}</li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      ) : null}
      {member &&
      user &&
      !signUpOnly &&
      !product.selfServicePurchase &&
      !product.licensed &&
      can("billing.selfServicePurchase") ? (
        <Text size={200} className={styles.muted}>
          {tx.selfServiceOff}
        </Text>
      ) : null}
      <div className={styles.spacer} />
      <div className={styles.actions}>
        {canBuy ? (
          <Button
            appearance="primary"
            icon={<CartRegular />}
            onClick={() => onAction("buy", product)}
            {...restoreFocusTarget}
          >
            {tx.buyNow}
          </Button>
        ) : null}
        {canRequest ? (
          <Button
            appearance={canBuy ? "secondary" : "primary"}
            icon={<MailRegular />}
            onClick={() => onAction("request", product)}
            {...restoreFocusTarget}
          >
            {tx.requestFromAdmin}
          </Button>
        ) : null}
        {canSignUp ? (
          <Button
            appearance="primary"
            icon={<RocketRegular />}
            onClick={() => onAction("signUp", product)}
            {...restoreFocusTarget}
          >
            {tx.startTrial}
          </Button>
        ) : null}
        {canTrial ? (
          <Button icon={<RocketRegular />} onClick={() => onAction("trial", product)} {...restoreFocusTarget}>
            {tx.startTrial}
          </Button>
        ) : null}
      </div>
    </Card>
  );
}
