import type { Widen } from "../widen";

/** Texts of the requests area the shell needs; the page's own texts live in features/requests/texts.ts. */
export const requestsEn = {
  title: "Requests",
  description: "License requests from people in your organization.",
  /** The Requests item of the left navigation, with its badge. */
  navLabel: (count: number) => `Requests, ${count} pending`,
};

export const requestsNl: Widen<typeof requestsEn> = {
  title: "Aanvragen",
  description: "Licentieaanvragen van mensen in je organisatie.",
  navLabel: (count: number) => `Aanvragen, ${count} open`,
};
