import { textTools } from "@/lib/i18n";
import type { Widen } from "@/lib/i18n/widen";

const { plural } = textTools("en");

/** The Requests page (the list, approving and denying) in English: the reference for other languages. */
export const texts = {
  title: "Requests",
  description: "License requests from people in your organization.",
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

export type RequestsTexts = Widen<typeof texts>;
