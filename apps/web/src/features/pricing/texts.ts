import { useI18n } from "@/lib/i18n";
import type { Widen } from "@/lib/i18n/widen";

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

/**
 * Texts of the pricing page, in English and Dutch (`pricingTextsNl` must have the same keys). They load with the page rather
 * than with the shell's dictionary, which counts towards the first route's size budget; the shell keeps only the
 * area's title and description (`t.pricing`).
 */
export const pricingTextsEn = {
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
        ? seats === 1
          ? `You bought 1 seat of ${product}. It is assigned to you.`
          : `You bought ${seats} seats of ${product}. One is assigned to you; assign the others from My licenses.`
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
};

export const pricingTextsNl: Widen<typeof pricingTextsEn> = {
  loading: "Producten laden…",
  loaded: (count: number) => `${count} ${plural(count, "product", "producten")}`,
  userProducts: "Licenties voor mensen",
  capacityProducts: "Capaciteitsuitbreidingen",
  capacityNote:
    "Uitbreidingen geven omgevingen extra capaciteit. Je beheerder koopt ze; ze worden niet aan mensen toegewezen.",
  empty: "In deze organisatie worden geen producten aangeboden.",
  myLicensesLink: "Bekijk je licenties en aanvragen",
  delegatedNote:
    "Je bereikt deze organisatie via je partner, dus je kunt hier niet zelf licenties kopen of aanvragen. Beheerders kunnen gratis proefversies starten.",
  perUserMonth: "per gebruiker/maand",
  perUnitMonth: "per eenheid/maand",
  perYear: (price: string) => `${price} per gebruiker/jaar bij jaarlijkse betaling`,
  included: (count: number) => `Wat is inbegrepen (${count} ${plural(count, "app of service", "apps en services")})`,
  trialLength: (days: number) => `Gratis proefversie: ${days} dagen`,
  youHaveThis: "Heb je al",
  requestPending: "Aanvraag loopt",
  buyNow: "Nu kopen",
  requestFromAdmin: "Aanvragen bij mijn beheerder",
  startTrial: "Gratis proefversie starten",
  selfServiceOff: "Je kunt dit hier niet zelf kopen. Vraag het aan bij je beheerder.",
  buy: {
    title: (product: string) => `${product} kopen`,
    intro:
      "Je betaalt met een kaart en het abonnement is van jou: je krijgt zelf een van de licenties en kunt de andere aan mensen in je organisatie geven.",
    seats: "Aantal licenties",
    seatsHint: "Eén is voor jou.",
    seatsInvalid: "Vul een heel aantal licenties in, van 1 tot 100.000.",
    term: "Betaling",
    monthly: (price: string) => `Maandelijks, ${price} per gebruiker/maand`,
    annual: (price: string) => `Jaarlijks, ${price} per gebruiker/jaar`,
    quoteTitle: "Nu te betalen",
    quoteLoading: "Prijs berekenen…",
    quoteLine: (description: string, amount: string) => `${description}: ${amount}`,
    total: (amount: string) => `Totaal: ${amount}`,
    testProvider:
      "Deze portal gebruikt een testbetaalprovider en rekent niets af. De kaart 4242 4242 4242 4242 werkt; 4000 0000 0000 0002 wordt geweigerd.",
    cardNumber: "Kaartnummer",
    cardNumberInvalid: "Vul de 12 tot 19 cijfers van het kaartnummer in.",
    expMonth: "Vervalmaand",
    expMonthInvalid: "Vul een maand van 1 tot 12 in.",
    expYear: "Vervaljaar",
    expYearInvalid: "Vul het jaar in vier cijfers in, zoals 2030.",
    cvc: "Beveiligingscode (CVC)",
    cvcInvalid: "Vul de 3 of 4 cijfers op de achterkant van de kaart in.",
    holderName: "Naam op de kaart",
    holderNameInvalid: "Vul de naam in zoals die op de kaart staat.",
    cardGroup: "Kaartgegevens",
    pay: (amount: string) => `${amount} betalen`,
    payWaiting: "Betalen",
    paying: "Betalen…",
    done: (seats: number, product: string, assignedToYou: boolean) =>
      assignedToYou
        ? seats === 1
          ? `Je hebt 1 licentie van ${product} gekocht. Die is aan jou toegewezen.`
          : `Je hebt ${seats} licenties van ${product} gekocht. Eén is aan jou toegewezen; wijs de andere toe bij Mijn licenties.`
        : `Je hebt ${seats} ${plural(seats, "licentie", "licenties")} van ${product} gekocht. Wijs ${plural(seats, "die", "ze")} toe bij Mijn licenties.`,
    doneTitle: "Bedankt voor je aankoop",
    goToMyLicenses: "Naar Mijn licenties",
    disabledNow:
      "Je organisatie heeft zelf kopen van dit product net uitgezet. Vraag het in plaats daarvan aan je beheerder.",
  },
  request: {
    title: (product: string) => `${product} aanvragen`,
    intro: "Je beheerders krijgen je aanvraag en beslissen erover. Je kunt hem volgen bij Mijn licenties.",
    message: "Bericht aan je beheerder (optioneel)",
    messagePlaceholder: "Waarvoor heb je het nodig?",
    counter: (used: number, max: number) => `${used} van ${max} tekens`,
    tooLong: (max: number) => `Gebruik maximaal ${max} tekens.`,
    send: "Aanvraag versturen",
    sending: "Versturen…",
    sent: (product: string) => `Aanvraag voor ${product} is naar je beheerder gestuurd.`,
  },
  trial: {
    title: (product: string) => `Gratis proefversie van ${product} starten?`,
    body: (seats: number, days: number) =>
      `Je organisatie krijgt ${seats} licenties voor ${days} dagen, gratis. Je kunt het product kopen voordat de proefperiode afloopt; elk product kun je één keer proberen.`,
    confirm: "Gratis proefversie starten",
    starting: "Starten…",
    started: (product: string, date: string) => `Proefversie van ${product} gestart. Die loopt af op ${date}.`,
  },
};

/** The texts of the pricing page in the current language. */
export function usePricingTexts(): Widen<typeof pricingTextsEn> {
  const { language } = useI18n();
  return language === "nl" ? pricingTextsNl : pricingTextsEn;
}
