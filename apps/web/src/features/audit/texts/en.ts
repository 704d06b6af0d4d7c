import type { AuditTargetType } from "@allot/contracts";
import { textTools } from "@/lib/i18n/plural";
import type { Widen } from "@/lib/i18n/widen";

const { plural } = textTools("en");

/**
 * Texts of the audit log, in English: the reference for other languages. The activity names are in the shell's
 * dictionary (`t.audit.actions`): Home shows them too.
 */
export const texts = {
  title: "Audit log",
  description: "Every change made in this organization: who did what, and when.",
  columns: {
    when: "Date",
    actor: "Activity by",
    action: "Activity",
    target: "Item",
    details: "Details",
  },
  system: "System",
  unknownUser: "Unknown user",
  showChanges: "Show changes",
  hideChanges: "Hide changes",
  before: "Before",
  after: "After",
  loading: "Loading audit events…",
  shownCount: (count: number, more: boolean) =>
    `${count} ${plural(count, "event", "events")} shown${more ? ", more available" : ""}`,
  emptyTitle: "No activity yet",
  emptyBody: "Changes made in this organization will be listed here.",
  emptyFiltered: "No activity matches these filters.",
  filters: {
    label: "Filter audit events",
    action: "Activity",
    actionHint: "Choose one or more activities.",
    actionPlaceholder: "All activities",
    actionInvalid: "Choose up to 20 activities from the list.",
    from: "From",
    fromHint: "From the start of this day.",
    to: "To",
    toHint: "Up to the end of this day.",
    rangeInvalid: "Choose an end date on or after the start date.",
    dayInvalid: (pattern: string) => `Enter a date as ${pattern}.`,
    clear: "Clear filters",
    by: "Changed by",
    byHint: "Partners act through delegated access.",
    byAnyone: "Anyone",
    byOrganization: "This organization's people",
    byPartners: "Partners",
  },
  byPartner: (partner: string) => `Partner: ${partner}`,
  export: {
    button: "Export CSV",
    hint: "Downloads the newest 100,000 events at most.",
    hintFiltered: "Downloads the newest 100,000 matching events at most.",
  },
  targets: {
    user: "User",
    group: "Group",
    tenant: "Organization",
    subscription: "Subscription",
    licenseRequest: "License request",
    product: "Product",
    licenseJob: "Bulk license change",
    partnerRelationship: "Partner relationship",
    environment: "Environment",
    flow: "Flow",
    machine: "Machine",
    application: "App registration",
    personalToken: "Personal access token",
    userImport: "Users import",
  } satisfies Record<AuditTargetType, string>,
};

export type AuditTexts = Widen<typeof texts>;
