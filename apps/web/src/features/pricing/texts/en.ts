import { textTools } from "@/lib/i18n";
import type { Widen } from "@/lib/i18n/widen";

const { plural } = textTools("en");

/** The pricing page (products, buying for oneself, requesting, trials) in English: the reference for other languages. */
export const texts = {
  title: "Products and pricing",
  description: "Licenses you can buy for yourself or ask your admin for.",
  loading: "Loading products…",
  loaded: (count: number) => `${count} ${plural(count, "product", "products")}`,
  userProducts: "Licenses for people",
  capacityProducts: "Capacity add-ons",
  capacityNote: "Add-ons add capacity to environments. Your admin buys them; they are not assigned to people.",
  empty: "No products are offered in this organization.",
  myLicensesLink: "See your licenses and requests",
  delegatedNote:
    "You reach this organization through your partner, so you can't buy or request licenses for yourself here. Admins can start free trials.",
  perUserMonth: "per user/month",
  perUnitMonth: "per unit/month",
  perYear: (price: string) => `${price} per user/year when paid yearly`,
  included: (count: number) => `What's included (${count} ${plural(count, "app or service", "apps and services")})`,
  trialLength: (days: number) => `Free trial: ${days} days`,
  youHaveThis: "You have this",
  requestPending: "Request pending",
  buyNow: "Buy now",
  requestFromAdmin: "Request from my admin",
  startTrial: "Start free trial",
  free: "Free",
  selfServiceOff: "You can't buy this yourself here. Request it from your admin.",
  buy: {
    title: (product: string) => `Buy ${product}`,
    intro:
      "You pay by card and own the subscription: you get one of the seats and can give the others to people in your organization.",
    seats: "Number of seats",
    seatsHint: "One is for you.",
    seatsInvalid: "Enter a whole number of seats from 1 to 100,000.",
    term: "Billing",
    monthly: (price: string) => `Monthly, ${price} per user/month`,
    annual: (price: string) => `Yearly, ${price} per user/year`,
    quoteTitle: "To pay now",
    quoteLoading: "Working out the price…",
    quoteLine: (description: string, amount: string) => `${description}: ${amount}`,
    total: (amount: string) => `Total: ${amount}`,
    testProvider:
      "This portal uses a test payment provider and charges nothing. The card 4242 4242 4242 4242 works; 4000 0000 0000 0002 is declined.",
    cardNumber: "Card number",
    cardNumberInvalid: "Enter the 12 to 19 digits of the card number.",
    expMonth: "Expiry month",
    expMonthInvalid: "Enter a month from 1 to 12.",
    expYear: "Expiry year",
    expYearInvalid: "Enter the year with four digits, like 2030.",
    cvc: "Security code (CVC)",
    cvcInvalid: "Enter the 3 or 4 digits on the back of the card.",
    holderName: "Name on card",
    holderNameInvalid: "Enter the name as it is on the card.",
    cardGroup: "Card details",
    pay: (amount: string) => `Pay ${amount}`,
    payWaiting: "Pay",
    paying: "Paying…",
    done: (seats: number, product: string, assignedToYou: boolean) =>
      assignedToYou
        ? plural(
            seats,
            `You bought 1 seat of ${product}. It is assigned to you.`,
            `You bought ${seats} seats of ${product}. One is assigned to you; assign the others from My licenses.`,
          )
        : `You bought ${seats} ${plural(seats, "seat", "seats")} of ${product}. Assign ${plural(seats, "it", "them")} from My licenses.`,
    doneTitle: "Thank you for your purchase",
    goToMyLicenses: "Go to My licenses",
    disabledNow:
      "Your organization has just turned off buying this product yourself. Request it from your admin instead.",
  },
  request: {
    title: (product: string) => `Request ${product}`,
    intro: "Your admins get your request and decide on it. You can follow it under My licenses.",
    message: "Message to your admin (optional)",
    messagePlaceholder: "What do you need it for?",
    counter: (used: number, max: number) => `${used} of ${max} characters`,
    tooLong: (max: number) => `Use at most ${max} characters.`,
    send: "Send request",
    sending: "Sending…",
    sent: (product: string) => `Request for ${product} sent to your admin.`,
  },
  trial: {
    title: (product: string) => `Start a free trial of ${product}?`,
    body: (seats: number, days: number) =>
      `Your organization gets ${seats} seats for ${days} days, free of charge. You can buy it before the trial ends; each product can be tried once.`,
    confirm: "Start free trial",
    starting: "Starting…",
    started: (product: string, date: string) => `Trial of ${product} started. It ends on ${date}.`,
  },
  signUp: {
    note: (days: number) => `Try the premium features free for ${days} days. No cost, no card.`,
    title: (product: string) => `Start your free trial of ${product}?`,
    body: (days: number) => `The trial is free and lasts ${days} days. Nobody is charged for it. Choose who it is for.`,
    forWhom: "Who is the trial for?",
    organization: "For my organization (your admins see it and can give trial licenses to others)",
    individual: "Just for me (only you use it; it is not shown to your admins)",
    confirm: "Start free trial",
    starting: "Starting…",
    started: (product: string, days: number) =>
      `Your trial of ${product} has started: ${plural(days, "1 day", `${days} days`)} left.`,
  },
};

export type PricingTexts = Widen<typeof texts>;
