import { textTools } from "@/lib/i18n";
import type { Widen } from "@/lib/i18n/widen";

const { plural, number } = textTools("en");

/**
 * Users › Add multiple users and Licenses › Import assignments: upload and verify a CSV, set the new users' options,
 * preview, apply in the background, results. In English: the reference for other languages.
 */
export const texts = {
  usersTitle: "Add multiple users",
  usersDescription:
    "Add or update many users at once from a CSV file in Microsoft's template. Nothing changes until you accept the preview.",
  licensesTitle: "Import license assignments",
  licensesDescription:
    "Assign, change or remove licenses in bulk from the license assignment CSV (export it, edit it, import it). Nothing changes until you accept the preview.",
  backToUsers: "Back to Active users",
  backToLicenses: "Back to Licenses",
  stepsLabel: "Steps",
  steps: { upload: "Upload and verify", options: "Set user options", preview: "Preview", apply: "Apply and results" },
  stepOf: (step: number, total: number) => `Step ${step} of ${total}`,
  // Step 1
  template: {
    heading: "Download the template",
    intro:
      "Fill in one row per user. User Name (the sign-in name) is required; Display Name is made up from the first and last name when empty.",
    samples: "Include sample rows",
    language: "Headers",
    english: "English",
    dutch: "Dutch",
    delimiter: "Separator",
    comma: "Comma",
    semicolon: "Semicolon (Excel in Dutch)",
    download: "Download template",
  },
  licensesFileIntro:
    "The file has the columns User Name, Product, Disabled plans and Assigned by. Export the current assignments from the Licenses page to start from them.",
  file: {
    heading: "Upload your file",
    pick: "Choose a CSV file",
    drop: "or drop it here",
    chosen: (name: string, size: string) => `${name} (${size})`,
    none: "No file chosen",
    tooLarge: (limit: string) => `The file is larger than ${limit}. Split it into smaller files.`,
    notCsv: "Choose a .csv file (or a .txt file with comma or semicolon separated values).",
    hint: "UTF-8 (with or without BOM) or Windows-1252, comma or semicolon, up to 50,000 rows.",
  },
  verify: "Verify",
  verifying: "Verifying…",
  uploadFailed: "The file could not be read",
  verified: {
    allGood: (rows: number) => `All ${number(rows)} ${plural(rows, "row is", "rows are")} valid.`,
    someBad: (rows: number, bad: number) =>
      `${number(bad)} of ${number(rows)} ${plural(rows, "row has", "rows have")} problems. Those rows will be refused; you can go on with the others or fix the file and upload it again.`,
    allBad: "No row can be imported. Fix the file and upload it again.",
    empty: "The file has no data rows.",
    detected: (encoding: string, delimiter: string) => `Read as ${encoding}, separated by ${delimiter}.`,
    comma: "commas",
    semicolon: "semicolons",
  },
  problems: {
    heading: "Problems found",
    tableLabel: "Problems in the file, by line and column",
    line: "Line",
    column: "Column",
    problem: "Problem",
    wholeRow: "Whole row",
    moreInLog: (shown: number, rows: number) =>
      `The first ${number(shown)} problems are listed (${number(rows)} ${plural(rows, "row has", "rows have")} problems). Download the log for all of them.`,
    downloadLog: "Download log",
  },
  continueValid: (rows: number) => `Continue with the ${number(rows)} valid ${plural(rows, "row", "rows")}`,
  next: "Next",
  back: "Back",
  uploadAnother: "Upload another file",
  // Step 2
  options: {
    heading: "Set user options",
    intro: "These apply to every new user in the file. Updated users keep their sign-in state and licenses.",
    signIn: "Sign-in",
    allowed: "Allow users to sign in",
    blocked: "Block sign-in",
    usageLocation: "Usage location",
    usageLocationHint: "Where the new users work. A license needs one; users without one in the file get this one.",
    licensesLegend: "Licenses for every new user",
    licensesHint: "Choose the products (and their apps) each new user gets. Each takes a seat per user.",
    noneAvailable: "No product has licenses available. Buy more, or free some, to assign them here.",
    available: (count: number) => `${number(count)} available`,
    needsLocation: "Choose a usage location to assign licenses.",
  },
  previewing: "Working out the preview…",
  previewFailed: "The preview could not be made",
  // Step 3
  preview: {
    heading: "Preview",
    countsHeading: "What will happen",
    seatsHeading: "Seats per product",
    product: "Product",
    availableBeforeAfter: "Available before → after",
    beforeAfter: (before: number, after: number) => `${number(before)} → ${number(after)}`,
    short: (product: string, missing: number) =>
      `${product}: ${number(missing)} ${plural(missing, "seat", "seats")} short. The users past the available seats will not get it; buy more seats first or choose fewer users.`,
    removalConfirm: "I have read the warning and want these licenses removed",
    nothingToApply: "Nothing to apply: every row is refused or unchanged.",
  },
  counts: {
    create: "To be created",
    update: "To be updated",
    assign: "Licenses to assign",
    change: "Licenses to change",
    remove: "Licenses to remove",
    unchanged: "Unchanged",
    refuse: "Refused",
  },
  rows: {
    tableLabel: "Rows of the file",
    filterLabel: "Show rows",
    allActions: "All rows",
    allOutcomes: "All rows",
    line: "Line",
    user: "User",
    product: "Product",
    action: "Action",
    changes: "Changes",
    problems: "Problems",
    outcome: "Outcome",
    none: "No rows to show.",
    shown: (shown: number, more: boolean) => `${number(shown)}${more ? "+" : ""} ${plural(shown, "row", "rows")} shown`,
  },
  actions: {
    create: "Create",
    update: "Update",
    assign: "Assign",
    change: "Change",
    remove: "Remove",
    unchanged: "Unchanged",
    refuse: "Refuse",
  },
  outcomes: { succeeded: "Succeeded", failed: "Failed", skipped: "Skipped" },
  apply: (rows: number) => `Apply ${number(rows)} ${plural(rows, "row", "rows")}`,
  applying: "Starting…",
  applyFailed: "The import could not be started",
  // Step 4 and the results page
  results: {
    title: "Import results",
    loadFailed: "The import could not be loaded",
    loading: "Loading the import…",
    file: (name: string) => `File: ${name}`,
    progressLabel: "Progress",
    progressText: (done: number, total: number, percent: number) =>
      `${number(done)} of ${number(total)} ${plural(total, "row", "rows")} applied (${percent}%)`,
    progressAnnouncement: (percent: number) => `${percent}% applied`,
    finishedAnnouncement: (ok: number, failed: number) =>
      `Import finished: ${number(ok)} succeeded, ${number(failed)} failed.`,
    backgroundHint: "The import keeps running if you leave this page; come back to see its results.",
    status: {
      verified: "Verified",
      previewed: "Previewed, not applied",
      applying: "Applying",
      completed: "Completed",
      failed: "Stopped",
    },
    stopped: "The import stopped before every row was applied. Rows without an outcome were not changed.",
    notApplied: "This import has not been applied.",
    outcomeCounts: (ok: number, failed: number, skipped: number) =>
      `${number(ok)} succeeded, ${number(failed)} failed, ${number(skipped)} skipped`,
    download: "Download results",
    rowsHeading: "Outcome per row",
  },
  passwords: {
    heading: "Passwords of the new users",
    available:
      "Each new user got a temporary password. Show them once to hand them out; after that they are no longer kept.",
    show: "Show passwords",
    showing: "Retrieving…",
    shownOnce: "These passwords are shown only now. Download them before you leave this page.",
    tableLabel: "One-time passwords",
    user: "User",
    name: "Name",
    password: "Temporary password",
    download: "Download passwords",
    gone: "The one-time passwords were retrieved before and are no longer kept. Reset a user's password to give a new one.",
    none: "No user was created, so there are no passwords.",
    failed: "The passwords could not be retrieved",
    fileName: "passwords.csv",
    csvHeader: ["User Name", "Display Name", "Password"],
  },
};

export type UserImportTexts = Widen<typeof texts>;
