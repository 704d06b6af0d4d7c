import { describe, expect, it } from "vitest";
import { texts as licensingEn } from "./texts/en";
import { texts as licensingNl } from "./texts/nl";

// Every source file of the web app as text (Vite reads them; the test needs no file system access of its own).
const raw = import.meta.glob<string>(["../../**/*.ts", "../../**/*.tsx", "!../../**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});
// Keys are relative to this folder ("./x.tsx", "../../features/…"): named here from src/ on.
const files = Object.entries(raw).map(([path, text]) => ({
  path: new URL(path, "file:///src/components/licensing/").pathname.replace(/^\/src\//, ""),
  text,
}));

/** The bulk preview whose changes only ever add licenses (the product page's Assign panel). */
const ADD_ONLY_PREVIEWS = new Set(["features/licenses/components/assign-licenses-drawer.tsx"]);

describe("the data-loss warning", () => {
  it("has one wording per language, with its plurals", () => {
    expect(licensingEn.dataLoss.body(1, 1)).toMatch(
      /^Removing this license deletes the user's data in its apps and services, such as their mailbox and all its messages\. The data can't be recovered \(except documents stored in SharePoint Online\)/,
    );
    expect(licensingEn.dataLoss.body(2, 3)).toMatch(
      /^Removing these licenses deletes the users' data in their apps and services, such as their mailboxes/,
    );
    expect(licensingEn.dataLoss.body(null, 5)).toBe(licensingEn.dataLoss.body(2, 5));
    expect(licensingNl.dataLoss.body(1, 1)).toMatch(
      /^Als u deze licentie verwijdert, worden de gegevens van de gebruiker in de apps en services ervan verwijderd, zoals het postvak met alle berichten\. U kunt de gegevens niet meer herstellen \(met uitzondering van de documenten die zijn opgeslagen in SharePoint Online\)/,
    );
    expect(licensingNl.dataLoss.body(3, 2)).toMatch(
      /^Als u deze licenties verwijdert, .* van de gebruikers .* de postvakken/,
    );
    // True to what the product does: the data goes when the license goes, with no grace period to wait for.
    for (const text of [licensingEn.dataLoss.body(1, 1), licensingEn.dataLoss.body(2, 2)]) {
      expect(text).not.toMatch(/grace/i);
    }
    expect(licensingNl.dataLoss.body(2, 2)).not.toMatch(/respijt/i);
  });

  it("is the only text that says data gets deleted", () => {
    // The shell's dictionary and every feature's or shared component's texts (a texts.ts, or one file per language).
    const texts = files.filter(
      ({ path }) =>
        path.startsWith("lib/i18n/") || /^(features|components)\/[^/]+\/texts(\.ts|\/[^/]+\.ts)$/.test(path),
    );
    expect(texts.length).toBeGreaterThan(5);
    const saying = texts
      .filter(({ text }) =>
        text
          .split("\n")
          .some(
            (line: string) =>
              /\b(data|gegevens)\b/i.test(line) &&
              /(delet|verwijderd)/i.test(line) &&
              !/(no data is deleted|geen gegevens verwijderd)/.test(line),
          ),
      )
      .map(({ path }) => path);
    expect(saying).toEqual(["components/licensing/texts/en.ts", "components/licensing/texts/nl.ts"]);
  });

  it("is shown by every dialog that removes licenses", () => {
    // Every call that takes licenses away: a user's or a group's assignLicense with removeLicenses, a self-service
    // buyer's unassign, and every bulk preview.
    const removers = files.filter(
      ({ path, text }) =>
        path !== "components/licensing/bulk-change-dialog.tsx" &&
        (/\bremoveLicenses(\s*[,}]|:\s*(?!\[\]))/.test(text) ||
          /useChangeAssignments\([^)]*"unassign"\)/.test(text) ||
          text.includes("<BulkChangeDialog")),
    );
    const paths = removers.map(({ path }) => path).sort();
    // The remove paths the admin center has today: a new one lands here and must show the warning too.
    expect(paths).toEqual([
      "features/account/components/subscription-card.tsx",
      "features/conflicts/routes/conflicts.tsx",
      "features/customer-licenses/routes/manage.tsx",
      "features/groups/components/assign-group-licenses-dialog.tsx",
      "features/groups/components/group-licenses-section.tsx",
      "features/licenses/components/assign-licenses-drawer.tsx",
      "features/licenses/routes/product.tsx",
      "features/reclaim/routes/reclaim.tsx",
      "features/users/components/manage-licenses-panel.tsx",
      "features/users/components/user-licenses-tab.tsx",
    ]);
    for (const { path, text } of removers) {
      if (ADD_ONLY_PREVIEWS.has(path)) continue;
      const direct = /<DataLossWarning[\s/>]/.test(text);
      const throughPreview = /<BulkChangeDialog[^>]*\bdataLossWarning\b/s.test(text);
      expect(direct || throughPreview, `${path} removes licenses without the data-loss warning`).toBe(true);
    }
    // The bulk preview shows it (and only it) when asked to.
    const preview = files.find(({ path }) => path === "components/licensing/bulk-change-dialog.tsx")?.text ?? "";
    expect(preview).toMatch(/<DataLossWarning[\s/>]/);
    expect(preview).not.toMatch(/dataLoss(Title|Body)/);
  });
});
