import { screen } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import { csvExportUrl } from "@/lib/api/csv-export";
import { renderInApp } from "@/test/render";
import { filterQuery } from "../api/get-users";
import { directoryTexts, usersTexts } from "../texts";
import { UsersToolbar } from "./users-toolbar";

const TENANT = "5b0c2f5e-6f1d-4c8a-9a3e-2f4d6c8b0a1e";

beforeAll(async () => {
  for (const language of ["en", "nl"] as const) {
    await usersTexts.load(language);
    await directoryTexts.load(language);
  }
});

const noop = () => {};

function renderToolbar(language: "en" | "nl") {
  const filter = { department: "Sales", country: "NL", licensed: true, search: " ann " };
  return renderInApp(
    <UsersToolbar
      live={false}
      canManage={false}
      selectedCount={0}
      deletable={false}
      refreshing={false}
      fetching={false}
      onAdd={noop}
      onAddMultiple={noop}
      onManageLicenses={noop}
      onDelete={noop}
      onRefresh={noop}
      exportHref={(delimiter) => csvExportUrl(TENANT, "users", delimiter, filterQuery(filter))}
    />,
    language,
  );
}

describe("Export users", () => {
  it("downloads the list as filtered, comma-separated in English", async () => {
    await renderToolbar("en");
    const link = screen.getByRole("link", { name: "Export users" });
    const url = new URL(link.getAttribute("href") ?? "", "http://localhost");
    expect(url.pathname).toBe(`/api/tenants/${TENANT}/users/export`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      search: "ann",
      licensed: "true",
      department: "Sales",
      country: "NL",
      delimiter: "comma",
    });
  }, 20_000);

  it("is semicolon-separated in Dutch, as Dutch Excel reads it", async () => {
    await renderToolbar("nl");
    const link = screen.getByRole("link", { name: "Gebruikers exporteren" });
    expect(link.getAttribute("href")).toContain("delimiter=semicolon");
  }, 20_000);
});
