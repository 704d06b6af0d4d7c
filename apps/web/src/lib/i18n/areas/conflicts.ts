import type { Widen } from "../widen";

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

/** Texts of the conflicts area; `conflictsNl` must have the same keys. */
export const conflictsEn = {
  title: "License conflicts",
  description:
    "Products held by more people than there are usable seats. Until you fix a conflict, people may lose access to the product's services.",
  loading: "Loading license conflicts…",
  emptyTitle: "No license conflicts",
  emptyBody: "Every product has enough usable seats for the people who hold it.",
  goToLicenses: "Go to Licenses",
  summaryCount: (count: number, users: number) =>
    `${count} ${plural(count, "product has", "products have")} more holders than usable seats: ${users} ${plural(users, "user", "users")} without a seat.`,
  problem: (holders: number, product: string, usable: number) =>
    `${holders} ${plural(holders, "user holds", "users hold")} ${product} but only ${usable} ${plural(usable, "seat", "seats")} can be used`,
  fixRemove: (count: number) => `remove ${count} ${plural(count, "assignment", "assignments")}`,
  fixBuy: (count: number) => `buy ${count} ${plural(count, "seat", "seats")}`,
  fixRenew: "renew the subscription",
  fixDelete: (count: number) => `delete ${count} ${plural(count, "user", "users")}`,
  sentence: (problem: string, fixes: string) => (fixes ? `${problem}: ${fixes}.` : `${problem}.`),
  status: {
    Enabled: "Active",
    Warning: "Expired",
    Suspended: "Suspended",
    Deleted: "Deleted",
    LockedOut: "Locked out",
  },
  statusDetail: {
    Enabled: "Seats were reduced below the number of people who hold the product.",
    Warning: "The subscription has expired. People keep access during the grace period; renew it to keep the seats.",
    Suspended:
      "The subscription is suspended: people holding the product have lost access and no new licenses can be assigned.",
    Deleted: "The subscription was deleted.",
    LockedOut: "The subscription is locked out.",
  },
  statusLabel: (status: string) => `Subscription status: ${status}`,
  seatsLine: (consumed: number, usable: number, shortfall: number) =>
    `Assigned: ${consumed} · Usable seats: ${usable} · Short by: ${shortfall}`,
  resolveBy: (date: string, days: number) =>
    `Resolve by ${date} (${days} ${days === 1 ? "day" : "days"} left). After that the most recently licensed users lose this license.`,
  holdersTitle: (product: string) => `People who hold ${product}`,
  holdersPartial: (shown: number, total: number) => `Showing the ${shown} most recently licensed of ${total} holders.`,
  columns: {
    name: "Display name",
    email: "Email",
    assigned: "Licensed on",
    how: "Assigned",
  },
  direct: "Directly",
  throughGroup: "Through a group",
  throughGroupHint: "Remove the user from the group, or the license from the group, to free this seat.",
  selectAll: (product: string) => `Select all direct holders of ${product}`,
  selectRow: (name: string) => `Select ${name}`,
  selection: (selected: number, needed: number) =>
    selected === 0
      ? `Select the people who should lose the license: at least ${needed} to resolve the conflict.`
      : selected >= needed
        ? `${selected} selected: removing them resolves the conflict.`
        : `${selected} selected: select ${needed - selected} more to resolve the conflict.`,
  removeSelected: "Remove selected assignments",
  buySeats: (count: number) => `Buy ${count} ${plural(count, "seat", "seats")}`,
  renew: "Renew subscription",
  deleteUsers: "Delete users in Active users",
  dialogTitle: (product: string, count: number) => `Remove ${product} from ${count} ${plural(count, "user", "users")}`,
  summaryExpiring: (products: number, users: number) =>
    `${products} ${plural(products, "product is", "products are")} held on expired subscriptions: ${users} ${plural(users, "user loses", "users lose")} access when they are disabled, unless they are renewed.`,
  expiredProblem: (users: number, product: string, date: string) =>
    `${users} ${plural(users, "user holds", "users hold")} ${product} on an expired subscription: they lose access on ${date} unless you renew it.`,
  expiredDetail:
    "With auto-renew off, an expired subscription is a license conflict for everyone on it. People keep access during its 30 days of grace; renewing it is the only fix.",
  alsoExpiring: (users: number, date: string) =>
    `Besides, ${users} ${plural(users, "user depends", "users depend")} on an expired subscription and ${plural(users, "loses", "lose")} access on ${date} unless it is renewed.`,
  expiredSeatsLine: (consumed: number, expiring: number) =>
    `Assigned: ${consumed} · On expired subscriptions: ${expiring}`,
  accessEndsBy: (date: string, days: number) =>
    `Renew by ${date} (${days} ${days === 1 ? "day" : "days"} left). After that everyone on it loses access.`,
  convertTrial: "Convert to paid",
  expiredTitle: (product: string) => `${product} has expired`,
  lostTitle: (product: string) => `People have lost access to ${product}`,
  askBillingToRenew: "A global or billing admin can renew it.",
  viewConflicts: "Go to license conflicts",
  lastSignIn: "Last sign-in",
  neverSignedIn: "Never",
};

