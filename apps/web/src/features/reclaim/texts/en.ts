import { textTools } from "@/lib/i18n/plural";
import type { Widen } from "@/lib/i18n/widen";

const { plural } = textTools("en");

/** Texts of the reclaim page, in English: the reference for other languages. */
export const texts = {
  title: "Reclaim licenses",
  description:
    "Users who have not signed in for a number of days but still hold paid licenses. Reclaim their licenses to free the seats and what they cost.",
  daysLabel: "Not signed in for at least (days)",
  daysHint: "From 1 to 3650 days. Press Enter or leave the field to update the list.",
  daysInvalid: "Enter a whole number of days from 1 to 3650.",
  inactiveSince: (date: string) => `Not signed in since ${date}`,
  totalsLabel: "Totals",
  totalUsers: "Inactive users with paid licenses",
  totalCost: "Monthly cost of their licenses",
  loading: "Loading inactive users…",
  shownCount: (shown: number, total: number) => `${shown} of ${total} ${plural(total, "user", "users")} shown`,
  columns: {
    name: "Display name",
    lastSignIn: "Last sign-in",
    licenses: "Paid licenses",
    monthlyCost: "Monthly cost",
  },
  never: "Never",
  guest: "Guest",
  tableLabel: (days: number) => `Users who have not signed in for ${days} ${plural(days, "day", "days")}`,
  selectAll: "Select all users shown",
  selectRow: (name: string) => `Select ${name}`,
  selection: (count: number, cost: string) =>
    count === 0
      ? "Select the users whose licenses you want to reclaim."
      : `${count} ${plural(count, "user", "users")} selected: reclaiming frees ${cost} a month.`,
  clearSelection: "Clear selection",
  reclaimButton: "Reclaim licenses",
  replaceWarning:
    "Reclaiming removes every license assigned directly to the selected users. Licenses they get through a group stay.",
  dialogTitle: (count: number, cost: string) =>
    `Remove every direct license of ${count} ${plural(count, "user", "users")} (frees ${cost} a month)`,
  emptyTitle: "No inactive users with paid licenses",
  emptyBody: (days: number) =>
    `Everyone holding a paid license has signed in within the last ${days} ${plural(days, "day", "days")}.`,
};

export type ReclaimTexts = Widen<typeof texts>;
