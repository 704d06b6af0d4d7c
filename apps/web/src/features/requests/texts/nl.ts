import { textTools } from "@/lib/i18n";
import type { RequestsTexts } from "./en";

const { plural } = textTools("nl");

export const texts: RequestsTexts = {
  title: "Aanvragen",
  description: "Licentieaanvragen van mensen in je organisatie.",
  views: "Weergaven van aanvragen",
  pendingTab: "Open",
  allTab: "Alle",
  statusFilter: "Status",
  anyStatus: "Elke status",
  loading: "Aanvragen laden…",
  loaded: (shown: number, total: number) =>
    shown === total
      ? `${total} ${plural(total, "aanvraag", "aanvragen")}`
      : `${shown} van ${total} aanvragen weergegeven`,
  tableLabel: "Licentieaanvragen",
  noPending: "Er wachten geen aanvragen op een beslissing.",
  noPendingBody: "Als iemand in je organisatie een licentie aanvraagt, zie je de aanvraag hier.",
  none: "Geen aanvragen in deze weergave.",
  columns: {
    requester: "Aanvrager",
    product: "Product",
    message: "Bericht",
    requestedAt: "Aangevraagd",
    status: "Status",
    decided: "Besloten door",
    reason: "Reden",
    actions: "Acties",
  },
  status: { pending: "Open", approved: "Goedgekeurd", denied: "Afgewezen", cancelled: "Ingetrokken" },
  fulfilledWith: (product: string) => `Goedgekeurd met ${product}`,
  decidedBy: (name: string, date: string) => `${name}, ${date}`,
  noMessage: "Geen bericht",
  approve: "Goedkeuren",
  deny: "Afwijzen",
  approveLabel: (name: string, product: string) => `Aanvraag van ${name} voor ${product} goedkeuren`,
  denyLabel: (name: string, product: string) => `Aanvraag van ${name} voor ${product} afwijzen`,
  approveDialog: {
    title: (name: string) => `Aanvraag van ${name} goedkeuren`,
    asked: (name: string, product: string) => `${name} heeft ${product} aangevraagd.`,
    message: "Het bericht",
    seatsLeft: (product: string, seats: number) =>
      seats > 0
        ? `${product}: nog ${seats} ${plural(seats, "licentie", "licenties")} vrij.`
        : `${product}: geen licenties meer vrij.`,
    notSubscribed: (product: string) => `Je organisatie heeft geen abonnement op ${product}.`,
    seatsLoading: "Vrije licenties controleren…",
    product: "Toe te wijzen product",
    productHint: "Wijs in plaats daarvan een ander product toe, bijvoorbeeld een met vrije licenties.",
    asRequested: (product: string, seats: string) => `${product} (zoals aangevraagd; ${seats})`,
    option: (product: string, seats: string) => `${product} (${seats})`,
    seats: (count: number) =>
      count > 0 ? `nog ${count} ${plural(count, "licentie", "licenties")} vrij` : "geen licenties vrij",
    noSeatTitle: "Geen licentie vrij",
    noSeat: (product: string) => `Alle licenties van ${product} zijn in gebruik, dus het kan niet worden toegewezen.`,
    buySeats: "Licenties kopen",
    askBillingAdmin: (product: string) =>
      `Vraag een factureringsbeheerder om licenties van ${product} te kopen en keur daarna opnieuw goed.`,
    orPickAnother: "Of kies een ander product met vrije licenties en keur opnieuw goed.",
    confirm: "Goedkeuren",
    approving: "Goedkeuren…",
    approved: (name: string, product: string) => `Goedgekeurd: ${name} heeft nu ${product}.`,
  },
  denyDialog: {
    title: (name: string) => `Aanvraag van ${name} afwijzen`,
    asked: (name: string, product: string) => `${name} heeft ${product} aangevraagd. Laat weten waarom je het afwijst.`,
    reason: "Reden",
    reasonHint: (used: number, max: number) => `De aanvrager ziet dit. ${used} van ${max} tekens.`,
    reasonRequired: "Vul een reden in.",
    tooLong: (max: number) => `Gebruik maximaal ${max} tekens.`,
    confirm: "Afwijzen",
    denying: "Afwijzen…",
    denied: (name: string) => `Aanvraag van ${name} afgewezen.`,
  },
  handled: "Iemand anders heeft al over deze aanvraag beslist. De lijst is nu bijgewerkt.",
};
