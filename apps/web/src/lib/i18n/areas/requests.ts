import type { Widen } from "../widen";

/** Texts of the requests area the shell needs; the page's own texts live in features/requests/texts/. */
export const requestsEn = {
  /** The Requests item of the left navigation, with its badge. */
  navLabel: (count: number) => `Requests, ${count} pending`,
};

export const requestsNl: Widen<typeof requestsEn> = {
  navLabel: (count: number) => `Aanvragen, ${count} open`,
};
