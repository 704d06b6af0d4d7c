import { textTools } from "@/lib/i18n";
import type { UserImportTexts } from "./en";

const { plural, number } = textTools("nl");

/** Meerdere gebruikers toevoegen en licentietoewijzingen importeren, in het Nederlands. */
export const texts: UserImportTexts = {
  usersTitle: "Meerdere gebruikers toevoegen",
  usersDescription:
    "Voeg veel gebruikers tegelijk toe of werk ze bij vanuit een CSV-bestand in de sjabloon van Microsoft. Er verandert niets tot u het voorbeeld accepteert.",
  licensesTitle: "Licentietoewijzingen importeren",
  licensesDescription:
    "Wijs licenties in bulk toe, wijzig of verwijder ze met het CSV-bestand van licentietoewijzingen (exporteren, bewerken, importeren). Er verandert niets tot u het voorbeeld accepteert.",
  backToUsers: "Terug naar Actieve gebruikers",
  backToLicenses: "Terug naar Licenties",
  stepsLabel: "Stappen",
  steps: {
    upload: "Uploaden en controleren",
    options: "Gebruikersopties instellen",
    preview: "Voorbeeld",
    apply: "Toepassen en resultaten",
  },
  stepOf: (step: number, total: number) => `Stap ${step} van ${total}`,
  template: {
    heading: "De sjabloon downloaden",
    intro:
      "Vul per gebruiker één rij in. Gebruikersnaam (de aanmeldingsnaam) is verplicht; is Weergavenaam leeg, dan wordt die gemaakt uit de voor- en achternaam.",
    samples: "Voorbeeldrijen opnemen",
    language: "Kolomkoppen",
    english: "Engels",
    dutch: "Nederlands",
    delimiter: "Scheidingsteken",
    comma: "Komma",
    semicolon: "Puntkomma (Excel in het Nederlands)",
    download: "Sjabloon downloaden",
  },
  licensesFileIntro:
    "Het bestand heeft de kolommen Gebruikersnaam, Product, Uitgeschakelde abonnementen en Toegewezen door. Exporteer de huidige toewijzingen op de pagina Licenties om daarmee te beginnen.",
  file: {
    heading: "Uw bestand uploaden",
    pick: "Een CSV-bestand kiezen",
    drop: "of sleep het hierheen",
    chosen: (name: string, size: string) => `${name} (${size})`,
    none: "Geen bestand gekozen",
    tooLarge: (limit: string) => `Het bestand is groter dan ${limit}. Splits het in kleinere bestanden.`,
    notCsv: "Kies een CSV-bestand (of een TXT-bestand met waarden gescheiden door komma's of puntkomma's).",
    hint: "UTF-8 (met of zonder BOM) of Windows-1252, komma of puntkomma, tot 50.000 rijen.",
  },
  verify: "Controleren",
  verifying: "Controleren…",
  uploadFailed: "Het bestand kan niet worden gelezen",
  verified: {
    allGood: (rows: number) => `${plural(rows, "De rij is", `Alle ${number(rows)} rijen zijn`)} geldig.`,
    someBad: (rows: number, bad: number) =>
      `${number(bad)} van ${number(rows)} ${plural(rows, "rij heeft", "rijen hebben")} problemen. Die rijen worden geweigerd; u kunt doorgaan met de andere of het bestand verbeteren en opnieuw uploaden.`,
    allBad: "Geen enkele rij kan worden geïmporteerd. Verbeter het bestand en upload het opnieuw.",
    empty: "Het bestand heeft geen gegevensrijen.",
    detected: (encoding: string, delimiter: string) => `Gelezen als ${encoding}, gescheiden door ${delimiter}.`,
    comma: "komma's",
    semicolon: "puntkomma's",
  },
  problems: {
    heading: "Gevonden problemen",
    tableLabel: "Problemen in het bestand, per regel en kolom",
    line: "Regel",
    column: "Kolom",
    problem: "Probleem",
    wholeRow: "Hele rij",
    moreInLog: (shown: number, rows: number) =>
      `De eerste ${number(shown)} problemen worden weergegeven (${number(rows)} ${plural(rows, "rij heeft", "rijen hebben")} problemen). Download het logboek voor alle problemen.`,
    downloadLog: "Logboek downloaden",
  },
  continueValid: (rows: number) => `Doorgaan met ${plural(rows, "de geldige rij", `de ${number(rows)} geldige rijen`)}`,
  next: "Volgende",
  back: "Vorige",
  uploadAnother: "Een ander bestand uploaden",
  options: {
    heading: "Gebruikersopties instellen",
    intro:
      "Deze gelden voor elke nieuwe gebruiker in het bestand. Bijgewerkte gebruikers houden hun aanmeldingsstatus en licenties.",
    signIn: "Aanmelden",
    allowed: "Gebruikers toestaan zich aan te melden",
    blocked: "Aanmelden blokkeren",
    usageLocation: "Gebruikslocatie",
    usageLocationHint:
      "Waar de nieuwe gebruikers werken. Een licentie vereist er een; gebruikers zonder locatie in het bestand krijgen deze.",
    licensesLegend: "Licenties voor elke nieuwe gebruiker",
    licensesHint:
      "Kies de producten (en hun apps) die elke nieuwe gebruiker krijgt. Elk product kost een licentie per gebruiker.",
    noneAvailable:
      "Er zijn voor geen enkel product licenties beschikbaar. Koop er meer of maak er vrij om ze hier toe te wijzen.",
    available: (count: number) => `${number(count)} beschikbaar`,
    needsLocation: "Kies een gebruikslocatie om licenties toe te wijzen.",
  },
  previewing: "Het voorbeeld wordt gemaakt…",
  previewFailed: "Het voorbeeld kan niet worden gemaakt",
  preview: {
    heading: "Voorbeeld",
    countsHeading: "Wat er gebeurt",
    seatsHeading: "Licenties per product",
    product: "Product",
    availableBeforeAfter: "Beschikbaar voor → na",
    beforeAfter: (before: number, after: number) => `${number(before)} → ${number(after)}`,
    short: (product: string, missing: number) =>
      `${product}: ${number(missing)} ${plural(missing, "licentie", "licenties")} te weinig. De gebruikers voorbij de beschikbare licenties krijgen het niet; koop eerst meer licenties of kies minder gebruikers.`,
    removalWarningTitle: "Gegevens worden verwijderd",
    removalWarning: (count: number) =>
      `${number(count)} ${plural(count, "licentie wordt", "licenties worden")} verwijderd. Als u een licentie verwijdert, worden de gegevens van de gebruiker in de bijbehorende apps en services verwijderd, zoals het postvak; die kunnen niet worden hersteld, ook niet door de licentie opnieuw toe te wijzen.`,
    removalConfirm: "Ik begrijp dat het verwijderen van deze licenties de servicegegevens van de gebruikers verwijdert",
    nothingToApply: "Niets toe te passen: elke rij wordt geweigerd of blijft ongewijzigd.",
  },
  counts: {
    create: "Worden gemaakt",
    update: "Worden bijgewerkt",
    assign: "Toe te wijzen licenties",
    change: "Te wijzigen licenties",
    remove: "Te verwijderen licenties",
    unchanged: "Ongewijzigd",
    refuse: "Geweigerd",
  },
  rows: {
    tableLabel: "Rijen van het bestand",
    filterLabel: "Rijen weergeven",
    allActions: "Alle rijen",
    allOutcomes: "Alle rijen",
    line: "Regel",
    user: "Gebruiker",
    product: "Product",
    action: "Actie",
    changes: "Wijzigingen",
    problems: "Problemen",
    outcome: "Resultaat",
    none: "Geen rijen om weer te geven.",
    shown: (shown: number, more: boolean) =>
      `${number(shown)}${more ? "+" : ""} ${plural(shown, "rij", "rijen")} weergegeven`,
  },
  actions: {
    create: "Maken",
    update: "Bijwerken",
    assign: "Toewijzen",
    change: "Wijzigen",
    remove: "Verwijderen",
    unchanged: "Ongewijzigd",
    refuse: "Weigeren",
  },
  outcomes: { succeeded: "Geslaagd", failed: "Mislukt", skipped: "Overgeslagen" },
  apply: (rows: number) => `${number(rows)} ${plural(rows, "rij", "rijen")} toepassen`,
  applying: "Starten…",
  applyFailed: "De import kan niet worden gestart",
  results: {
    title: "Importresultaten",
    loadFailed: "De import kan niet worden geladen",
    loading: "De import wordt geladen…",
    file: (name: string) => `Bestand: ${name}`,
    progressLabel: "Voortgang",
    progressText: (done: number, total: number, percent: number) =>
      `${number(done)} van ${number(total)} ${plural(total, "rij", "rijen")} toegepast (${percent}%)`,
    progressAnnouncement: (percent: number) => `${percent}% toegepast`,
    finishedAnnouncement: (ok: number, failed: number) =>
      `Import voltooid: ${number(ok)} geslaagd, ${number(failed)} mislukt.`,
    backgroundHint: "De import loopt door als u deze pagina verlaat; kom terug om de resultaten te bekijken.",
    status: {
      verified: "Gecontroleerd",
      previewed: "Voorbeeld gemaakt, niet toegepast",
      applying: "Wordt toegepast",
      completed: "Voltooid",
      failed: "Gestopt",
    },
    stopped: "De import is gestopt voordat elke rij was toegepast. Rijen zonder resultaat zijn niet gewijzigd.",
    notApplied: "Deze import is niet toegepast.",
    outcomeCounts: (ok: number, failed: number, skipped: number) =>
      `${number(ok)} geslaagd, ${number(failed)} mislukt, ${number(skipped)} overgeslagen`,
    download: "Resultaten downloaden",
    rowsHeading: "Resultaat per rij",
  },
  passwords: {
    heading: "Wachtwoorden van de nieuwe gebruikers",
    available:
      "Elke nieuwe gebruiker heeft een tijdelijk wachtwoord gekregen. Geef ze één keer weer om ze uit te delen; daarna worden ze niet meer bewaard.",
    show: "Wachtwoorden weergeven",
    showing: "Ophalen…",
    shownOnce: "Deze wachtwoorden worden alleen nu weergegeven. Download ze voordat u deze pagina verlaat.",
    tableLabel: "Eenmalige wachtwoorden",
    user: "Gebruiker",
    name: "Naam",
    password: "Tijdelijk wachtwoord",
    download: "Wachtwoorden downloaden",
    gone: "De eenmalige wachtwoorden zijn al eerder opgehaald en worden niet meer bewaard. Stel het wachtwoord van een gebruiker opnieuw in om een nieuw wachtwoord te geven.",
    none: "Er is geen gebruiker gemaakt, dus er zijn geen wachtwoorden.",
    failed: "De wachtwoorden kunnen niet worden opgehaald",
    fileName: "wachtwoorden.csv",
    csvHeader: ["Gebruikersnaam", "Weergavenaam", "Wachtwoord"],
  },
};
