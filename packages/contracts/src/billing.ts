import { z } from "zod";
import { csvExportQuery, cursorQuery, idInputSchema, isoDateTime, page, text, uuidSchema } from "./common.js";
import { servicePlanInfoSchema } from "./licenses.js";

/**
 * Billing: subscriptions and their lifecycle, quotes, orders and invoices, trials, self-service purchases
 * and the pricing page. Money is integer cents of `currency`; instants are UTC ISO strings.
 */

export const BILLING_TERMS = ["monthly", "annual"] as const;
export const SUBSCRIPTION_STATES = ["active", "expired", "disabled", "deleted"] as const;
export const SUBSCRIPTION_SOURCES = ["admin", "trial", "selfService"] as const;
export const ORDER_KINDS = [
  "purchase",
  "seatChange",
  "renewal",
  "trial",
  "trialConversion",
  "selfServicePurchase",
  "cancellation",
] as const;
export const MAX_SEATS = 100_000;
/** The most one order may bill or credit: a pricing rule of the domain (OrderTooLarge beyond it). */
export { MAX_ORDER_AMOUNT_CENTS } from "@allot/domain";
/** Seats of a free trial, as Microsoft 365 trials come. */
export const TRIAL_SEATS = 25;
/** Trial length when the product names none. */
export const DEFAULT_TRIAL_DAYS = 90;
/** The Idempotency-Key header: 1–255 visible ASCII characters. */
export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7E]{1,255}$/, { error: "must be 1 to 255 visible ASCII characters" });

const seatsSchema = z
  .number({ error: "must be a whole number" })
  .int({ error: "must be a whole number" })
  .min(1, { error: "must be at least 1" })
  .max(MAX_SEATS, { error: `must be at most ${MAX_SEATS}` });
const billingTermSchema = z.enum(BILLING_TERMS);

export const subscriptionParamsSchema = z.object({ tenantId: uuidSchema, subscriptionId: idInputSchema });
export const orderParamsSchema = z.object({ tenantId: uuidSchema, orderId: idInputSchema });
export const invoiceParamsSchema = z.object({ tenantId: uuidSchema, invoiceId: idInputSchema });
export const skuParamsSchema = z.object({ tenantId: uuidSchema, skuId: idInputSchema });

const personSchema = z.object({ id: uuidSchema, displayName: z.string() });

export const subscriptionSchema = z.object({
  id: uuidSchema,
  skuId: uuidSchema,
  skuPartNumber: z.string(),
  productName: z.string(),
  seats: z.number().int(),
  state: z.enum(SUBSCRIPTION_STATES),
  /** Graph's name for the state: Enabled, Warning (expired, in grace), Suspended (disabled), Deleted. */
  capabilityStatus: z.enum(["Enabled", "Warning", "Suspended", "Deleted"]),
  source: z.enum(SUBSCRIPTION_SOURCES),
  /** The maker who bought a self-service subscription. */
  owner: personSchema.nullable(),
  takenOverAt: isoDateTime.nullable(),
  /** Whether admins can assign its seats (false for a maker's self-service subscription until taken over). */
  adminAssignable: z.boolean(),
  /** Seats its buyer assigned from a self-service subscription (0 for others). */
  assignedBySubscriptionOwner: z.number().int(),
  /**
   * For an expired subscription: holders of its product who lose access when it is disabled; for a disabled one:
   * those who have lost access (reactivating gives it back). The holders beyond the seats usable in the product's
   * other subscriptions, at most its seats; 0 for any other state, and when nobody depends on it.
   */
  holdersLosingAccess: z.number().int(),
  autoRenew: z.boolean(),
  billingTerm: billingTermSchema,
  termStartsAt: isoDateTime,
  termEndsAt: isoDateTime,
  stateChangedAt: isoDateTime,
  /** When it leaves its state if nothing is done (renews, expires, is disabled or deleted); null once deleted. */
  nextLifecycleAt: isoDateTime.nullable(),
  cancelledAt: isoDateTime.nullable(),
  paymentProvider: z.enum(["invoice", "card"]),
  cardLast4: z.string().nullable(),
  /** The price of one seat for a month, and for the subscription's whole term (0 for a trial). */
  pricePerSeatMonthCents: z.number().int(),
  pricePerSeatTermCents: z.number().int(),
  currency: z.string(),
  createdAt: isoDateTime,
});
export type Subscription = z.infer<typeof subscriptionSchema>;
export const subscriptionsSchema = z.object({ value: z.array(subscriptionSchema) });

export const listSubscriptionsQuerySchema = z.strictObject({
  /** Leave out deleted subscriptions unless asked. */
  includeDeleted: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .default(false),
});

/** One line of an invoice, and of a quote before it becomes one. */
export const chargeLineSchema = z.object({
  description: z.string(),
  quantity: z.number().int(),
  unitPriceCents: z.number().int(),
  /** Negative for a credit (seats removed, a cancelled term). */
  amountCents: z.number().int(),
  periodStart: isoDateTime,
  periodEnd: isoDateTime,
});
export type ChargeLine = z.infer<typeof chargeLineSchema>;

