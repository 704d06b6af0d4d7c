import { useI18n } from "@/lib/i18n";
import type { Widen } from "@/lib/i18n/widen";

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

/**
 * Texts of the Requests page, in English and Dutch (`requestsTextsNl` must have the same keys). They load with the page rather
 * than with the shell's dictionary, which counts towards the first route's size budget; the shell keeps only the
 * area's title and description (`t.requests`).
 */
export const requestsTextsEn = {
  views: "Request views",
  pendingTab: "Pending",
  allTab: "All",
  statusFilter: "Status",
  anyStatus: "Any status",
  loading: "Loading requests…",
  loaded: (shown: number, total: number) =>
    shown === total ? `${total} ${plural(total, "request", "requests")}` : `Showing ${shown} of ${total} requests`,
  tableLabel: "License requests",
  noPending: "No requests are waiting for a decision.",
  noPendingBody: "When someone in your organization asks for a license, their request appears here.",
  none: "No requests match this view.",
  columns: {
    requester: "Requester",
    product: "Product",
    message: "Message",
    requestedAt: "Requested",
    status: "Status",
    decided: "Decided by",
    reason: "Reason",
    actions: "Actions",
  },
  status: { pending: "Pending", approved: "Approved", denied: "Denied", cancelled: "Withdrawn" },
  fulfilledWith: (product: string) => `Approved with ${product}`,
  decidedBy: (name: string, date: string) => `${name}, ${date}`,
  noMessage: "No message",
  approve: "Approve",
  deny: "Deny",
  approveLabel: (name: string, product: string) => `Approve ${name}'s request for ${product}`,
  denyLabel: (name: string, product: string) => `Deny ${name}'s request for ${product}`,
  approveDialog: {
    title: (name: string) => `Approve ${name}'s request`,
    asked: (name: string, product: string) => `${name} asked for ${product}.`,
    message: "Their message",
    seatsLeft: (product: string, seats: number) =>
      seats > 0 ? `${product}: ${seats} ${plural(seats, "seat", "seats")} left.` : `${product}: no seats left.`,
    notSubscribed: (product: string) => `Your organization has no subscription of ${product}.`,
    seatsLoading: "Checking free seats…",
    product: "Product to assign",
    productHint: "Assign a different product instead, for example one with seats left.",
    asRequested: (product: string, seats: string) => `${product} (as requested; ${seats})`,
    option: (product: string, seats: string) => `${product} (${seats})`,
    seats: (count: number) => (count > 0 ? `${count} ${plural(count, "seat", "seats")} left` : "no seats left"),
    noSeatTitle: "No seat is free",
    noSeat: (product: string) => `Every seat of ${product} is taken, so it can't be assigned.`,
    buySeats: "Buy seats",
    askBillingAdmin: (product: string) => `Ask a billing admin to buy seats of ${product}, then approve again.`,
    orPickAnother: "Or choose another product that has seats, then approve again.",
    confirm: "Approve",
    approving: "Approving…",
    approved: (name: string, product: string) => `Approved: ${name} now has ${product}.`,
  },
  denyDialog: {
    title: (name: string) => `Deny ${name}'s request`,
    asked: (name: string, product: string) => `${name} asked for ${product}. Tell them why you deny it.`,
    reason: "Reason",
    reasonHint: (used: number, max: number) => `The requester sees this. ${used} of ${max} characters.`,
    reasonRequired: "Enter a reason.",
    tooLong: (max: number) => `Use at most ${max} characters.`,
    confirm: "Deny",
    denying: "Denying…",
    denied: (name: string) => `Request of ${name} denied.`,
  },
  handled: "Someone else already decided on this request. The list is up to date now.",
};

export const requestsTextsNl: Widen<typeof requestsTextsEn> = {
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

/** The texts of the Requests page in the current language. */
export function useRequestsTexts(): Widen<typeof requestsTextsEn> {
  const { language } = useI18n();
  return language === "nl" ? requestsTextsNl : requestsTextsEn;
}
