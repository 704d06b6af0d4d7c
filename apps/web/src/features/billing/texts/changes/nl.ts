import { textTools } from "@/lib/i18n";
import type { BillingChangeTexts } from "./en";

const { plural } = textTools("nl");

export const texts: BillingChangeTexts = {
  quote: {
    title: "Prijs",
    hint: "De prijs verschijnt hier voordat je bevestigt.",
    loading: "Prijs berekenen…",
    error: "De prijs kon niet worden berekend.",
    columns: {
      description: "Onderdeel",
      quantity: "Aantal",
      amount: "Bedrag",
    },
    times: (quantity: number, unitPrice: string) => `${quantity} × ${unitPrice}`,
    prorated: (daysLeft: number, termDays: number) =>
      `Naar rato berekend voor de resterende ${daysLeft} van ${termDays} ${plural(termDays, "dag", "dagen")} van de huidige periode.`,
    dueNow: "Nu gefactureerd",
    creditNow: "Nu gecrediteerd",
  },
  buy: {
    open: "Een abonnement kopen",
    title: "Een abonnement kopen",
    loadingProducts: "Producten laden…",
    product: "Product",
    productPlaceholder: "Kies een product",
    productRequired: "Kies een product.",
    productPrice: (month: string, year: string) =>
      `${month} per gebruiker per maand, of ${year} per gebruiker per jaar.`,
    userProducts: "Gebruikerslicenties",
    capacityProducts: "Capaciteitsinvoegtoepassingen",
    seats: "Licenties",
    term: "Factureringsperiode",
    autoRenewOnHint: "Het wordt aan het eind van elke periode verlengd, zodat niemand zijn toegang verliest.",
    autoRenewOffHint: "Het verloopt aan het eind van de periode, tenzij je het verlengt.",
    quoteHint: "Kies een product en het aantal licenties om de prijs te zien.",
    confirm: "Kopen",
    buying: "Kopen…",
    failed: "Het abonnement kon niet worden gekocht.",
    done: (seats: number, product: string) =>
      `Je hebt ${seats} ${plural(seats, "licentie", "licenties")} van ${product} gekocht.`,
  },
  buyPage: {
    title: "Producten kopen",
    description:
      "Koop een abonnement voor je organisatie: kies het product, het aantal licenties en de factureringsperiode.",
    powerPlatformOnly:
      "Als Power Platform-beheerder kun je producten van Power Automate, Power BI en Power Apps kopen.",
    form: "Aankoop",
    viewSubscription: "Het abonnement bekijken",
    backToAddOns: "Terug naar Invoegtoepassingen",
    buyAnother: "Nog een product kopen",
  },
  trial: {
    open: "Een gratis proefversie starten",
    title: "Een gratis proefversie starten",
    intro: "Probeer een product gratis uit voordat je het koopt. Elk product kun je één keer proberen.",
    noneLeft: "Je organisatie heeft alle producten met een gratis proefversie al geprobeerd.",
    summary: (seats: number, days: number, product: string) =>
      `Je krijgt ${seats} licenties van ${product} voor ${days} dagen, gratis. Het wordt niet verlengd: zet het om naar een betaald abonnement voordat het afloopt om het te houden.`,
    summaryNoProduct: (seats: number) => `Een proefversie geeft je gratis ${seats} licenties.`,
    confirm: "Proefversie starten",
    starting: "Starten…",
    failed: "De proefversie kon niet worden gestart.",
    done: (product: string) => `Je gratis proefversie van ${product} is gestart.`,
  },
  renew: {
    renewNow: "Verlengen",
    reactivate: "Opnieuw activeren",
    renewing: "Verlengen…",
    reactivating: "Opnieuw activeren…",
    renewTitle: (product: string) => `${product} verlengen`,
    reactivateTitle: (product: string) => `${product} opnieuw activeren`,
    renewBody: (date: string, term: string) =>
      `Het wordt verlengd met een nieuwe periode (${term.toLowerCase()}) wanneer de huidige eindigt op ${date}; die periode wordt gefactureerd wanneer ze begint. Automatisch verlengen wordt weer ingeschakeld.`,
    reactivateBody: (seats: number, term: string) =>
      `Het abonnement wordt weer actief met ${seats} ${plural(seats, "licentie", "licenties")} en een nieuwe periode (${term.toLowerCase()}) vanaf vandaag. Mensen krijgen hun toegang terug.`,
    failed: "Het abonnement kon niet worden verlengd.",
    renewed: (product: string) => `${product} is verlengd.`,
    reactivated: (product: string) => `${product} is opnieuw geactiveerd.`,
  },
  seats: {
    title: (product: string) => `Licenties van ${product} toevoegen of verwijderen`,
    current: (seats: number, formatted: string) =>
      `Het heeft nu ${formatted} ${plural(seats, "licentie", "licenties")}.`,
    newTotal: "Nieuw totaal aantal licenties",
    addingHint: (delta: number) =>
      `Voegt ${delta} ${plural(delta, "licentie", "licenties")} toe, nu gefactureerd voor de rest van de periode.`,
    removingHint: (delta: number) =>
      `Verwijdert ${delta} ${plural(delta, "licentie", "licenties")}; de ongebruikte dagen worden gecrediteerd.`,
    sameHint: "Voer een ander aantal in dan het huidige.",
    add: (delta: number) => `${delta} ${plural(delta, "licentie", "licenties")} toevoegen`,
    remove: (delta: number) => `${delta} ${plural(delta, "licentie", "licenties")} verwijderen`,
    removeAnyway: (delta: number) => `Toch ${delta} ${plural(delta, "licentie", "licenties")} verwijderen`,
    confirm: "Opslaan",
    saving: "Opslaan…",
    shortfallWarning: (count: number) =>
      `${count} ${plural(count, "persoon met dit product zou", "mensen met dit product zouden")} zonder licentie komen te zitten.`,
    inUseTitle: "Deze licenties zijn in gebruik",
    inUseBody: (holders: number, shortfall: number) =>
      `${holders} ${plural(holders, "persoon heeft", "mensen hebben")} dit product, dus ${shortfall} van hen ${plural(shortfall, "zou", "zouden")} zonder licentie komen te zitten. Verwijder eerst hun licenties, of verwijder de licenties toch.`,
    holdersHeading: (count: number) => `Mensen met dit product (${count})`,
    holdersMore: (count: number) => `en nog ${count}`,
    acceptConflict: (days: number) =>
      `Verwijder de licenties toch en maak een licentieconflict. Gebruikers houden toegang; het conflict moet binnen ${days} dagen worden opgelost`,
    failed: "De licenties konden niet worden gewijzigd.",
    done: (seats: number, product: string) => `${product} heeft nu ${seats} ${plural(seats, "licentie", "licenties")}.`,
  },
  addLicenses: {
    title: (product: string) => `Licenties toevoegen aan ${product}`,
    subscription: "Abonnement",
    subscriptionHint: (count: number) =>
      `Dit product heeft ${count} abonnementen. Kies het abonnement waaraan je de licenties toevoegt: ze worden ermee verlengd.`,
    option: (term: string, seats: number, formatted: string, ends: string) =>
      `${term} · ${formatted} ${plural(seats, "licentie", "licenties")} · periode eindigt op ${ends}`,
    count: "Aantal licenties om toe te voegen",
    summary: (current: number, formattedCurrent: string, formattedTotal: string) =>
      `Het heeft nu ${formattedCurrent} ${plural(current, "licentie", "licenties")}; ${formattedTotal} na het toevoegen.`,
    billedHint: (ends: string) => `Nu gefactureerd voor de rest van de periode, die eindigt op ${ends}.`,
    chooseFirst: "Kies een abonnement om de prijs te zien.",
    confirm: (count: number) => `${count} ${plural(count, "licentie", "licenties")} toevoegen`,
    adding: "Toevoegen…",
    failed: "De licenties konden niet worden toegevoegd.",
  },
  cancel: {
    open: "Abonnement opzeggen",
    title: (product: string) => `${product} opzeggen?`,
    confirm: "Abonnement opzeggen",
    keep: "Abonnement behouden",
    cancelling: "Opzeggen…",
    creditEndsSeats: "De ongebruikte dagen van de termijn worden gecrediteerd, dus de licenties eindigen vandaag.",
    disabledNow: (seats: number, deletedAfter: number) =>
      `Het abonnement wordt meteen uitgeschakeld: de ${seats} ${plural(seats, "licentie eindigt", "licenties eindigen")} nu en niemand kan er nog uit worden toegewezen. Na ${deletedAfter} dagen wordt het verwijderd. Tot dan kun je het opnieuw activeren.`,
    graceFirst: (seats: number, graceDays: number, disabledDays: number) =>
      `Het abonnement verloopt nu. De ${seats} ${plural(seats, "licentie blijft", "licenties blijven")} nog ${graceDays} dagen bruikbaar; daarna wordt het uitgeschakeld, en ${disabledDays} dagen later wordt het verwijderd. Tot dan kun je het opnieuw activeren.`,
    nobodyLoses:
      "Niemand verliest de toegang: de andere abonnementen van het product hebben licenties voor iedereen die het heeft.",
    losesNow: (people: number) =>
      `${people} ${plural(people, "persoon verliest", "mensen verliezen")} nu de toegang tot het product: de andere abonnementen van het product hebben geen licenties voor hen.`,
    losesLater: (people: number, graceDays: number) =>
      `${people} ${plural(people, "persoon verliest", "mensen verliezen")} na ${graceDays} dagen de toegang tot het product: de andere abonnementen van het product hebben geen licenties voor hen.`,
    failed: "Het abonnement kon niet worden opgezegd.",
    done: (product: string) => `${product} is opgezegd.`,
  },
  convert: {
    open: "Omzetten naar betaald",
    title: (product: string) => `Proefversie van ${product} omzetten naar een betaald abonnement`,
    intro: "Mensen houden hun licenties. Het betaalde abonnement begint vandaag en wordt automatisch verlengd.",
    confirm: "Omzetten naar betaald",
    converting: "Omzetten…",
    failed: "De proefversie kon niet worden omgezet.",
    done: (product: string) => `${product} is nu een betaald abonnement.`,
  },
};