export const conflictsNl: Widen<typeof conflictsEn> = {
  title: "Licentieconflicten",
  description:
    "Producten die meer mensen hebben dan er bruikbare licenties zijn. Zolang een conflict niet is opgelost, kunnen mensen de toegang tot de services van het product verliezen.",
  loading: "Licentieconflicten laden…",
  emptyTitle: "Geen licentieconflicten",
  emptyBody: "Elk product heeft genoeg bruikbare licenties voor de mensen die het hebben.",
  goToLicenses: "Naar Licenties",
  summaryCount: (count: number, users: number) =>
    `${count} ${count === 1 ? "product heeft" : "producten hebben"} meer gebruikers dan bruikbare licenties: ${users} ${users === 1 ? "gebruiker" : "gebruikers"} zonder licentie.`,
  problem: (holders: number, product: string, usable: number) =>
    `${holders} ${holders === 1 ? "gebruiker heeft" : "gebruikers hebben"} ${product}, maar er ${usable === 1 ? "is" : "zijn"} maar ${usable} ${usable === 1 ? "licentie" : "licenties"} bruikbaar`,
  fixRemove: (count: number) => `verwijder ${count} ${count === 1 ? "toewijzing" : "toewijzingen"}`,
  fixBuy: (count: number) => `koop ${count} ${count === 1 ? "licentie" : "licenties"}`,
  fixRenew: "verleng het abonnement",
  fixDelete: (count: number) => `verwijder ${count} ${count === 1 ? "gebruiker" : "gebruikers"}`,
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
    `Los dit op vóór ${date} (nog ${days} ${days === 1 ? "dag" : "dagen"}). Daarna verliezen de gebruikers die de licentie het laatst kregen deze licentie.`,
  holdersTitle: (product: string) => `Mensen met ${product}`,
  holdersPartial: (shown: number, total: number) =>
    `De ${shown} meest recent gelicentieerde van ${total} gebruikers worden getoond.`,
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
  buySeats: (count: number) => `${count} ${count === 1 ? "licentie" : "licenties"} kopen`,
  renew: "Abonnement verlengen",
  deleteUsers: "Gebruikers verwijderen in Actieve gebruikers",
  dialogTitle: (product: string, count: number) =>
    `${product} verwijderen bij ${count} ${count === 1 ? "gebruiker" : "gebruikers"}`,
  summaryExpiring: (products: number, users: number) =>
    `${products} ${products === 1 ? "product staat" : "producten staan"} op verlopen abonnementen: ${users} ${users === 1 ? "gebruiker verliest" : "gebruikers verliezen"} de toegang als ze worden uitgeschakeld, tenzij ze worden verlengd.`,
  expiredProblem: (users: number, product: string, date: string) =>
    `${users} ${users === 1 ? "gebruiker heeft" : "gebruikers hebben"} ${product} via een verlopen abonnement: ${users === 1 ? "deze verliest" : "ze verliezen"} op ${date} de toegang, tenzij je het verlengt.`,
  expiredDetail:
    "Als automatisch verlengen is uitgeschakeld, geeft een verlopen abonnement een licentieconflict voor iedereen die het gebruikt. Mensen houden toegang tijdens de respijtperiode van 30 dagen; het abonnement verlengen is de enige oplossing.",
  alsoExpiring: (users: number, date: string) =>
    `Daarnaast ${users === 1 ? "is 1 gebruiker" : `zijn ${users} gebruikers`} afhankelijk van een verlopen abonnement en ${users === 1 ? "verliest" : "verliezen"} op ${date} de toegang, tenzij het wordt verlengd.`,
  expiredSeatsLine: (consumed: number, expiring: number) =>
    `Toegewezen: ${consumed} · Via verlopen abonnementen: ${expiring}`,
  accessEndsBy: (date: string, days: number) =>
    `Verleng vóór ${date} (nog ${days} ${days === 1 ? "dag" : "dagen"}). Daarna verliest iedereen die het gebruikt de toegang.`,
  convertTrial: "Omzetten naar betaald",
  expiredTitle: (product: string) => `${product} is verlopen`,
  lostTitle: (product: string) => `Mensen hebben geen toegang meer tot ${product}`,
  askBillingToRenew: "Een globale beheerder of factureringsbeheerder kan het verlengen.",
  viewConflicts: "Naar licentieconflicten",
  lastSignIn: "Laatste aanmelding",
  neverSignedIn: "Nooit",
};
