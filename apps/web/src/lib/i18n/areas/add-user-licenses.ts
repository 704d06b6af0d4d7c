import type { Widen } from "../widen";

const enNumber = new Intl.NumberFormat("en-GB");
const nlNumber = new Intl.NumberFormat("nl-NL");

/** Texts of Add a user › Product licenses and its review; `addUserLicensesNl` must have the same keys. */
export const addUserLicensesEn = {
  legend: "Product licenses",
  hint: "Assign licenses now, or later from the user's details. A license needs the usage location above.",
  noneAvailable: "No product has licenses available. Buy more, or free some, to assign them here.",
  available: (count: number) => `${enNumber.format(count)} available`,
  apps: (product: string) => `Apps and services of ${product}`,
  reviewTitle: "Review the new user",
  reviewIntro: (name: string) => `${name} is added with these licenses in one step: all of them, or nothing.`,
  checking: "Checking the licenses…",
  willGet: "The user can be added with these licenses.",
  cannotGet: "The user can't be added with these licenses. Change them or the usage location and try again.",
  back: "Back",
  confirm: "Add user and assign licenses",
  confirming: "Adding user…",
};

export const addUserLicensesNl: Widen<typeof addUserLicensesEn> = {
  legend: "Productlicenties",
  hint: "Wijs nu licenties toe, of later vanuit de gegevens van de gebruiker. Een licentie vereist de gebruikslocatie hierboven.",
  noneAvailable:
    "Er zijn voor geen enkel product licenties beschikbaar. Koop er meer of maak er vrij om ze hier toe te wijzen.",
  available: (count: number) => `${nlNumber.format(count)} beschikbaar`,
  apps: (product: string) => `Apps en services van ${product}`,
  reviewTitle: "De nieuwe gebruiker controleren",
  reviewIntro: (name: string) => `${name} wordt in één stap met deze licenties toegevoegd: met alle, of niet.`,
  checking: "Licenties controleren…",
  willGet: "De gebruiker kan met deze licenties worden toegevoegd.",
  cannotGet:
    "De gebruiker kan niet met deze licenties worden toegevoegd. Wijzig de licenties of de gebruikslocatie en probeer het opnieuw.",
  back: "Terug",
  confirm: "Gebruiker toevoegen en licenties toewijzen",
  confirming: "Gebruiker toevoegen…",
};