/** What a change will cost, shown before the admin confirms it; the change itself bills exactly this. */
export const quoteSchema = z.object({
  kind: z.enum(ORDER_KINDS),
  amountCents: z.number().int(),
  currency: z.string(),
  lines: z.array(chargeLineSchema),
  /** Days of the current term the change pays for (prorated changes), and the term's length. */
  daysLeft: z.number().int().nullable(),
  termDays: z.number().int().nullable(),
  /** For a seat removal below what is assigned: holders who would be left without a seat. */
  shortfall: z.number().int(),
  /**
   * For a cancellation: the state it leaves the subscription in. `disabled` when the unused days are credited (the
   * seats end at once) or the term is monthly; `expired` (30 days of grace) when nothing is credited.
   */
  resultingState: z.enum(SUBSCRIPTION_STATES).optional(),
  /**
   * For a cancellation: holders of the product who lose access (at once when `resultingState` is disabled, when its
   * grace ends when expired), because the product's other subscriptions have no seats for them. 0: nobody does.
   */
  holdersLosingAccess: z.number().int().optional(),
});
export type Quote = z.infer<typeof quoteSchema>;

export const purchaseRequestSchema = z.strictObject({
  skuId: idInputSchema,
  seats: seatsSchema,
  billingTerm: billingTermSchema,
  autoRenew: z.boolean().default(true),
});
export type PurchaseRequest = z.input<typeof purchaseRequestSchema>;

export const changeSeatsRequestSchema = z.strictObject({
  /** The new number of seats. */
  seats: seatsSchema,
  /** Remove seats below what is assigned, leaving a license conflict to resolve within 90 days. */
  acceptConflict: z.boolean().default(false),
});
export type ChangeSeatsRequest = z.input<typeof changeSeatsRequestSchema>;

export const updateSubscriptionRequestSchema = z.strictObject({ autoRenew: z.boolean() });

export const convertTrialRequestSchema = z.strictObject({
  billingTerm: billingTermSchema,
  /** Seats of the paid subscription; the trial's seats when omitted. */
  seats: seatsSchema.optional(),
});

/** A quote for any billing change, without making it. */
export const quoteRequestSchema = z.discriminatedUnion("kind", [
  purchaseRequestSchema.extend({ kind: z.literal("purchase") }),
  z.strictObject({
    kind: z.literal("seatChange"),
    subscriptionId: idInputSchema,
    seats: seatsSchema,
  }),
  z.strictObject({ kind: z.literal("renewal"), subscriptionId: idInputSchema }),
  z.strictObject({ kind: z.literal("cancellation"), subscriptionId: idInputSchema }),
  convertTrialRequestSchema.extend({ kind: z.literal("trialConversion"), subscriptionId: idInputSchema }),
  z.strictObject({
    kind: z.literal("selfServicePurchase"),
    skuId: idInputSchema,
    seats: seatsSchema,
    billingTerm: billingTermSchema,
  }),
]);
export type QuoteRequest = z.input<typeof quoteRequestSchema>;

export const startTrialRequestSchema = z.strictObject({ skuId: idInputSchema });

/** The test card provider's card: no network, numbers decide the outcome (4000 0000 0000 0002 is declined). */
export const cardSchema = z.strictObject({
  number: z
    .string()
    .transform((value) => value.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{12,19}$/, { error: "must be 12 to 19 digits" })),
  expMonth: z.number().int().min(1).max(12),
  expYear: z.number().int().min(2000).max(2100),
  cvc: z.string().regex(/^\d{3,4}$/, { error: "must be 3 or 4 digits" }),
  holderName: text(200),
});
export const selfServicePurchaseRequestSchema = z.strictObject({
  skuId: idInputSchema,
  seats: seatsSchema,
  billingTerm: billingTermSchema,
  card: cardSchema,
});
export type SelfServicePurchaseRequest = z.input<typeof selfServicePurchaseRequestSchema>;

/** The buyer of a self-service subscription gives its seats to people (or takes them back). */
export const subscriptionAssignmentsRequestSchema = z.strictObject({
  userIds: z
    .array(idInputSchema)
    .min(1, { error: "name at least one user" })
    .max(100, { error: "at most 100 users per call" })
    .refine((ids) => new Set(ids).size === ids.length, { error: "must not repeat a user" }),
});

export const ORDER_STATUSES = ["pending", "completed", "failed"] as const;
export const orderSchema = z.object({
  id: uuidSchema,
  kind: z.enum(ORDER_KINDS),
  status: z.enum(ORDER_STATUSES),
  subscriptionId: uuidSchema.nullable(),
  skuId: uuidSchema,
  skuPartNumber: z.string(),
  productName: z.string(),
  seatsDelta: z.number().int(),
  amountCents: z.number().int(),
  currency: z.string(),
  paymentProvider: z.string(),
  placedBy: personSchema.nullable(),
  createdAt: isoDateTime,
  invoiceId: uuidSchema.nullable(),
  invoiceNumber: z.string().nullable(),
});
export type Order = z.infer<typeof orderSchema>;
export const orderPageSchema = page(orderSchema);

