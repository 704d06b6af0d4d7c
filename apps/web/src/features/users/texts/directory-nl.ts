import type { DirectoryTexts } from "./directory-en";

/** Contactgegevens van een gebruiker, de filters erop en "Gebruikers exporteren", in het Nederlands. */
export const texts: DirectoryTexts = {
  title: "Contactgegevens",
  none: "Nog geen contactgegevens.",
  fields: {
    givenName: "Voornaam",
    surname: "Achternaam",
    jobTitle: "Functie",
    department: "Afdeling",
    officeLocation: "Kantoor",
    businessPhone: "Telefoon kantoor",
    mobilePhone: "Mobiele telefoon",
    faxNumber: "Faxnummer",
    alternateEmail: "Alternatief e-mailadres",
    streetAddress: "Adres",
    city: "Plaats",
    state: "Provincie",
    postalCode: "Postcode",
    country: "Land of regio",
  },
  filterHint: "Exacte naam, hoofdletters maken niet uit",
  moreFilters: "Meer filters",
  fewerFilters: "Minder filters",
  anyCountry: "Elk land of elke regio",
  exportUsers: "Gebruikers exporteren",
  exportHint: "Downloadt de gebruikers die de lijst toont, met hun licenties en aanmelddatums.",
};
