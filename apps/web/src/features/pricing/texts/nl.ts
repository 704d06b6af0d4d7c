import { textTools } from "@/lib/i18n";
import type { PricingTexts } from "./en";

const { plural } = textTools("nl");

export const texts: PricingTexts = {
  title: "Producten en prijzen",
  description: "Licenties die je zelf kunt kopen of bij je beheerder kunt aanvragen.",
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
  free: "Gratis",
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
        ? plural(
            seats,
            `Je hebt 1 licentie van ${product} gekocht. Die is aan jou toegewezen.`,
            `Je hebt ${seats} licenties van ${product} gekocht. Eén is aan jou toegewezen; wijs de andere toe bij Mijn licenties.`,
          )
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
  signUp: {
    note: (days: number) => `Probeer de premium functies ${days} dagen gratis. Geen kosten, geen creditcard.`,
    title: (product: string) => `Je gratis proefversie van ${product} starten?`,
    body: (days: number) =>
      `De proefversie is gratis en loopt ${days} dagen. Er worden geen kosten in rekening gebracht. Kies voor wie die is.`,
    forWhom: "Voor wie is de proefversie?",
    organization: "Voor mijn organisatie (je beheerders zien die en kunnen anderen proeflicenties geven)",
    individual: "Alleen voor mij (alleen jij gebruikt die; je beheerders zien die niet)",
    confirm: "Gratis proefversie starten",
    starting: "Starten…",
    started: (product: string, days: number) =>
      `Je proefversie van ${product} is gestart: nog ${plural(days, "1 dag", `${days} dagen`)}.`,
  },
};