export const INVOICE_STATUSES = ["open", "paid", "void"] as const;
export const invoiceSchema = z.object({
  id: uuidSchema,
  number: z.string(),
  status: z.enum(INVOICE_STATUSES),
  totalCents: z.number().int(),
  currency: z.string(),
  issuedAt: isoDateTime,
  dueAt: isoDateTime,
  lines: z.array(chargeLineSchema.extend({ orderId: uuidSchema.nullable() })),
});
export type Invoice = z.infer<typeof invoiceSchema>;
export const invoicePageSchema = page(invoiceSchema);

/** What a billing change answers: the subscription as it is now, the order it placed, and its invoice. */
export const billingResultSchema = z.object({
  subscription: subscriptionSchema,
  order: orderSchema.nullable(),
  invoice: invoiceSchema.nullable(),
});
export type BillingResult = z.infer<typeof billingResultSchema>;

export const subscriptionDetailsSchema = subscriptionSchema.extend({ orders: z.array(orderSchema) });
export type SubscriptionDetails = z.infer<typeof subscriptionDetailsSchema>;

export const billingListQuerySchema = z.strictObject({
  ...cursorQuery,
  subscriptionId: idInputSchema.optional(),
});

/** The orders' and invoices' CSV exports: optionally one subscription's, and the field separator. */
export const billingExportQuerySchema = z.strictObject({
  subscriptionId: idInputSchema.optional(),
  ...csvExportQuery,
});

/** Per product: whether makers may buy it for themselves in this tenant (Microsoft's AllowSelfServicePurchase). */
export const selfServicePolicySchema = z.object({
  skuId: uuidSchema,
  skuPartNumber: z.string(),
  productName: z.string(),
  /** The product can be bought by makers at all. */
  available: z.boolean(),
  enabled: z.boolean(),
  /** People may sign up for the product's trial themselves (Power Automate's viral trial); null when it has none. */
  trialSignUpEnabled: z.boolean().nullable(),
});
export type SelfServicePolicy = z.infer<typeof selfServicePolicySchema>;
export const selfServicePoliciesSchema = z.object({ value: z.array(selfServicePolicySchema) });
/** Either or both: self-service purchase, and (products with a trial sign-up) whether people may sign up. */
export const updateSelfServicePolicyRequestSchema = z
  .strictObject({ enabled: z.boolean().optional(), trialSignUpEnabled: z.boolean().optional() })
  .refine((body) => body.enabled !== undefined || body.trialSignUpEnabled !== undefined, {
    message: "Name enabled, trialSignUpEnabled or both.",
  });

/** A product on the pricing page, with what the signed-in person can do about it. */
export const pricingProductSchema = z.object({
  skuId: uuidSchema,
  skuPartNumber: z.string(),
  displayName: z.string(),
  kind: z.enum(["user", "capacity"]),
  pricePerSeatMonthCents: z.number().int(),
  /** Paid yearly: twelve months' price. */
  pricePerSeatYearCents: z.number().int(),
  currency: z.string(),
  servicePlans: z.array(servicePlanInfoSchema),
  trialDays: z.number().int(),
  /** The tenant may still start a trial of it (admins) . */
  trialAvailable: z.boolean(),
  /** The signed-in person may buy it for themself now (product offers it and the tenant allows it). */
  selfServicePurchase: z.boolean(),
  /** The signed-in person holds it already, in effect. */
  licensed: z.boolean(),
  /** Their pending request for it, if any. */
  pendingRequestId: uuidSchema.nullable(),
  /** Obtained only by signing up for its trial (Power Automate Free): never bought, requested or trialled. */
  trialSignUpOnly: z.boolean(),
  /** The signed-in person may sign up for its trial now (one of the tenant's people, allowed, not holding it). */
  trialSignUpAvailable: z.boolean(),
});
export const pricingSchema = z.object({ value: z.array(pricingProductSchema) });
export type PricingProduct = z.infer<typeof pricingProductSchema>;

/** People holding seats of a self-service subscription its buyer gave them. */
export const subscriptionAssignmentsSchema = z.object({
  subscription: subscriptionSchema,
  users: z.array(z.object({ id: uuidSchema, displayName: z.string(), email: z.string() })),
});
export type SubscriptionAssignments = z.infer<typeof subscriptionAssignmentsSchema>;

/** Extension members of a SeatsInUse problem: who holds the seats that would go. */
export const seatsInUseProblemSchema = z.object({
  shortfall: z.number().int(),
  holderCount: z.number().int(),
  /** The product's most recently licensed holders, at most 100. */
  holders: z.array(z.object({ id: uuidSchema, displayName: z.string(), email: z.string() })),
});
