import type { Widen } from "@/lib/i18n/widen";

/** Texts of a bulk license change's page, in English: the reference for other languages. */
export const texts = {
  jobTitle: "Bulk license change",
  jobNotFound: "This bulk change doesn't exist or you can't see it.",
  jobFacts: "About this change",
  jobStartedBy: "Started by",
  jobStartedAt: "Started",
  jobFinishedAt: "Finished",
  jobChange: "Change",
  jobUsers: "Users",
  unknownPerson: "Unknown",
  notFinished: "Not finished yet",
};

export type JobsTexts = Widen<typeof texts>;
