import { textTools } from "@/lib/i18n";
import type { Widen } from "@/lib/i18n/widen";

const { plural, number } = textTools("en");

/** Texts of the settings page, in English: the reference for other languages. */
export const texts = {
  title: "Settings",
  description: "Your personal preferences.",
  languageTitle: "Display language",
  languageHint:
    "The admin center is available in English and Dutch. Your choice is remembered on this device and saved with your account.",
  accountTitle: "Your account",
  name: "Name",
  email: "Email",
  homeTenant: "Home organization",
  partners: {
    title: "Partner relationships",
    hint: "Partners with delegated access can manage your organization on your behalf. Remove their privileges when they no longer need it.",
    loading: "Loading partner relationships…",
    loaded: (count: number) => `${number(count)} ${plural(count, "partner", "partners")}`,
    empty: "No partners have delegated access to your organization.",
    tableLabel: "Partners with delegated access",
    columns: { partner: "Partner", roles: "Roles", status: "Status", agents: "Partner agents", actions: "Actions" },
    roles: { adminAgent: "Admin agent", helpdeskAgent: "Helpdesk agent", salesAgent: "Sales agent" },
    noRoles: "No roles",
    active: "Active",
    removed: "Privileges removed",
    endedOn: (date: string) => `Ended on ${date}`,
    endsOn: (date: string) => `Ends on ${date}`,
    lastChange: (dateTime: string) => `Last change: ${dateTime}`,
    noChanges: "No changes yet",
    noAgents: "No agents",
    agentsLabel: (partner: string) => `Agents of ${partner}`,
    remove: "Remove delegated admin privileges",
    removeLabel: (partner: string) => `Remove delegated admin privileges of ${partner}`,
    reinstate: "Reinstate privileges",
    reinstateLabel: (partner: string) => `Reinstate privileges of ${partner}`,
    reinstated: (partner: string) => `${partner} has its delegated admin privileges again.`,
    setEndDate: "Set end date",
    setEndDateLabel: (partner: string) => `Set end date of ${partner}`,
    removeDialog: {
      title: (partner: string) => `Remove delegated admin privileges of ${partner}?`,
      body: (partner: string) =>
        `The people at ${partner} lose access to this organization at once, including sessions they already have open. You can reinstate the privileges later.`,
      confirm: "Remove privileges",
      removing: "Removing…",
      removed: (partner: string) => `Delegated admin privileges of ${partner} removed.`,
    },
    endDateDialog: {
      title: (partner: string) => `Set end date of ${partner}`,
      current: (date: string) => `Access now ends on ${date}.`,
      noCurrent: "Access has no end date now: it lasts until you remove the privileges.",
      field: "End date",
      hint: (pattern: string) => `As ${pattern}. Access ends as this day begins (00:00 UTC).`,
      invalid: (pattern: string) => `Enter a date as ${pattern}.`,
      notInFuture: "Choose a day after today. To end access now, remove the privileges instead.",
      clear: "Clear end date",
      clearing: "Clearing…",
      saved: (partner: string, date: string) => `Access of ${partner} ends on ${date}.`,
      cleared: (partner: string) => `Access of ${partner} has no end date anymore.`,
    },
  },
};

export type SettingsTexts = Widen<typeof texts>;
