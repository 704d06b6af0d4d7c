import { textTools } from "@/lib/i18n/plural";
import type { Widen } from "@/lib/i18n/widen";

const { plural, number } = textTools("en");

/**
 * Texts of the shared licensing pieces (bulk change preview, job progress, seat changes, the data-loss warning, the
 * expired-subscription notice), in English: the reference for other languages.
 */
export const texts = {
  title: "Bulk license change",
  appsOff: (product: string, apps: string) => `Apps switched off in ${product}: ${apps}`,
  usersHeading: "Per user",
  plansLegend: (product: string, on: number, total: number) => `Apps and services of ${product}: ${on} of ${total} on`,
  // Preview (dry run)
  checkingUsers: (count: number) => `Checking ${number(count)} ${plural(count, "user", "users")}…`,
  previewFailedTitle: "The change could not be checked",
  previewSummary: (ok: number, failed: number) =>
    `${number(ok)} ${plural(ok, "user", "users")} will change, ${number(failed)} cannot.`,
  previewSummaryTitle: "What will happen",
  nothingToApply: "None of these users can get this change. The reasons are listed per user below.",
  /**
   * The one warning of every path that removes licenses (seed 002: the service data is deleted at once and cannot
   * be recovered, except documents in SharePoint Online). `licenses`/`users` choose the plurals; null: not known.
   */
  dataLoss: {
    title: "Data will be deleted",
    body: (licenses: number | null, users: number | null) =>
      `Removing ${plural(licenses ?? 0, "this license", "these licenses")} deletes ${plural(users ?? 0, "the user's", "the users'")} data in ${plural(licenses ?? 0, "its", "their")} apps and services, such as ${plural(users ?? 0, "their mailbox and all its messages", "their mailboxes and all their messages")}. The data can't be recovered (except documents stored in SharePoint Online), not even by assigning the license again.`,
  },
  usageLocation: {
    label: (name: string) => `Usage location of ${name}`,
    set: "Set usage location",
    setting: "Setting…",
    chooseFirst: "Choose a country or region first.",
    notAllowed: "Only a global admin or a user admin can set a usage location.",
    adminTarget: "Only a global admin can set the usage location of an admin.",
  },
  seatsHeading: "Seats per product",
  seatsProduct: "Product",
  seatsAssigned: "Assigned",
  seatsAvailable: "Available",
  beforeAfter: (before: number, after: number) => `${number(before)} → ${number(after)}`,
  conflictCreated: (product: string, short: number) =>
    `${product}: this change would create a license conflict (${number(short)} ${plural(short, "holder", "holders")} without a seat).`,
  conflictRemains: (product: string, short: number) =>
    `${product} stays in a license conflict (${number(short)} ${plural(short, "holder", "holders")} without a seat).`,
  usersList: "Users in this change",
  onlyFailing: (count: number) => `Show only users that fail (${number(count)})`,
  noFailing: "Every user in this change succeeds.",
  unknownUser: "Unknown user",
  willChange: "Will change",
  cannotChange: "Cannot change",
  gets: (products: string) => `Gets ${products}`,
  loses: (products: string) => `Loses ${products}`,
  plansChange: (products: string) => `Apps and services change in ${products}`,
  noChange: "Nothing changes",
  violation: (product: string, reason: string) => `${product}: ${reason}`,
  apply: (count: number) => `Apply to ${number(count)} ${plural(count, "user", "users")}`,
  starting: "Starting…",
  startFailedTitle: "The change could not be started",
  // Job
  jobStarted: "The change is running.",
  progressLabel: "Progress",
  progressText: (processed: number, total: number, percent: number) =>
    `${number(processed)} of ${number(total)} ${plural(total, "user", "users")} processed (${percent}%)`,
  progressAnnouncement: (percent: number) => `${percent}% done`,
  finishedAnnouncement: (ok: number, failed: number) => `Finished: ${number(ok)} succeeded, ${number(failed)} failed.`,
  stoppedAnnouncement: "The change stopped before every user was processed.",
  status: { queued: "Waiting to start", running: "Running", succeeded: "Finished", failed: "Stopped" },
  resultCounts: (ok: number, failed: number) => `${number(ok)} succeeded, ${number(failed)} failed`,
  succeeded: "Succeeded",
  failed: "Failed",
  resultsHeading: "Results per user",
  noResultsYet: "The result per user appears here when the change has finished.",
  jobStopped: "The change stopped before every user was processed. Users not listed here were not changed.",
  jobCreatorForbidden:
    "That is because the admin who started it may no longer change licenses here (role removed, sign-in blocked or account deleted). What was changed before that stays.",
  continueInBackground: "Continue in the background",
  backgroundHint: "The change keeps running if you close this window.",
  loadingJob: "Loading the change…",
  jobLoadFailed: "The change could not be loaded",
  // A job's change in words
  changeAdd: (products: string) => `Add ${products}`,
  changeRemove: (products: string) => `Remove ${products}`,
  changeReplace: (products: string) => `Replace direct licenses with ${products}`,
  changeReplaceNone: "Remove every direct license",
  plansOff: (product: string, count: number) => `${product} (${number(count)} ${plural(count, "app", "apps")} off)`,
  jobUsers: (count: number) => `${number(count)} ${plural(count, "user", "users")}`,
  // The licenses pages
  backToLicenses: "Back to Licenses",
  /** The license conflicts of a product on an expired subscription (the expired-subscription notice). */
  conflicts: {
    expiredTitle: (product: string) => `${product} has expired`,
    expiredProblem: (users: number, product: string, date: string) =>
      `${users} ${plural(users, "user holds", "users hold")} ${product} on an expired subscription: they lose access on ${date} unless you renew it.`,
    askBillingToRenew: "A global or billing admin can renew it.",
    convertTrial: "Convert to paid",
    renew: "Renew subscription",
    viewConflicts: "Go to license conflicts",
  },
};

export type LicensingTexts = Widen<typeof texts>;
