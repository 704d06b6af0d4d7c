import { textTools } from "@/lib/i18n/plural";
import type { ConflictsTexts } from "./en";

const { plural } = textTools("nl");

export const texts: ConflictsTexts = {
  title: "Licentieconflicten",
  description:
    "Producten die meer mensen hebben dan er bruikbare licenties zijn. Zolang een conflict niet is opgelost, kunnen mensen de toegang tot de services van het product verliezen.",
  loading: "Licentieconflicten laden…",
  emptyTitle: "Geen licentieconflicten",
  emptyBody: "Elk product heeft genoeg bruikbare licenties voor de mensen die het hebben.",
  goToLicenses: "Naar Licenties",
  summaryCount: (count: number, users: number) =>
    `${count} ${plural(count, "product heeft", "producten hebben")} meer gebruikers dan bruikbare licenties: ${users} ${plural(users, "gebruiker", "gebruikers")} zonder licentie.`,
  problem: (holders: number, product: string, usable: number) =>
    `${holders} ${plural(holders, "gebruiker heeft", "gebruikers hebben")} ${product}, maar er ${plural(usable, "is", "zijn")} maar ${usable} ${plural(usable, "licentie", "licenties")} bruikbaar`,
  fixRemove: (count: number) => `verwijder ${count} ${plural(count, "toewijzing", "toewijzingen")}`,
  fixBuy: (count: number) => `koop ${count} ${plural(count, "licentie", "licenties")}`,
  fixRenew: "verleng het abonnement",
  fixDelete: (count: number) => `verwijder ${count} ${plural(count, "gebruiker", "gebruikers")}`,
  sentence: (problem: string, fixes: string) => (fixes ? `${problem}: ${fixes}.` : `${problem}.`),
  status: {
    Enabled: "Actief",
    Warning: "Verlopen",
    Suspended: "Opgeschort",
    Deleted: "Verwijderd",
    LockedOut: "Geblokkeerd",
  },
  statusDetail: {
    Enabled: "Het aantal licenties is verlaagd tot onder het aantal mensen dat het product heeft.",
    Warning:
      "Het abonnement is verlopen. Mensen houden toegang tijdens de respijtperiode; verleng het om de licenties te behouden.",
    Suspended:
      "Het abonnement is opgeschort: mensen met dit product hebben geen toegang meer en er kunnen geen nieuwe licenties worden toegewezen.",
    Deleted: "Het abonnement is verwijderd.",
    LockedOut: "Het abonnement is geblokkeerd.",
  },
  statusLabel: (status: string) => `Status van het abonnement: ${status}`,
  seatsLine: (consumed: number, usable: number, shortfall: number) =>
    `Toegewezen: ${consumed} · Bruikbare licenties: ${usable} · Tekort: ${shortfall}`,
  resolveBy: (date: string, days: number) =>
    `Los dit op vóór ${date} (nog ${days} ${plural(days, "dag", "dagen")}). Daarna verliezen de gebruikers die de licentie het laatst kregen deze licentie.`,
  holdersTitle: (product: string) => `Mensen met ${product}`,
  holdersPartial: (shown: number, total: number) =>
    `De ${shown} meest recent gelicentieerde van ${total} gebruikers worden weergegeven.`,
  columns: {
    name: "Weergavenaam",
    email: "E-mail",
    assigned: "Gelicentieerd op",
    how: "Toegewezen",
  },
  direct: "Rechtstreeks",
  throughGroup: "Via een groep",
  throughGroupHint: "Haal de gebruiker uit de groep, of de licentie van de groep, om deze licentie vrij te maken.",
  selectAll: (product: string) => `Alle rechtstreekse gebruikers van ${product} selecteren`,
  selectRow: (name: string) => `${name} selecteren`,
  selection: (selected: number, needed: number) =>
    selected === 0
      ? `Selecteer de mensen die de licentie kwijtraken: minstens ${needed} om het conflict op te lossen.`
      : selected >= needed
        ? `${selected} geselecteerd: als je ze verwijdert, is het conflict opgelost.`
        : `${selected} geselecteerd: selecteer er nog ${needed - selected} om het conflict op te lossen.`,
  removeSelected: "Geselecteerde toewijzingen verwijderen",
  buySeats: (count: number) => `${count} ${plural(count, "licentie", "licenties")} kopen`,
  deleteUsers: "Gebruikers verwijderen in Actieve gebruikers",
  dialogTitle: (product: string, count: number) =>
    `${product} verwijderen bij ${count} ${plural(count, "gebruiker", "gebruikers")}`,
  summaryExpiring: (products: number, users: number) =>
    `${products} ${plural(products, "product staat", "producten staan")} op verlopen abonnementen: ${users} ${plural(users, "gebruiker verliest", "gebruikers verliezen")} de toegang als ze worden uitgeschakeld, tenzij ze worden verlengd.`,
  expiredDetail:
    "Als automatisch verlengen is uitgeschakeld, geeft een verlopen abonnement een licentieconflict voor iedereen die het gebruikt. Mensen houden toegang tijdens de respijtperiode van 30 dagen; het abonnement verlengen is de enige oplossing.",
  alsoExpiring: (users: number, date: string) =>
    `Daarnaast ${plural(users, "is 1 gebruiker", `zijn ${users} gebruikers`)} afhankelijk van een verlopen abonnement en ${plural(users, "verliest", "verliezen")} op ${date} de toegang, tenzij het wordt verlengd.`,
  expiredSeatsLine: (consumed: number, expiring: number) =>
    `Toegewezen: ${consumed} · Via verlopen abonnementen: ${expiring}`,
  accessEndsBy: (date: string, days: number) =>
    `Verleng vóór ${date} (nog ${days} ${plural(days, "dag", "dagen")}). Daarna verliest iedereen die het gebruikt de toegang.`,
  capacityTitle: (addOn: string) => `${addOn}: meer toegewezen dan gekocht`,
  capacityLine: (bought: number, allocated: number, over: number) =>
    `Gekocht: ${bought} · Toegewezen aan omgevingen: ${allocated} · Te veel: ${over}`,
  capacityDetail:
    "Een abonnement op deze invoegtoepassing is verkleind, verlopen of uitgeschakeld. Verlaag de toewijzing van deze omgevingen, of koop er meer.",
  capacityEnvironment: (name: string, quantity: number) => `${name}: ${quantity} toegewezen`,
  goToAddOns: "Naar Invoegtoepassingen",
  lastSignIn: "Laatste aanmelding",
  neverSignedIn: "Nooit",
};
