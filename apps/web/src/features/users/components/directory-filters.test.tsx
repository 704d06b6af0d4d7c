import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { renderInApp } from "@/test/render";
import { directoryTexts } from "../texts";
import { DirectoryFilters } from "./directory-filters";

beforeAll(async () => {
  await directoryTexts.load("en");
});

describe("DirectoryFilters", () => {
  it("applies a typed department on Enter and a job title when the field is left, trimmed", async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    await renderInApp(<DirectoryFilters filter={{}} onChange={onChange} />);
    expect(screen.queryByRole("textbox", { name: "Department" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "More filters" }));
    await user.type(screen.getByRole("textbox", { name: "Department" }), " Sales {Enter}");
    expect(onChange).toHaveBeenLastCalledWith({ department: "Sales" });
    await user.type(screen.getByRole("textbox", { name: "Job title" }), "Buyer");
    expect(onChange).not.toHaveBeenCalledWith({ jobTitle: expect.anything() });
    await user.tab();
    expect(onChange).toHaveBeenLastCalledWith({ jobTitle: "Buyer" });
  }, 20_000);

  it("clears a filter when its field is emptied, and picks a country or region from the list", async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    await renderInApp(<DirectoryFilters filter={{ city: "Gent" }} onChange={onChange} />);
    const city = screen.getByRole("textbox", { name: "City" });
    expect((city as HTMLInputElement).value).toBe("Gent");
    await user.clear(city);
    await user.keyboard("{Enter}");
    expect(onChange).toHaveBeenLastCalledWith({ city: undefined });
    const country = screen.getByRole("combobox", { name: "Country or region" });
    expect(screen.getByRole("option", { name: "Any country or region" })).toBeTruthy();
    await user.selectOptions(country, "BE");
    expect(onChange).toHaveBeenLastCalledWith({ country: "BE" });
  }, 20_000);
});
