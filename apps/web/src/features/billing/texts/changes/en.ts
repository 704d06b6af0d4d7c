import { textTools } from "@/lib/i18n";
import type { Widen } from "@/lib/i18n/widen";

const { plural } = textTools("en");

/**
 * The billing changes in English (the reference): buying, trials, renewing, seats, cancelling, converting a trial,
 * and the price each shows before it is confirmed.
 */
export const texts = {
  quote: {
    title: "Price",
    hint: "The price appears here before you confirm.",
    loading: "Calculating the price…",
    error: "The price couldn't be calculated.",
    columns: {
      description: "Item",
      quantity: "Quantity",
      amount: "Amount",
    },
    times: (quantity: number, unitPrice: string) => `${quantity} × ${unitPrice}`,
    prorated: (daysLeft: number, termDays: number) =>
      `Prorated for the ${daysLeft} of ${termDays} ${plural(termDays, "day", "days")} left in the current term.`,
    dueNow: "Billed now",
    creditNow: "Credited now",
  },
  buy: {
    open: "Buy a subscription",
    title: "Buy a subscription",
    loadingProducts: "Loading products…",
    product: "Product",
    productPlaceholder: "Choose a product",
    productRequired: "Choose a product.",
    productPrice: (month: string, year: string) => `${month} per user a month, or ${year} per user a year.`,
    userProducts: "User licenses",
    capacityProducts: "Capacity add-ons",
    seats: "Seats",
    term: "Billing term",
    autoRenewOnHint: "It renews at the end of each term, so people never lose access.",
    autoRenewOffHint: "It expires at the end of the term unless you renew it.",
    quoteHint: "Choose a product and the number of seats to see the price.",
    confirm: "Buy",
    buying: "Buying…",
    failed: "The subscription couldn't be bought.",
    done: (seats: number, product: string) => `You bought ${seats} ${plural(seats, "seat", "seats")} of ${product}.`,
  },
  buyPage: {
    title: "Buy products",
    description: "Buy a subscription for your organization: choose the product, the seats and the billing term.",
    powerPlatformOnly:
      "As a Power Platform administrator you can buy Power Automate, Power BI and Power Apps products.",
    form: "Purchase",
    viewSubscription: "View the subscription",
    backToAddOns: "Back to Add-ons",
    buyAnother: "Buy another product",
  },
  trial: {
    open: "Start a free trial",
    title: "Start a free trial",
    intro: "Try a product free of charge before you buy it. Each product can be tried once.",
    noneLeft: "Your organization has already tried every product that offers a free trial.",
    summary: (seats: number, days: number, product: string) =>
      `You get ${seats} seats of ${product} for ${days} days, free. It doesn't renew: convert it to a paid subscription before it ends to keep it.`,
    summaryNoProduct: (seats: number) => `A trial gives you ${seats} seats for free.`,
    confirm: "Start trial",
    starting: "Starting…",
    failed: "The trial couldn't be started.",
    done: (product: string) => `Your free trial of ${product} has started.`,
  },
  renew: {
    renewNow: "Renew",
    reactivate: "Reactivate",
    renewing: "Renewing…",
    reactivating: "Reactivating…",
    renewTitle: (product: string) => `Renew ${product}`,
    reactivateTitle: (product: string) => `Reactivate ${product}`,
    renewBody: (date: string, term: string) =>
      `It renews for another ${term.toLowerCase()} term when the current one ends on ${date}; that term is billed when it starts. Auto-renew is turned back on.`,
    reactivateBody: (seats: number, term: string) =>
      `The subscription becomes active again with ${seats} ${plural(seats, "seat", "seats")} and a new ${term.toLowerCase()} term from today. People get their access back.`,
    failed: "The subscription couldn't be renewed.",
    renewed: (product: string) => `${product} was renewed.`,
    reactivated: (product: string) => `${product} was reactivated.`,
  },
  seats: {
    title: (product: string) => `Add or remove seats of ${product}`,
    current: (seats: number, formatted: string) => `It has ${formatted} ${plural(seats, "seat", "seats")} now.`,
    newTotal: "New total of seats",
    addingHint: (delta: number) =>
      `Adds ${delta} ${plural(delta, "seat", "seats")}, billed now for the rest of the term.`,
    removingHint: (delta: number) =>
      `Removes ${delta} ${plural(delta, "seat", "seats")}; the unused days are credited.`,
    sameHint: "Enter a number other than the current one.",
    add: (delta: number) => `Add ${delta} ${plural(delta, "seat", "seats")}`,
    remove: (delta: number) => `Remove ${delta} ${plural(delta, "seat", "seats")}`,
    removeAnyway: (delta: number) => `Remove ${delta} ${plural(delta, "seat", "seats")} anyway`,
    confirm: "Save",
    saving: "Saving…",
    shortfallWarning: (count: number) =>
      `${count} ${plural(count, "person who holds", "people who hold")} this product would be left without a seat.`,
    inUseTitle: "These seats are in use",
    inUseBody: (holders: number, shortfall: number) =>
      `${holders} ${plural(holders, "person holds", "people hold")} this product, so ${shortfall} ${plural(shortfall, "of them would", "of them would")} be left without a seat. Remove their licenses first, or remove the seats anyway.`,
    holdersHeading: (count: number) => `People who hold it (${count})`,
    holdersMore: (count: number) => `and ${count} more`,
    acceptConflict: (days: number) =>
      `Remove the seats anyway and create a license conflict. Users keep access; the conflict must be resolved within ${days} days`,
    failed: "The seats couldn't be changed.",
    done: (seats: number, product: string) => `${product} now has ${seats} ${plural(seats, "seat", "seats")}.`,
  },
  addLicenses: {
    title: (product: string) => `Add licenses to ${product}`,
    subscription: "Subscription",
    subscriptionHint: (count: number) =>
      `This product has ${count} subscriptions. Choose the one to add the licenses to: they renew with it.`,
    option: (term: string, seats: number, formatted: string, ends: string) =>
      `${term} · ${formatted} ${plural(seats, "license", "licenses")} · term ends ${ends}`,
    count: "Licenses to add",
    summary: (current: number, formattedCurrent: string, formattedTotal: string) =>
      `It has ${formattedCurrent} ${plural(current, "license", "licenses")} now; ${formattedTotal} after adding.`,
    billedHint: (ends: string) => `Billed now for the rest of the term, which ends on ${ends}.`,
    chooseFirst: "Choose a subscription to see the price.",
    confirm: (count: number) => `Add ${count} ${plural(count, "license", "licenses")}`,
    adding: "Adding…",
    failed: "The licenses couldn't be added.",
  },
  cancel: {
    open: "Cancel subscription",
    title: (product: string) => `Cancel ${product}?`,
    confirm: "Cancel subscription",
    keep: "Keep subscription",
    cancelling: "Cancelling…",
    creditEndsSeats: "The unused days of its term are credited, so its seats end today.",
    disabledNow: (seats: number, deletedAfter: number) =>
      `The subscription is disabled right away: its ${seats} ${plural(seats, "seat ends", "seats end")} now and no one can be assigned from it. After ${deletedAfter} days it is deleted. Until then you can reactivate it.`,
    graceFirst: (seats: number, graceDays: number, disabledDays: number) =>
      `The subscription expires now. Its ${seats} ${plural(seats, "seat stays", "seats stay")} usable for ${graceDays} days; then it is disabled, and ${disabledDays} days later it is deleted. Until then you can reactivate it.`,
    nobodyLoses: "Nobody loses access: the product's other subscriptions have seats for everyone who holds it.",
    losesNow: (people: number) =>
      `${people} ${plural(people, "person loses", "people lose")} access to the product now: the product's other subscriptions have no seats for them.`,
    losesLater: (people: number, graceDays: number) =>
      `${people} ${plural(people, "person loses", "people lose")} access to the product after ${graceDays} days: the product's other subscriptions have no seats for them.`,
    failed: "The subscription couldn't be cancelled.",
    done: (product: string) => `${product} was cancelled.`,
  },
  convert: {
    open: "Convert to paid",
    title: (product: string) => `Convert the ${product} trial to a paid subscription`,
    intro: "People keep their licenses. The paid subscription starts today and renews automatically.",
    confirm: "Convert to paid",
    converting: "Converting…",
    failed: "The trial couldn't be converted.",
    done: (product: string) => `${product} is now a paid subscription.`,
  },
};

export type BillingChangeTexts = Widen<typeof texts>;
